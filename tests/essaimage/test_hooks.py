"""The core imports no feature app: each app contributes its URLs, menu entries, home figures
and sections, « Mon espace » blocks and sitemaps through its hooks module (essaimage/hooks.py)."""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rules
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaimage import hooks
from essaimage.enums import Role
from innovations.enums import Status
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory
from tests.text import page_text

ROOT = Path(settings.BASE_DIR)
CORE = ROOT / "essaimage"


def feature_apps() -> set[str]:
    """The project's own apps other than the core (innovations, contact, grants...); an app of
    the shared core (`core = True` on its AppConfig: notifications) imports no feature app either."""
    return {config.name for config in apps.get_app_configs()
            if Path(config.path).parent == ROOT and config.name != "essaimage" and not getattr(config, "core", False)}


def core_apps() -> set[str]:
    return {config.name for config in apps.get_app_configs() if getattr(config, "core", False)}


def test_feature_apps_are_found():
    assert feature_apps() == {"innovations", "contact", "grants", "sponsors", "evaluations"}


def core_python_files():
    """The core's modules, and those of the shared apps of the core (notifications)."""
    for base in [CORE, *(ROOT / name for name in sorted(core_apps()))]:
        for path in base.rglob("*.py"):
            relative = path.relative_to(base)
            # settings lists the installed apps; migrations are history (0003 waits for innovations 0008).
            if relative.parts[0] == "migrations" or relative.name == "settings.py":
                continue
            yield path


def test_no_core_module_imports_a_feature_app():
    features = feature_apps()
    offenders = []
    for path in core_python_files():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                    "import_module", "is_installed") and node.args and isinstance(node.args[0], ast.Constant):
                names = [str(node.args[0].value)]
            offenders += [f"{path.relative_to(ROOT)}: {name}" for name in names
                          if name.split(".")[0] in features]
    assert offenders == []


def test_no_core_template_names_a_feature_app_page():
    """No hard link to a feature app's page, no include of its templates, in the core's templates
    or the site's layout (a `{% url … as name %}`, empty when the app is absent, is allowed)."""
    features = "|".join(sorted(feature_apps()))
    feature_url = re.compile(r"{%\s*url\s+['\"](?:admin:)?(?:" + features + r")[:_]")
    soft = re.compile(r"\sas\s+\w+\s*%}$")
    feature_template = re.compile(r"{%\s*(?:include|extends)\s+['\"](?:" + features + r")/")
    offenders = []
    for folder in (CORE / "templates", ROOT / "templates", *(ROOT / name / "templates" for name in core_apps())):
        for path in folder.rglob("*.html"):
            for tag in re.findall(r"{%.*?%}", path.read_text()):
                if (feature_url.match(tag) and not soft.search(tag)) or feature_template.match(tag):
                    offenders.append(f"{path.relative_to(ROOT)}: {tag}")
    assert offenders == []


CORE_ONLY = """
import json, os, pkgutil, importlib, sys
import django
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
features = set(json.loads(sys.argv[1]))
import essaimage.settings as base
settings.configure(**{name: getattr(base, name) for name in dir(base) if name.isupper()}
                   | {"INSTALLED_APPS": [app for app in base.INSTALLED_APPS if app not in features]})
django.setup()
import essaimage
for info in pkgutil.walk_packages(essaimage.__path__, "essaimage."):
    if ".migrations" not in info.name and info.name != "essaimage.settings":
        importlib.import_module(info.name)
from django.test import Client
from django.urls import reverse
page = Client().get(reverse("sitemap"), HTTP_HOST="testserver")
loaded = sorted(name for name in sys.modules if name.split(".")[0] in features)
print(json.dumps({"loaded": loaded, "status": page.status_code, "html": page.content.decode()}))
"""


def test_the_core_runs_with_no_feature_app_installed():
    """Every core module imports, the URLs resolve and the « Plan du site » renders with only the
    core installed: no feature module is ever loaded."""
    features = sorted(feature_apps())
    result = subprocess.run([sys.executable, "-c", CORE_ONLY, json.dumps(features)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "DJANGO_SETTINGS_MODULE": ""})
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["loaded"] == []
    assert report["status"] == 200
    assert "Mon compte" in report["html"] and "/innovations/" not in report["html"]


# --- What the apps contribute ---------------------------------------------------------------

