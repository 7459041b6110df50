from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "woonloket.reports"
    label = "reports"
    verbose_name = _("Rapportering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import benchmarks, demo, shell  # noqa: F401 - bench, seeder, UI shell
