"""The core's own entries in the shared pages (see essaimage/hooks.py): its pages, accounts,
the figures it counts, the blocks of the home page that belong to no app."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from essaimage.hooks import ANONYMOUS, AUTHENTICATED, Figure, Link, LinkGroup, PagesSitemap, Section

NAVIGATION = [
    Link(_("Accueil"), "home", order=0),
    Link(_("À propos"), "about", order=1000),
]
PERSONAL_NAVIGATION = [
    Link(_("Vue d’ensemble"), "dashboard", order=0, audience=AUTHENTICATED),
]

FOOTER_LINKS = [
    Link(_("Plan du site"), "sitemap", order=10),
    Link(_("Accessibilité : non conforme"), "accessibility", order=20),
    Link(_("Mentions légales"), "legal", order=30),
    Link(_("Données personnelles"), "privacy", order=40),
]

SITEMAP_GROUPS = [
    LinkGroup("", (Link(_("Accueil"), "home"),), order=0),
    LinkGroup("", (Link(_("À propos"), "about"),), order=20),
    LinkGroup(_("Mon compte"), (
        Link(_("Créer un compte"), "signup"),
        Link(_("Se connecter"), "login"),
        Link(_("Mot de passe oublié"), "password_reset"),
        Link(_("Mon espace"), "dashboard"),
        Link(_("Mon profil"), "profile"),
    ), order=30),
    LinkGroup("", (
        Link(_("Déclaration d’accessibilité"), "accessibility"),
        Link(_("Mentions légales"), "legal"),
        Link(_("Données personnelles"), "privacy"),
    ), order=40),
]

ROBOTS_DISALLOW = ["admin:index", "dashboard", "profile", "login", "signup", "password_reset"]

HOME_ACTIONS = [
    Link(_("Créer un compte"), "signup", order=20, audience=ANONYMOUS, css_class="fr-btn--secondary"),
]

DASHBOARD_SHORTCUTS = [
    Link(_("Mon profil"), "profile", order=0, detail=_("Nom, organisation, territoire")),
]

ADMIN_LINKS = [
    Link(_("Accueil de l’administration"), "admin:index", order=0, icon="fr-icon-settings-5-line"),
    Link(_("Utilisateurs et rôles"), "admin:essaimage_user_changelist", order=10, icon="fr-icon-user-line"),
    Link(_("Journal des changements d’état"), "admin:essaimage_auditentry_changelist", order=20,
         icon="fr-icon-file-text-line"),
]


def home_figures() -> list[Figure]:
    from essaimage.selectors import people_figures

    counts = people_figures()
    # French agreement: 0 and 1 take the singular (gettext's fallback would treat 0 as plural).
    return [
        Figure("agents", counts["agents"], ngettext("agent inscrit", "agents inscrits", counts["agents"] or 1),
               order=40),
        Figure("organisations", counts["organisations"],
               ngettext("organisation", "organisations", counts["organisations"] or 1), order=50),
    ]


def home_sections(request) -> list[Section]:
    return [
        Section("essaimage/home/figures.html", order=50),  # the view puts `figures` in the page's context
        Section("essaimage/home/proposals.html", order=90),
    ]


class CorePagesSitemap(PagesSitemap):
    url_names = ("home", "about", "accessibility", "legal", "privacy", "sitemap")


def sitemaps() -> dict:
    return {"pages": CorePagesSitemap}
