"""What the sponsors app adds to the shared pages (essaimage/hooks.py). Mounted at the root: its
urls.py holds « rencontres/ » (sponsors/events/) and the sponsors' own prefixes."""

from sponsors.events import hooks as events

URL_PREFIX = ""
NAVIGATION = [*events.NAVIGATION]
SITEMAP_GROUPS = [*events.SITEMAP_GROUPS]
ROBOTS_DISALLOW = [*events.ROBOTS_DISALLOW]
DASHBOARD_SHORTCUTS = [*events.DASHBOARD_SHORTCUTS]


def dashboard_todo(request):
    return events.dashboard_todo(request)


def dashboard_sections(request):
    return events.dashboard_sections(request)


def innovation_sections(request, innovation):
    return events.innovation_sections(request, innovation)


def sitemaps():
    return events.sitemaps()
