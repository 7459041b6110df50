from django.contrib import admin
from django.urls import include, path, re_path

from woonloket.api.api import api, not_found

admin.site.site_header = "woonloket – beheer"
admin.site.site_title = "woonloket"

urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", not_found),
    path("beheer/", admin.site.urls),
    path("", include("woonloket.cases.urls")),
    path("", include("woonloket.clients.urls")),
    path("", include("woonloket.housing.urls")),
    path("", include("woonloket.evictions.urls")),
    path("", include("woonloket.rentals.urls")),
    path("", include("woonloket.reports.urls")),
    path("", include("woonloket.meetings.urls")),
    path("", include("woonloket.energy.urls")),
    path("", include("woonloket.portal.urls")),
    path("", include("woonloket.neighbourhoods.urls")),
    path("", include("woonloket.core.urls")),
]

