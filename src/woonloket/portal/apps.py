from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "woonloket.portal"
    label = "portal"
    verbose_name = _("Publieke pagina's")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import shell  # noqa: F401 - navigation and dashboard panel
