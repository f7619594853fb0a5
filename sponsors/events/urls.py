from django.urls import path

from sponsors.events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("agenda.ics", views.feed, name="feed"),
    path("nouvelle/", views.event_create, name="create"),
    path("mes-rencontres/", views.mine, name="mine"),
    path("inscriptions/<int:pk>/<slug:action>/", views.registration_action, name="registration_action"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/agenda.ics", views.event_ics, name="ics"),
    path("<slug:slug>/modifier/", views.event_edit, name="edit"),
    path("<slug:slug>/publier/", views.event_publish, name="publish"),
    path("<slug:slug>/annuler/", views.event_cancel, name="cancel"),
    path("<slug:slug>/inscription/", views.register, name="register"),
    path("<slug:slug>/participants/", views.attendees, name="attendees"),
    path("<slug:slug>/participants.csv", views.attendees_csv, name="attendees_csv"),
    path("<slug:slug>/compte-rendu/", views.minutes_edit, name="minutes"),
]
