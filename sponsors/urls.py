from django.urls import include, path

from sponsors import views

app_name = "sponsors"

# The sponsors' pages under « parrains/ », the events' (sponsors/events/) under « rencontres/ »
# (sponsors/hooks.py mounts this file at the root).
sponsor_patterns = [
    path("", views.directory, name="directory"),
    path("carte/", views.france_map, name="map"),
    path("comment-ce-classement-est-calcule/", views.ranking_explained, name="ranking"),
    path("devenir-parrain/", views.volunteer, name="volunteer"),
    path("moderation/", views.moderation, name="moderation"),
    path("<int:pk>/", views.profile, name="profile"),
    path("<int:pk>/<slug:action>/", views.profile_action, name="profile_action"),
    path("innovation/<slug:slug>/demander/<int:pk>/", views.request_create, name="request_create"),
    path("demandes/<int:pk>/", views.request_detail, name="request"),
    path("parrainages/<int:pk>/", views.sponsorship_detail, name="sponsorship"),
    path("parrainages/<int:pk>/terminer/", views.sponsorship_end, name="sponsorship_end"),
]

urlpatterns = [
    path("parrains/", include(sponsor_patterns)),
    path("rencontres/", include("sponsors.events.urls")),
]
