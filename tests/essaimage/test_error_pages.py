"""The site's own error pages (400, 403, CSRF failure, 404, 405, 500), in French, in the site's
layout, with a real CSP nonce; the Permissions-Policy header on every response."""

import re
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

FAULTY_URLS = "tests.essaimage.faulty_urls"


def page_nonce(response) -> str:
    """The nonce of the page's scripts, which must be the one the CSP header allows."""
    html = response.content.decode()
    nonces = set(re.findall(r'<script[^>]*\snonce="([^"]*)"', html))
    assert len(nonces) == 1, nonces
    nonce = nonces.pop()
    assert nonce, "the page's scripts have an empty nonce: the browser blocks them"
    assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
    return nonce


def assert_site_page(response, *texts):
    html = response.content.decode()
    assert '<html lang="fr"' in html and 'class="fr-header"' in html and 'class="fr-footer"' in html
    assert 'href="/static/dsfr/dist/dsfr/dsfr.min.css"' in html or "dsfr.min." in html
    for text in texts:
        assert text in html, text
    page_nonce(response)


def test_404_is_the_sites_page_with_a_nonce(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert_site_page(response, "Page non trouvée")


def test_400_is_the_sites_page_in_french(client):
    response = Client().get("/", headers={"host": "pirate.example"})  # DisallowedHost -> 400
    assert response.status_code == 400
    assert_site_page(response, "Requête incorrecte", "votre texte y est encore")
    assert "Bad Request" not in response.content.decode()


def test_csrf_failure_says_the_form_expired_and_how_to_keep_the_text(agent):
    browser = Client(enforce_csrf_checks=True)
    browser.get("/compte/connexion/")  # a CSRF cookie, but the posted form carries no token
    response = browser.post("/compte/connexion/", {"username": agent.email, "password": "x"})
    assert response.status_code == 403
    assert_site_page(response, "Le formulaire a expiré", "votre texte est encore dans le formulaire",
                     "rechargez la page", "renvoyez le formulaire")
    assert "CSRF" not in response.content.decode()


def test_csrf_failure_without_cookie_mentions_cookies():
    response = Client(enforce_csrf_checks=True).post("/compte/connexion/", {"username": "a@b.fr"})
    assert response.status_code == 403
    assert "accepte les cookies" in response.content.decode()


def test_csrf_failure_keeps_the_persons_header(client_for, agent):
    browser = client_for(agent)
    browser.handler.enforce_csrf_checks = True
    response = browser.post("/innovations/nouvelle/", {"title": "Mon texte"})
    assert response.status_code == 403
    assert "Le formulaire a expiré" in response.content.decode()
    assert agent.email in response.content.decode() or agent.full_name in response.content.decode()


def test_405_is_the_sites_page_and_keeps_allow(client_for, agent):
    response = client_for(agent).get("/compte/deconnexion/")  # log-out accepts POST only
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    assert_site_page(response, "Action impossible sur cette page", "méthode GET")


def test_500_page_has_the_requests_nonce(settings):
    settings.ROOT_URLCONF = FAULTY_URLS
    response = Client(raise_request_exception=False).get("/essai/panne/")
    assert response.status_code == 500
    assert_site_page(response, "Erreur inattendue")


def test_403_page_is_the_sites(settings, client_for, agent):
    from django.core.exceptions import PermissionDenied
    from django.test import RequestFactory

    from essaimage.errors import permission_denied

    request = RequestFactory().get("/")
    request.user = agent
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403 and "Accès refusé" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/innovations/", "/cette-page-n-existe-pas/", "/compte/deconnexion/"])
def test_permissions_policy_on_every_page(client, path):
    policy = client.get(path)["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


def test_permissions_policy_on_the_500_page(settings):
    settings.ROOT_URLCONF = FAULTY_URLS
    response = Client(raise_request_exception=False).get("/essai/panne/")
    assert "camera=()" in response["Permissions-Policy"]


def test_integrity_of_dsfr_assets_is_the_served_files(client):
    """Development serves the package's files: the integrity is theirs (production: tests/e2e)."""
    import base64
    import hashlib

    from django.contrib.staticfiles import finders

    html = client.get("/").content.decode()
    for path in ("dsfr/dist/dsfr/dsfr.min.css", "dsfr/dist/utility/utility.min.css",
                 "dsfr/dist/dsfr/dsfr.module.min.js"):
        digest = base64.b64encode(hashlib.sha384(Path(finders.find(path)).read_bytes()).digest()).decode()
        assert re.search(rf'{re.escape(path)}"[^>]*integrity="sha384-{re.escape(digest)}"', html), path


def test_500_page_shows_the_visitors_menu_and_footer_without_querying(settings, django_assert_num_queries):
    """Rendered without the context processors (the database may be what failed), the page still
    has the menu and footer each app contributes (essaimage.hooks), as a visitor sees them."""
    from django.urls import reverse

    settings.ROOT_URLCONF = FAULTY_URLS
    with django_assert_num_queries(0):
        response = Client(raise_request_exception=False).get("/essai/panne/")
    html = response.content.decode()
    for name in ("home", "innovations:list", "about", "sitemap", "legal", "contact:platform"):
        assert f'href="{reverse(name)}"' in html, name
    assert f'href="{reverse("innovations:moderation")}"' not in html
    assert f'href="{reverse("dashboard")}"' not in html
