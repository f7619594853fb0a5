from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("<int:pk>/", views.notice_open, name="open"),
    path("tout-lu/", views.notices_read_all, name="read_all"),
    path("preferences/", views.preferences, name="preferences"),
    path("suivre/<str:label>/<int:pk>/", views.follow, name="follow"),
    path("desabonnement/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
