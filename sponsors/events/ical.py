"""iCalendar (RFC 5545) files of events, generated with the `icalendar` package: one file per
event and a feed of upcoming events. Times are written in Europe/Paris with its VTIMEZONE; the
UID is the event's id (stable across edits) and SEQUENCE its `sequence`, bumped at each edit."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//Essaimage//Rencontres//FR"


def uid(event) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "essaimage"
    return f"rencontre-{event.pk}@{host}"


def _vevent(event, *, with_link: bool) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", uid(event))
    entry.add("sequence", event.sequence)
    entry.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    entry.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    entry.add("dtstart", event.starts_at.astimezone(PARIS))
    entry.add("dtend", event.ends_at.astimezone(PARIS))
    entry.add("summary", event.title)
    url = settings.SITE_URL + event.get_absolute_url()
    description = event.description
    if with_link and event.online_url:
        description += "\n\n" + event.online_url
    entry.add("description", description + "\n\n" + url)
    entry.add("url", url)
    place = ", ".join(part for part in (event.place_name, event.address, event.commune.name if event.commune else "")
                      if part)
    if place:
        entry.add("location", place)
    elif with_link and event.online_url:
        entry.add("location", event.online_url)
    entry.add("status", "CANCELLED" if event.state.is_cancelled else "CONFIRMED")
    for theme in event.themes.all():
        entry.add("categories", theme.name)
    return entry


def calendar(events, *, name: str = "", with_link_for=lambda event: False) -> bytes:
    """The calendar of `events` (an iterable); `with_link_for(event)`: whether the online link
    may be written (only for the organiser and people registered)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", "Europe/Paris")
    for event in events:
        cal.add_component(_vevent(event, with_link=with_link_for(event)))
    cal.add_missing_timezones()
    return cal.to_ical()
