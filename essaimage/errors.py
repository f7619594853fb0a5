"""The site's own error pages (400, 403, CSRF failure, 404, 405, 500, database unavailable).

Django's defaults are unstyled English pages (400, CSRF, 405) or render without the request,
hence with an empty CSP nonce that blocks the page's scripts (500). Every page here extends
`errors/base_error.html` and carries the request's nonce.

Pages for requests that went wrong on the server (400, 500, 503) are rendered WITHOUT the
context processors: they must not query the database (it may be what failed) and show the
header as for a visitor; the others show the person's own header.
"""

import logging
import sys

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.template import loader
from django.utils.translation import gettext as _

from essaimage import hooks

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)


def render_error(request, template_name, status, context=None, *, with_user=True):
    page_context = {"csp_nonce": get_nonce(request) if request is not None else None, "SITE_NAME": settings.SITE_NAME}
    page_context.update(context or {})
    template = loader.get_template(template_name)
    if with_user:
        content = template.render(page_context, request)
    else:
        # The menu and footer as a visitor sees them (resolving their links queries nothing).
        visitor = AnonymousUser()
        page_context.setdefault("site_menu", hooks.menu(visitor))
        page_context.setdefault("footer_links", hooks.links("FOOTER_LINKS", visitor))
        content = template.render(page_context)
    return HttpResponse(content, status=status)


def bad_request(request, exception=None):
    return render_error(request, "400.html", 400, with_user=False)


def permission_denied(request, exception=None):
    return render_error(request, "403.html", 403)


def page_not_found(request, exception=None):
    return render_error(request, "404.html", 404)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form has expired; say how to send it again without losing the text."""
    no_cookie = "cookie" in (reason or "").lower()
    return render_error(request, "403_csrf.html", 403, {"no_cookie": no_cookie})


def method_not_allowed(request, allowed):
    response = render_error(request, "405.html", 405, {"method": request.method})
    response["Allow"] = allowed
    return response


def database_unavailable(request):
    response = render_error(request, "errors/database_unavailable.html", 503, with_user=False)
    response["Retry-After"] = str(settings.DATABASE_UNAVAILABLE_RETRY_AFTER)
    return response


def server_error(request):
    """handler500: called while the exception is being handled, so it can tell a lost database
    connection (a restart, a failover) from a bug and answer « réessayez » with a 503."""
    try:
        if isinstance(sys.exception(), DATABASE_ERRORS):
            return database_unavailable(request)
        return render_error(request, "500.html", 500, with_user=False)
    except Exception:  # the error page itself must never fail
        logger.exception("The error page could not be rendered")
        return HttpResponse(
            f"<!DOCTYPE html><html lang=\"fr\"><title>Erreur</title><h1>{_('Erreur inattendue')}</h1>"
            f"<p>{_('Réessayez dans quelques instants.')}</p></html>",
            status=500,
        )


class MethodNotAllowedPageMiddleware:
    """Gives the site's 405 page to the empty `HttpResponseNotAllowed` of Django's views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not getattr(response, "streaming", False) and not response.content:
            return method_not_allowed(request, response.get("Allow", ""))
        return response
