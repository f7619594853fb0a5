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
    """What a worker sees after a database restart: its socket is dead when it runs a query."""
    connection.connection.close()  # the server side of the connection is gone
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


urlpatterns = [
    path("essai/panne/", broken_view),
    path("essai/connexion-perdue/", lost_connection_view),
    *urlpatterns,
]
