from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("account/aanmelden/", views.LoginView.as_view(), name="login"),
    path("account/afmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/tweede-factor/", views.second_factor, name="second_factor"),
    path("overzicht/", views.dashboard, name="dashboard"),
    path("gemeenten/", views.municipalities, name="municipalities"),
    path("regios/", views.regions, name="regions"),
    path("regios/nieuw/", views.region_edit, name="region_new"),
    path("regios/<slug:code>/bewerken/", views.region_edit, name="region_edit"),
    path("organisaties/", views.organisations, name="organisations"),
    path("auditlog/", views.audit_log, name="audit_log"),
]
