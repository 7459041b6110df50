from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "woonloket.core"
    label = "core"
    verbose_name = _("Basis")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Register this app's demo generators and benchmarks.
        from . import benchmarks, demo  # noqa: F401
