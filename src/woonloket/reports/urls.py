from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("rapporten/", views.report, name="report"),
    path("rapporten/definities/", views.definitions, name="definitions"),
    path("rapporten/infographic/<slug:region>/", views.infographic, name="infographic"),
]
