from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnergyConfig(AppConfig):
    name = "woonloket.energy"
    label = "energy"
    verbose_name = _("Energie en renovatie")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import benchmarks, demo, shell  # noqa: F401 - bench, seeder, UI shell
