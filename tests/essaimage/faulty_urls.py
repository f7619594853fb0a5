"""URLconf for the error-page tests: the site's URLs and handlers, plus views that fail."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.urls import path

from essaimage.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


@login_not_required
def broken_view(request):
    raise RuntimeError("a bug")


@login_not_required
def lost_connection_view(request):
    """The database goes away in the middle of a request, after the connection's health check."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")  # the request's first query: the connection was checked and works
    connection.connection.close()  # then the database restarts: the connection is dead
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


urlpatterns = [
    path("essai/panne/", broken_view),
    path("essai/connexion-perdue/", lost_connection_view),
    *urlpatterns,
]
