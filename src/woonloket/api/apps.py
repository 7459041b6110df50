from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "woonloket.api"
    label = "api"
