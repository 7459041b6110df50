from django.urls import path

from . import views

app_name = "evictions"

urlpatterns = [
    path("uithuiszettingen/", views.board, name="board"),
    path("uithuiszettingen/nieuw/", views.petition_new, name="new"),
    path("uithuiszettingen/importeren/", views.petition_import, name="import"),
    path("uithuiszettingen/brieven-van-vandaag/", views.letters_today, name="letters_today"),
    path("uithuiszettingen/<int:petition_id>/", views.petition_detail, name="petition"),
    path("uithuiszettingen/<int:petition_id>/stappen/<int:step_id>/", views.step_update,
         name="step"),
    path("uithuiszettingen/<int:petition_id>/brieven/<str:kind>/maken/", views.letter_issue,
         name="letter_issue"),
    path("uithuiszettingen/<int:petition_id>/brieven/<int:letter_id>.pdf", views.letter_view,
         name="letter"),
    path("uithuiszettingen/<int:petition_id>/gezien/", views.ocmw_seen, name="ocmw_seen"),
    path("uithuiszettingen/zittingen/", views.sessions, name="sessions"),
    path("uithuiszettingen/agenda/<str:token>.ics", views.feed_mine, name="feed_mine"),
    path("uithuiszettingen/agenda/kanton/<slug:canton>/<str:token>.ics", views.feed_canton,
         name="feed_canton"),
    path("uithuiszettingen/cijfers/", views.figures, name="figures"),
    path("uithuiszettingen/instellingen/", views.settings_page, name="settings"),
    path("uithuiszettingen/instellingen/sjablonen/<str:kind>/", views.template_edit,
         name="template"),
    path("huurbemiddeling/", views.mediations, name="mediations"),
    path("huurbemiddeling/<int:mediation_id>/", views.mediation_detail, name="mediation"),
]
