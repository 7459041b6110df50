from django.urls import path

from . import views

app_name = "energy"

urlpatterns = [
    path("energie/screenings/", views.screening_list, name="screenings"),
    path("energie/screenings/<int:screening_id>/", views.screening_detail, name="screening"),
    path("energie/screenings/<int:screening_id>/rapport.pdf", views.screening_pdf,
         name="screening_pdf"),
    path("energie/screenings/<int:screening_id>/fotos/<int:photo_id>/", views.screening_photo,
         name="photo"),
    path("energie/renovatiebegeleiding/", views.trajectory_list, name="trajectories"),
    path("energie/renovatiebegeleiding/<int:trajectory_id>/", views.trajectory_detail,
         name="trajectory"),
    path("energie/renovatiebegeleiding/<int:trajectory_id>/offertes/", views.quote_comparison,
         name="quotes"),
    path("energie/aannemers/", views.contractor_list, name="contractors"),
    path("energie/aannemers/<int:contractor_id>/", views.contractor_detail, name="contractor"),
    path("dossiers/<int:case_id>/energie/", views.case_energy, name="case"),
    path("dossiers/<int:case_id>/energie/screening/", views.screening_new, name="screening_new"),
    path("dossiers/<int:case_id>/energie/renovatiebegeleiding/", views.trajectory_start,
         name="trajectory_start"),
]
