from django.apps import AppConfig


class ScopingTestConfig(AppConfig):
    name = "tests.scoping"
    label = "scoping_test"
    default_auto_field = "django.db.models.BigAutoField"
