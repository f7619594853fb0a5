"""Accessibility statement, legal notice and the other pages every French public site must
have (issue 7, points 13 and 14)."""

import os
import re

import pytest
from django.urls import reverse

from essaimage.articles import with_article

pytestmark = pytest.mark.django_db

OWN_PAGES = ["accessibility", "legal", "privacy", "about", "sitemap"]


def main_text(html: str) -> str:
    main = re.search(r"<main\b.*?</main>", html, flags=re.S).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", main).replace("\n", " ").split(" "))


def test_accessibility_statement_follows_the_official_model_for_a_site_never_audited(client):
    html = client.get(reverse("accessibility")).content.decode()
    assert "<strong>non conforme</strong>" in html
    assert "partiellement conforme" not in html and "totalement conforme avec" not in html
    for heading in ("État de conformité", "Résultats des tests", "Contenus non accessibles", "Non-conformités",
                    "Dérogations pour charge disproportionnée", "Contenus non soumis à l’obligation d’accessibilité",
                    "Établissement de cette déclaration d’accessibilité", "Technologies utilisées",
                    "Environnement de test", "Retour d’information et contact", "Voies de recours",
                    "Schéma pluriannuel de mise en accessibilité", "Plan d’actions 2026"):
        assert heading in html, heading
    assert "Défenseur des droits" in html and "Libre réponse 71120" in html
    assert "critère 13.3" in html  # the non-accessible content is actually listed, with its criterion
    assert "Aucune dérogation pour charge disproportionnée n’est invoquée" in html


def test_accessibility_statement_date_is_fixed_not_the_day_of_the_visit(client, monkeypatch):
    import datetime

    from django.utils import timezone

    first = client.get(reverse("accessibility")).content.decode()
    later = timezone.now() + datetime.timedelta(days=400)
    monkeypatch.setattr(timezone, "now", lambda: later)
    again = client.get(reverse("accessibility")).content.decode()
    assert '<time datetime="2026-11-26">26 novembre 2026</time>' in first
    assert '<time datetime="2026-11-26">26 novembre 2026</time>' in again


def test_footer_states_the_same_conformity_as_the_statement(client):
    html = client.get(reverse("home")).content.decode()
    assert "Accessibilité\u00a0: non conforme" in html


def test_legal_notice_names_the_configured_publisher_and_host(client, settings):
    settings.LEGAL_PUBLISHER = "Département des Landes"
    settings.LEGAL_PUBLISHER_ADDRESS = "23 rue Victor-Hugo, 40025 Mont-de-Marsan"
    settings.HOST_NAME = "Hébergeur Souverain SAS"
    settings.HOST_ADDRESS = "1 place de l’Hébergement, 59000 Lille"
    settings.HOST_PHONE = "03 20 00 00 00"
    html = client.get(reverse("legal")).content.decode()
    for text in ("Département des Landes", "40025 Mont-de-Marsan", "Hébergeur Souverain SAS",
                 "59000 Lille", "Téléphone\u00a0: 03 20 00 00 00"):
        assert text in html, text
    assert "L’éditeur héberge lui-même" not in html
    statement = client.get(reverse("accessibility")).content.decode()
    assert "Le Département des Landes s’engage" in statement


def test_legal_notice_defaults_to_the_publisher_hosting_itself(client, settings):
    settings.HOST_NAME = settings.LEGAL_PUBLISHER
    settings.HOST_ADDRESS = settings.LEGAL_PUBLISHER_ADDRESS
    settings.HOST_PHONE = ""
    html = client.get(reverse("legal")).content.decode()
    assert "L’éditeur héberge lui-même la plateforme" in html
    assert "Téléphone" not in html
    assert html.count("20 avenue de Ségur, 75007 Paris") == 2


def test_host_settings_come_from_the_environment():
    import json
    import subprocess
    import sys

    from tests.essaimage.helpers import ROOT, _embedded_url

    env = {**os.environ, "DATABASE_URL": os.environ.get("DATABASE_URL") or _embedded_url(),
           "HOST_NAME": "Hébergeur Souverain SAS", "HOST_ADDRESS": "1 place de l’Hébergement, 59000 Lille",
           "HOST_PHONE": "03 20 00 00 00", "LEGAL_PUBLISHER": "Département des Landes"}
    code = ("import json; from essaimage import settings as s; "
            "print(json.dumps([s.HOST_NAME, s.HOST_ADDRESS, s.HOST_PHONE, s.LEGAL_PUBLISHER]))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [
        "Hébergeur Souverain SAS", "1 place de l’Hébergement, 59000 Lille", "03 20 00 00 00",
        "Département des Landes"], result.stderr


@pytest.mark.parametrize("name", OWN_PAGES)
def test_own_pages_use_french_typography(client, name):
    text = main_text(client.get(reverse(name)).content.decode())
    assert not re.search(r"[^\S\u00a0\u202f][:;!?](\s|$)", text), re.findall(r".{30}[^\S\u00a0\u202f][:;!?]", text)
    assert not re.search(r"«[^\u00a0\u202f]|[^\u00a0\u202f]»", text)
    assert "'" not in text and "..." not in text


@pytest.mark.parametrize("name,kind,expected", [
    ("Département des Landes", "collectivite", "le Département des Landes"),
    ("Région Occitanie", "collectivite", "la Région Occitanie"),
    ("Agence nationale de la cohésion des territoires", "operateur",
     "l’Agence nationale de la cohésion des territoires"),
    ("Hôpital de Mende", "operateur", "l’Hôpital de Mende"),
    ("Haut-commissariat à l’emploi", "ministere", "le Haut-commissariat à l’emploi"),
    ("Emmaüs Connect", "association", "l’association Emmaüs Connect"),
    ("Les Restos du Cœur", "association", "Les Restos du Cœur"),
    ("Brest métropole", "collectivite", "Brest métropole"),
])
def test_organisation_names_take_the_right_article(name, kind, expected):
    assert with_article(name, kind) == expected
