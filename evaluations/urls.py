from django.urls import path

from evaluations import scoring_urls, views

app_name = "evaluations"

# The scoring's URLs first (part 2): `<slug>/organisation/jury/` before `<slug>/organisation/<kind>/`.
urlpatterns = [
    *scoring_urls.urlpatterns,
    path("", views.campaign_list, name="list"),
    path("nouvelle/", views.campaign_create, name="create"),
    path("mes-candidatures/", views.my_entries, name="mine"),
    path("candidatures/<int:pk>/", views.entry_detail, name="entry"),
    path("candidatures/<int:pk>/retirer/", views.entry_withdraw, name="entry_withdraw"),
    path("candidatures/<int:pk>/recevabilite/", views.entry_rule, name="entry_rule"),
    path("<slug:slug>/", views.campaign_detail, name="campaign"),
    path("<slug:slug>/resultats/", views.results, name="results"),
    path("<slug:slug>/vote/", views.vote, name="vote"),
    path("<slug:slug>/candidater/", views.enter, name="enter"),
    path("<slug:slug>/organisation/", views.manage, name="manage"),
    path("<slug:slug>/organisation/modifier/", views.campaign_edit, name="edit"),
    path("<slug:slug>/organisation/phase/", views.phase_action, name="phase_action"),
    path("<slug:slug>/organisation/prolonger/", views.extend_phase, name="extend"),
    path("<slug:slug>/organisation/candidatures/", views.entries, name="entries"),
    path("<slug:slug>/organisation/laureats/", views.awards, name="awards"),
    path("<slug:slug>/organisation/laureats/<int:pk>/retirer/", views.award_delete, name="award_delete"),
    path("<slug:slug>/organisation/<str:kind>/", views.settings_items, name="settings"),
    path("<slug:slug>/organisation/<str:kind>/<int:pk>/", views.settings_items, name="settings_item"),
    path("<slug:slug>/organisation/<str:kind>/<int:pk>/supprimer/", views.settings_item_delete,
         name="settings_delete"),
]
