from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeighbourhoodsConfig(AppConfig):
    name = "woonloket.neighbourhoods"
    label = "neighbourhoods"
    verbose_name = _("Wijken en collectieve renovatie")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import benchmarks, demo  # noqa: F401 - bench, seeder (nav: energy/shell.py)
