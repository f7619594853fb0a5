import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {
    "home": "Ce qui marche quelque part",
    "accessibility": "Déclaration d’accessibilité",
    "legal": "Mentions légales",
    "privacy": "Données personnelles",
    "sitemap": "Plan du site",
    "about": "À propos d’Essaimage",
    "login": "Se connecter",
    "signup": "Créer un compte",
    "password_reset": "Mot de passe oublié",
}


@pytest.mark.parametrize("name,heading", PUBLIC_PAGES.items())
def test_public_pages_open_without_account_in_french_dsfr(client, name, heading):
    response = client.get(reverse(name))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr"' in html
    assert heading in html
    assert 'class="fr-header"' in html and 'class="fr-footer"' in html
    for link in ("accessibility", "legal", "privacy", "sitemap"):
        assert f'href="{reverse(link)}"' in html


def test_home_shows_live_figures(client):
    UserFactory.create_batch(3)
    response = client.get(reverse("home"))
    figures = {figure.key: figure.value for figure in response.context["figures"]}
    assert figures["agents"] == 3 and figures["published"] == 0
    assert "Une subvention d’essaimage" in response.content.decode()


def test_404_page_uses_the_site_layout(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page non trouvée" in response.content.decode()
    assert 'class="fr-header"' in response.content.decode()


def test_error_templates_render_without_request_context():
    from django.template.loader import render_to_string

    for code, text in [("403", "Accès refusé"), ("500", "Erreur inattendue")]:
        assert text in render_to_string(f"{code}.html")


def test_csp_header_is_strict_and_scripts_carry_its_nonce(client):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    nonce = directives["script-src"].split("'nonce-")[1].split("'")[0]
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    html = response.content.decode()
    assert html.count("<script") == html.count(f'nonce="{nonce}"') > 0


def test_dsfr_content_is_not_marked_safe(settings):
    assert settings.DSFR_CONTENT_IS_SAFE is False
