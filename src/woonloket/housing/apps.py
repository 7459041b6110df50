from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousingConfig(AppConfig):
    name = "woonloket.housing"
    label = "housing"
    verbose_name = _("Woningenpool")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import benchmarks, demo, shell  # noqa: F401 - bench, seeder, UI shell
