from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    # public, no login
    path("energiescan/", views.scan_start, name="scan"),
    path("energiescan/<str:token>/", views.scan_result, name="scan_result"),
    path("energiescan/<str:token>/renovatiecoach/", views.coach_ask, name="coach_ask"),
    path("energiescan/<str:token>/renovatiecoach/bedankt/", views.coach_thanks,
         name="coach_thanks"),
    # back office
    path("energie/vragen/", views.coach_requests, name="coach_requests"),
    path("energie/vragen/<int:request_id>/", views.coach_request_detail, name="coach_request"),
]
