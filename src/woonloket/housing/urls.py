from django.urls import path

from . import views

app_name = "housing"

urlpatterns = [
    path("woningen/", views.availability, name="availability"),
    path("woningen/nieuw/", views.unit_new, name="unit_new"),
    path("woningen/<int:unit_id>/", views.unit_detail, name="unit"),
    path("woningen/bezetting/", views.board, name="board"),
    path("woningen/bezettingsgraad/", views.occupancy, name="occupancy"),
    path("woningen/verdeelsleutel/", views.allocation, name="allocation"),
    path("woningen/aanvragen/", views.applications, name="applications"),
    path("woningen/aanvragen/<int:application_id>/", views.application_decide,
         name="decide"),
    path("verblijven/<int:stay_id>/", views.stay_detail, name="stay"),
    path("crisisnetwerk/", views.network, name="network"),
    path("crisisnetwerk/taken/<int:task_id>/opgevolgd/", views.task_done, name="task_done"),
    path("kracht-wonen/", views.registrations, name="registrations"),
    path("kracht-wonen/<int:registration_id>/", views.registration_detail,
         name="registration"),
]
