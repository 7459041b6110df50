from django.urls import path

from . import views

app_name = "rentals"

urlpatterns = [
    path("immolijst/", views.listing_list, name="listings"),
    path("immolijst/nieuw/", views.listing_new, name="listing_new"),
    path("immolijst/importeren/", views.listing_import, name="import"),
    path("immolijst/lijst.pdf", views.listing_pdf, name="pdf"),
    path("immolijst/<int:listing_id>/", views.listing_edit, name="listing"),
    path("verhuurders/", views.landlords, name="landlords"),
    path("verhuurders/<int:landlord_id>/", views.landlord_detail, name="landlord"),
    path("dossiers/<int:case_id>/woningzoektocht/", views.case_search, name="case_search"),
    path("woonclub/", views.woonclub, name="woonclub"),
    path("woonclub/<int:session_id>/", views.session_detail, name="session"),
]
