from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("overleg/", views.meeting_list, name="list"),
    path("overleg/<int:meeting_id>/", views.meeting_detail, name="detail"),
    path("overleg/<int:meeting_id>/bestanden/<int:file_id>/", views.file_download, name="file"),
    path("overleg/acties/<int:action_id>/gedaan/", views.action_done, name="action_done"),
    path("overleg/jaaroverzicht.pdf", views.overview_pdf, name="overview"),
    path("overleg/agenda/<slug:kind>/<slug:area>/<str:token>.ics", views.feed_body,
         name="feed_body"),
    path("overleg/agenda/<str:token>.ics", views.feed_person, name="feed_person"),
]
