from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClientsConfig(AppConfig):
    name = "woonloket.clients"
    label = "clients"
    verbose_name = _("Cliënten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import search  # noqa: F401 - registers similarity() on SQLite
