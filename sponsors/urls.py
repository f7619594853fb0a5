from django.urls import include, path

app_name = "sponsors"

urlpatterns = [
    path("rencontres/", include("sponsors.events.urls")),
]
