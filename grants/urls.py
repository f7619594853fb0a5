from django.urls import include, path

app_name = "grants"

urlpatterns = [
    path("", include("grants.review_urls")),
]
