from django.urls import path

from . import views

app_name = "neighbourhoods"

urlpatterns = [
    path("wijkscreening/", views.import_list, name="imports"),
    path("wijkscreening/importeren/", views.import_new, name="import_new"),
    path("wijkscreening/<int:import_id>/", views.import_detail, name="import"),
    path("wijkscreening/<int:import_id>/wijken.xlsx", views.import_xlsx, name="import_xlsx"),
]
