from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "woonloket.meetings"
    label = "meetings"
    verbose_name = _("Vergaderingen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import demo, shell  # noqa: F401 - seeder, UI shell
