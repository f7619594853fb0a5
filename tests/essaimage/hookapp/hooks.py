from essaimage.hooks import AUTHENTICATED, CatalogueFlag, Figure, Link, LinkGroup, Section

NAVIGATION = [
    Link("Rencontres", "about", order=35),
    Link("Réservé aux instructeurs", "about", order=36, permission="hookapp.instruct"),
    Link("Page absente", "hookapp:nowhere", order=37),  # its URLs are not mounted: left out
]
FOOTER_LINKS = [Link("Agenda des rencontres", "about", order=45)]
SITEMAP_GROUPS = [LinkGroup("Rencontres", (Link("Toutes les rencontres", "about"),), order=15)]
HOME_ACTIONS = [Link("Voir les rencontres", "about", order=30, audience=AUTHENTICATED)]
DASHBOARD_SHORTCUTS = [Link("Mes rencontres", "about", order=50, detail="Inscriptions et agenda")]


def home_figures():
    return [Figure("events", 4, "rencontres organisées", order=35)]


def home_sections(request):
    return [Section("hookapp/home.html", {"events": ["Rencontre de Lyon"]}, order=30)]


def dashboard_todo(request):
    return [Section("hookapp/todo.html", {"events": ["Rencontre de Lyon"]}, order=20)]


def _met():
    from django.db.models import Exists, OuterRef

    from innovations.models import Innovation

    return Exists(Innovation.objects.filter(pk=OuterRef("pk"), title__startswith="Rencontre"))


CATALOGUE_FLAGS = [CatalogueFlag("rencontree", "Rencontres", "Présentée en rencontre", _met)]


def innovation_sections(request, innovation):
    return [Section("hookapp/innovation.html", {"met": innovation.title.startswith("Rencontre")}, order=10)]
