from django.urls import path

from . import views

app_name = "clients"

urlpatterns = [
    path("gezinnen/<int:household_id>/", views.household_detail, name="household"),
    path("personen/<int:person_id>/bewerken/", views.person_edit, name="person_edit"),
]
