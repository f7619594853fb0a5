from django.urls import path

from contact import views

app_name = "contact"

urlpatterns = [
    path("", views.platform, name="platform"),
    path("innovations/<slug:slug>/", views.team, name="team"),
    path("essaimages/<int:pk>/", views.declarer, name="declarer"),
]
