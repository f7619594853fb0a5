"""The iCalendar output parses back: times in Europe/Paris with its VTIMEZONE, a UID stable
across edits, a SEQUENCE bumped by each edit, the cancelled state."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse

from sponsors.events import services
from sponsors.events.enums import EventAction
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


def _parse(response) -> icalendar.Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def _vevents(calendar):
    return list(calendar.walk("VEVENT"))


def test_event_file_parses_back_with_the_paris_zone(client):
    event = EventFactory(title="Atelier « cantines » ; essai, virgule")
    response = client.get(reverse("sponsors:events:ics", args=[event.slug]))
    calendar = _parse(response)
    (entry,) = _vevents(calendar)
    assert b"DTSTART;TZID=Europe/Paris:" in response.content
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert entry["DTSTART"].params["TZID"] == "Europe/Paris"
    assert entry.decoded("DTSTART") == event.starts_at.astimezone(ZoneInfo("Europe/Paris"))
    assert entry.decoded("DTEND") == event.ends_at
    assert str(entry["SUMMARY"]) == event.title
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert "Hôtel de ville" in str(entry["LOCATION"])


def test_uid_is_stable_and_sequence_bumped_by_an_edit(client):
    event = EventFactory()
    url = reverse("sponsors:events:ics", args=[event.slug])
    (before,) = _vevents(_parse(client.get(url)))
    services.event_save(by=event.organiser, event=event, data={"starts_at": event.starts_at + timedelta(hours=1),
                                                               "ends_at": event.ends_at + timedelta(hours=1)})
    (after,) = _vevents(_parse(client.get(url)))
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert after.decoded("DTSTART") - before.decoded("DTSTART") == timedelta(hours=1)
    services.event_transition(event=event, action=EventAction.CANCEL, by=event.organiser)
    (cancelled,) = _vevents(_parse(client.get(url)))
    assert str(cancelled["STATUS"]) == "CANCELLED" and str(cancelled["UID"]) == str(before["UID"])
    assert int(cancelled["SEQUENCE"]) > int(after["SEQUENCE"])


def test_feed_lists_upcoming_published_events_once_each(client):
    from sponsors.events.enums import EventStatus
    from tests.factories.events import in_days

    upcoming = EventFactory.create_batch(3)
    EventFactory(status=EventStatus.BROUILLON)
    EventFactory(starts_at=in_days(-3), ends_at=in_days(-3) + timedelta(hours=1))
    calendar = _parse(client.get(reverse("sponsors:events:feed")))
    assert sorted(str(entry["SUMMARY"]) for entry in _vevents(calendar)) == sorted(e.title for e in upcoming)
    assert len(calendar.walk("VTIMEZONE")) == 1
