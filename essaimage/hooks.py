"""What each app adds to the shared pages, so that the core imports no feature app.

Every installed app may have a `hooks` module (`<app>/hooks.py`; an AppConfig may name another
one in `hooks_module`), found the way `load_reference_data` finds each app's loader. The core's
own entries are in `essaimage/core_hooks.py`. A hooks module defines any of these names:

| Name | What | Used by |
|---|---|---|
| `URL_PREFIX` | where the app's `urls.py` (or `URLCONF`) is mounted (« innovations/ ») | `essaimage/urls.py` |
| `NAVIGATION` | `Link`s of the main menu | header |
| `FOOTER_LINKS` | `Link`s of the footer's bottom list | footer |
| `SITEMAP_GROUPS` | `LinkGroup`s of the « Plan du site » page | sitemap page |
| `sitemaps()` | `{section: django.contrib.sitemaps.Sitemap}` for /sitemap.xml | sitemap.xml |
| `ROBOTS_DISALLOW` | URL names robots should not crawl | robots.txt |
| `CATALOGUE_FLAGS` | `CatalogueFlag`s: yes/no filters of the catalogue (« Primée ») | catalogue |
| `HOME_ACTIONS` | `Link`s shown as buttons under the home page's title | home page |
| `home_figures()` | `Figure`s of « La plateforme en chiffres » | home page |
| `home_sections(request)` | `Section`s of the home page | home page |
| `dashboard_todo(request)` | `Section`s of « À faire maintenant » in « Mon espace » | « Mon espace » |
| `dashboard_sections(request)` | other `Section`s of « Mon espace » | « Mon espace » |
| `DASHBOARD_SHORTCUTS` | `Link`s shown as tiles in « Raccourcis » | « Mon espace » |
| `ADMIN_LINKS` | `Link`s of the administration block of « Mon espace » (staff) | « Mon espace » |
| `innovation_sections(request, innovation)` | `Section`s of an innovation's page | innovation page |

Everything is sorted by `order` (then by app order in INSTALLED_APPS); adding an app touches no
file of the core.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

import rules
from django.apps import apps
from django.contrib import sitemaps as django_sitemaps
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, include, path, reverse

ALL, AUTHENTICATED, ANONYMOUS = "all", "authenticated", "anonymous"


@dataclass(frozen=True)
class Link:
    """A link to one of the site's pages. `permission` is a django-rules permission the user
    must hold (asked of django-rules alone: no object, no superuser shortcut); `audience`
    restricts it to people logged in or not."""

    label: str
    url_name: str
    order: int = 100
    permission: str = ""
    audience: str = ALL
    detail: str = ""  # the tile's second line (shortcuts)
    icon: str = ""  # a DSFR icon class (administration links)
    css_class: str = ""  # a DSFR button modifier (home actions)

    def shown_to(self, user) -> bool:
        authenticated = bool(user is not None and user.is_authenticated)
        if self.audience == AUTHENTICATED and not authenticated:
            return False
        if self.audience == ANONYMOUS and authenticated:
            return False
        return not self.permission or rules.has_perm(self.permission, user)

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class LinkGroup:
    """A titled list of links of the « Plan du site » page (a title-less group is a plain link list)."""

    title: str
    links: tuple[Link, ...]
    order: int = 100


@dataclass(frozen=True)
class Figure:
    """One figure of the home page: « <value> <label> » (label agreed with the value)."""

    key: str
    value: int
    label: str
    order: int = 100


@dataclass(frozen=True)
class Section:
    """A block of a page, rendered from `template` with `context` added to the page's context.
    An `empty` section has nothing to show (« Rien ne vous attend » when every to-do is)."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 100
    empty: bool = False


@dataclass(frozen=True)
class CatalogueFlag:
    """A yes/no filter an app adds to the catalogue (« Primée »). `condition()` returns a boolean
    expression over `innovations.Innovation` rows (typically `Exists(...)` on the app's table,
    correlated with `OuterRef("pk")`): the catalogue's facet index reads it in the same query as
    the other facets, when the index is built for a catalogue version. So the app moves the
    catalogue version on (`innovations.catalogue_version.bump_version()`) whenever the set of
    innovations having the flag changes. `key` is the URL parameter (`?primee=oui`), `legend`
    the filter's title, `label` the checkbox."""

    key: str
    legend: str
    label: str
    condition: Callable
    order: int = 100


class PagesSitemap(django_sitemaps.Sitemap):
    """A sitemap of fixed pages, named by their URL names (`url_names`)."""

    url_names: tuple[str, ...] = ()
    changefreq = "monthly"

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)


@cache
def modules() -> tuple[ModuleType, ...]:
    """The hooks module of each installed app, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        name = getattr(config, "hooks_module", None) or f"{config.name}.hooks"
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as error:
            if error.name != name:  # the hooks module is there but imports something missing
                raise
    return tuple(found)


@receiver(setting_changed)
def _forget(*, setting, **kwargs):
    if setting == "INSTALLED_APPS":
        modules.cache_clear()


def collect(name: str, *args) -> list:
    """Every app's `name` (a list, or a function called with args), sorted by `order`."""
    items = []
    for module in modules():
        value = getattr(module, name, None)
        if value is None:
            continue
        items.extend(value(*args) if callable(value) else value)
    return sorted(items, key=lambda item: getattr(item, "order", 100))


def _resolved(candidates, user) -> list[tuple[Link, str]]:
    """(link, url) for the `candidates` the user may see; a link to a page that is not there
    (its app's URLs not mounted) is left out."""
    shown = []
    for link in candidates:
        if link.shown_to(user):
            try:
                shown.append((link, link.url))
            except NoReverseMatch:
                continue
    return shown


def links(name: str, user) -> list[tuple[Link, str]]:
    """(link, url) for the links of `name` the user may see."""
    return _resolved(collect(name), user)


def link_groups(name: str, user) -> list[tuple[LinkGroup, list[tuple[Link, str]]]]:
    """Each group of `name` with the (link, url) of its links the user may see."""
    groups = ((group, _resolved(group.links, user)) for group in collect(name))
    return [(group, resolved) for group, resolved in groups if resolved]


def sections(name: str, request) -> list[Section]:
    return collect(name, request)


def url_patterns() -> list:
    """Each app's urls.py, under its URL_PREFIX."""
    return [
        path(module.URL_PREFIX, include(getattr(module, "URLCONF", f"{module.__name__.rpartition('.')[0]}.urls")))
        for module in modules() if getattr(module, "URL_PREFIX", None) is not None
    ]


def sitemaps() -> dict:
    found = {}
    for module in modules():
        if callable(getattr(module, "sitemaps", None)):
            found.update(module.sitemaps())
    return found
