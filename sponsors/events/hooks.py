"""What the events add to the shared pages; sponsors/hooks.py lists them (the core reads that one)."""

from django.utils.translation import gettext_lazy as _

from essaimage.hooks import AUTHENTICATED, Link, LinkGroup, Section

NAVIGATION = [Link(_("Rencontres"), "sponsors:events:list", order=14)]
PERSONAL_NAVIGATION = [Link(_("Mes rencontres"), "sponsors:events:mine", order=50, audience=AUTHENTICATED)]
SITEMAP_GROUPS = [LinkGroup(_("Rencontres"), (
    Link(_("Agenda des rencontres"), "sponsors:events:list"),
    Link(_("Agenda au format iCalendar"), "sponsors:events:feed"),
), order=25)]
ROBOTS_DISALLOW = ["sponsors:events:mine", "sponsors:events:create"]
DASHBOARD_SHORTCUTS = [Link(_("Mes rencontres"), "sponsors:events:mine", order=65, audience=AUTHENTICATED,
                            detail=_("Mes inscriptions et les rencontres que j’organise"))]


def _upcoming_registrations(request) -> list:
    """The person's upcoming registrations, read once for both blocks of « Mon espace »."""
    from sponsors.events import selectors

    if not hasattr(request, "_upcoming_event_registrations"):
        request._upcoming_event_registrations = list(selectors.registrations_of(request.user, upcoming_only=True))
    return request._upcoming_event_registrations


def dashboard_todo(request):
    from django.utils import timezone

    now = timezone.now()
    offers = [registration for registration in _upcoming_registrations(request)
              if registration.state.has_offer and registration.offer_deadline > now]
    return [Section("sponsors/events/dashboard/todo.html", {"seat_offers": offers}, order=65, empty=not offers)]


def dashboard_sections(request):
    registrations = _upcoming_registrations(request)[:10]
    return [Section("sponsors/events/dashboard/registrations.html", {"event_registrations": registrations},
                    order=65, empty=not registrations)]


def innovation_sections(request, innovation):
    from sponsors.events import selectors

    if innovation.pk not in selectors.presented_innovation_ids():
        return []
    events = selectors.events_presenting(innovation)
    if not events:  # the innovation page renders every section it gets
        return []
    return [Section("sponsors/events/innovation_events.html", {"presenting_events": events}, order=45)]


def sitemaps():
    from sponsors.events.sitemaps import EventSitemap

    return {"events": EventSitemap}
