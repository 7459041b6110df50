from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("dossiers/", views.case_list, name="list"),
    path("dossiers/nieuw/", views.case_new, name="new"),
    path("gezinnen/<int:household_id>/nieuw-dossier/", views.case_for_household,
         name="new_for_household"),
    path("dossiers/<int:case_id>/", views.case_detail, name="detail"),
    path("dossiers/<int:case_id>/traject/", views.case_enrol, name="enrol"),
    path("dossiers/<int:case_id>/afsluiten/", views.case_close, name="close"),
    path("dossiers/<int:case_id>/intake/", views.intake, name="intake"),
    path("dossiers/<int:case_id>/handelingsplan/", views.action_plan, name="plan"),
    path("dossiers/<int:case_id>/handelingsplan.pdf", views.action_plan_pdf, name="plan_pdf"),
    path("dossiers/<int:case_id>/acties/<int:action_id>/status/", views.action_state,
         name="action_state"),
    path("dossiers/<int:case_id>/doorverwijzen/", views.referral, name="referral"),
    path("doorverwijzingen/<int:referral_id>/status/", views.referral_status,
         name="referral_status"),
    path("mijn-werk/", views.my_work, name="my_work"),
    path("personen/", views.people, name="people"),
]