def menu(html: str) -> list[str]:
    nav = html[html.index('id="navigation"'):html.index("</nav>", html.index('id="navigation"'))]
    return re.findall(r'class="fr-nav__link" href="[^"]*"[^>]*>([^<]+)</a>', nav)


@pytest.mark.django_db
def test_menu_lists_each_apps_entries_in_order_for_each_role(client_for):
    anonymous = menu(page_text(client_for(None).get(reverse("home"))))
    assert anonymous == ["Accueil", "Catalogue des innovations", "Prix", "À propos"]
    agent = menu(page_text(client_for(UserFactory(roles=[Role.AGENT])).get(reverse("home"))))
    assert agent == ["Accueil", "Catalogue des innovations", "Mon espace", "Mes innovations",
                     "Partager une innovation", "Prix", "À propos"]
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    assert menu(page_text(client_for(moderator).get(reverse("home"))))[-2:] == ["Modération", "À propos"]
    # The superuser's « every permission » is for the admin: the menu asks the rules alone.
    superuser = UserFactory(roles=[Role.AGENT], is_superuser=True, is_staff=True)
    assert "Modération" not in menu(page_text(client_for(superuser).get(reverse("home"))))


@pytest.mark.django_db
def test_the_current_page_is_marked_in_the_menu(client):
    html = page_text(client.get(reverse("innovations:list")))
    assert f'href="{reverse("innovations:list")}" aria-current="page">Catalogue des innovations' in html
    assert html.count('aria-current="page"') == 1 + html.count('class="fr-pagination__link" aria-current')


@pytest.fixture
def hookapp(settings):
    """A new app, installed with nothing changed in the core."""
    rules.add_perm("hookapp.instruct", rules.predicates.is_superuser)
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "tests.essaimage.hookapp"]
    yield
    rules.remove_perm("hookapp.instruct")


@pytest.mark.django_db
def test_a_new_app_adds_its_entries_without_touching_the_core(hookapp, client_for):
    agent = UserFactory(roles=[Role.AGENT])
    html = page_text(client_for(agent).get(reverse("home")))
    assert menu(html) == ["Accueil", "Catalogue des innovations", "Mon espace", "Mes innovations", "Rencontres",
                          "Partager une innovation", "Prix", "À propos"]  # ordered; no permission, no missing page
    assert "Agenda des rencontres" in html  # footer
    assert "<h2>Prochaines rencontres</h2><ul><li>Rencontre de Lyon</li></ul>" in html
    assert '<span class="essaimage-figure__value">4</span> rencontres organisées' in html
    assert html.index("Rechercher une innovation") < html.index("Prochaines rencontres") < html.index(
        "La plateforme en chiffres")
    assert ">Voir les rencontres</a>" in html and ">Voir les rencontres</a>" not in page_text(
        client_for(None).get(reverse("home")))
    dashboard = page_text(client_for(agent).get(reverse("dashboard")))
    assert f"Inscription à confirmer : Rencontre de Lyon (pour {agent.email})" in dashboard
    assert "Rien ne vous attend" not in dashboard  # a to-do section that is not empty
    assert "Mes rencontres" in dashboard and "Inscriptions et agenda" in dashboard
    sitemap = page_text(client_for(None).get(reverse("sitemap")))
    assert "Rencontres" in sitemap and "Toutes les rencontres" in sitemap


@pytest.mark.django_db
def test_dashboard_says_nothing_waits_when_every_to_do_is_empty(client_for):
    html = page_text(client_for(UserFactory(roles=[Role.AGENT])).get(reverse("dashboard")))
    assert "Rien ne vous attend pour l’instant." in html
    assert "Administration" not in html


@pytest.mark.django_db
def test_dashboard_administration_links_come_from_each_app_for_staff_only(client_for):
    staff = UserFactory(roles=[Role.AGENT, Role.ADMINISTRATEUR], is_staff=True, is_superuser=True)
    html = page_text(client_for(staff).get(reverse("dashboard")))
    for name in ("admin:index", "admin:essaimage_user_changelist", "admin:essaimage_auditentry_changelist",
                 "admin:contact_contactmessage_changelist"):
        assert f'href="{reverse(name)}"' in html


@pytest.mark.django_db
def test_sitemap_page_groups_each_apps_pages(client):
    html = page_text(client.get(reverse("sitemap")))
    html = html[html.index("<h1>Plan du site</h1>"):html.index("</main>")]
    order = [html.index(text) for text in (">Accueil<", "<li>Innovations", ">Catalogue des innovations<",
                                           ">À propos<", "<li>Mon compte", ">Mon profil<",
                                           ">Déclaration d’accessibilité<", ">Nous contacter<")]
    assert order == sorted(order)
    assert f'href="{reverse("contact:platform")}"' in html


@pytest.mark.django_db
def test_sitemap_xml_lists_public_pages_and_published_innovations_only(client, django_assert_num_queries):
    published = InnovationFactory(status=Status.PUBLISHED)
    draft = InnovationFactory(status=Status.DRAFT)
    index = client.get("/sitemap.xml")
    assert index["Content-Type"].startswith("application/xml")
    sections = re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", index.content.decode())
    assert sections == ["/sitemap-pages.xml", "/sitemap-catalogue.xml", "/sitemap-innovations.xml",
                        "/sitemap-prix.xml", "/sitemap-contact.xml"]
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert f"<loc>http://testserver{reverse('legal')}</loc>" in pages
    contact = client.get("/sitemap-contact.xml").content.decode()
    assert f"<loc>http://testserver{reverse('contact:platform')}</loc>" in contact
    innovations = client.get("/sitemap-innovations.xml").content.decode()
    assert f"<loc>http://testserver{published.get_absolute_url()}</loc>" in innovations
    assert draft.slug not in innovations and "<lastmod>" in innovations


@pytest.mark.django_db
def test_sitemap_xml_runs_the_same_queries_for_one_or_many_innovations(client, django_assert_num_queries):
    InnovationFactory()
    with django_assert_num_queries(2):  # the count (pagination) and the page's rows
        client.get("/sitemap-innovations.xml")
    InnovationFactory.create_batch(3)
    with django_assert_num_queries(2):
        assert client.get("/sitemap-innovations.xml").content.decode().count("<url>") == 4


def test_robots_txt_points_at_the_sitemap_and_keeps_robots_out_of_private_pages(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert text.startswith("User-agent: *\n")
    for name in ("admin:index", "dashboard", "login", "innovations:moderation", "innovations:create"):
        assert f"Disallow: {reverse(name)}\n" in text
    assert f"Disallow: {reverse('innovations:list')}\n" not in text
    assert text.endswith("Sitemap: http://testserver/sitemap.xml\n")


def test_collect_sorts_every_apps_entries_by_order():
    orders = [link.order for link in hooks.collect("NAVIGATION")]
    assert orders == sorted(orders) and len(orders) >= 7


@pytest.mark.django_db
def test_menu_and_footer_cost_no_query_beyond_the_roles(client_for, django_assert_max_num_queries):
    """Each app's links are resolved in memory; the menu's permission asks the user's roles,
    read once per request (session, user, roles, and the header bell's unread count)."""
    counts = []
    for roles in ([Role.AGENT], [Role.AGENT, Role.MODERATEUR]):
        client = client_for(UserFactory(roles=roles))
        with CaptureQueriesContext(connection) as queries:
            html = page_text(client.get(reverse("about")))
        assert "Mes innovations" in html and "Nous contacter" in html
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 4
    with django_assert_max_num_queries(0):
        client_for(None).get(reverse("about"))


@pytest.mark.django_db
def test_a_new_app_adds_a_catalogue_flag_and_a_section_of_the_innovation_page(hookapp, client_for):
    """CATALOGUE_FLAGS: a yes/no filter of the catalogue, counted, filtering, removable, with its
    badge on the results; innovation_sections: a block of the innovation's page."""
    met = InnovationFactory(title="Rencontre des cantines bio")
    other = InnovationFactory(title="Maison de services")
    catalogue = page_text(client_for(None).get(reverse("innovations:list")))
    assert "Rencontres" in catalogue and "Présentée en rencontre (1)" in catalogue
    filtered = client_for(None).get(reverse("innovations:list"), {"rencontree": "oui"})
    assert [i.pk for i in filtered.context["page"].object_list] == [met.pk]
    assert [tag["label"] for tag in filtered.context["removable"]] == ["Présentée en rencontre"]
    assert "fr-badge--yellow-tournesol fr-mb-1w fr-ml-1w\">Présentée en rencontre" in page_text(filtered)
    assert "Présentée en rencontre" in page_text(client_for(None).get(met.get_absolute_url()))
    assert "Pas encore présentée" in page_text(client_for(None).get(other.get_absolute_url()))
