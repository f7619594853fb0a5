"""Every URL of the events for every role: what one may not see or do answers 404 (anonymous
visitors are sent to log in on the private pages)."""

import pytest
from django.urls import reverse

from essaimage.enums import Role
from sponsors.events.enums import EventStatus, RegistrationStatus
from tests.factories import UserFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "agent", "registered", "waiting", "organiser", "other_organiser", "moderator"]
LOGIN = "login"


@pytest.fixture
def people(db):
    organiser = UserFactory(roles=[Role.AGENT, Role.ORGANISATEUR])
    event = EventFactory(organiser=organiser, capacity=1)
    registered, waiting = UserFactory(), UserFactory()
    seat = RegistrationFactory(event=event, user=registered)
    queued = RegistrationFactory(event=event, user=waiting, status=RegistrationStatus.ATTENTE, position=1)
    return {
        "event": event, "seat": seat, "queued": queued,
        "anonymous": None, "agent": UserFactory(), "registered": registered, "waiting": waiting,
        "organiser": organiser, "other_organiser": UserFactory(roles=[Role.AGENT, Role.ORGANISATEUR]),
        "moderator": UserFactory(roles=[Role.AGENT, Role.MODERATEUR]),
    }


def _expect(row: str, role: str):
    return dict(zip(ROLES, row.split(), strict=True))[role]


# url name, args from the fixture, method, expected per role (anonymous … moderator)
MATRIX = [
    ("list", [], "get", "200 200 200 200 200 200 200"),
    ("feed", [], "get", "200 200 200 200 200 200 200"),
    ("detail", ["slug"], "get", "200 200 200 200 200 200 200"),
    ("ics", ["slug"], "get", "200 200 200 200 200 200 200"),
    ("create", [], "get", "login 404 404 404 200 200 404"),
    ("mine", [], "get", "login 200 200 200 200 200 200"),
    ("edit", ["slug"], "get", "login 404 404 404 200 404 404"),
    ("cancel", ["slug"], "get", "login 404 404 404 200 404 200"),
    ("publish", ["slug"], "post", "login 404 404 404 302 404 404"),  # already published: told so
    ("register", ["slug"], "get", "login 200 302 302 302 200 200"),  # 302: told why not, on the page
    ("attendees", ["slug"], "get", "login 404 404 404 200 404 404"),
    ("attendees_csv", ["slug"], "get", "login 404 404 404 200 404 404"),
    ("minutes", ["slug"], "get", "login 404 404 404 404 404 404"),  # before the event: nobody
    ("registration_action", ["seat", "cancel"], "post", "login 404 302 404 404 404 404"),
    ("registration_action", ["queued", "cancel"], "post", "login 404 404 302 404 404 404"),
    ("registration_action", ["seat", "mark_present"], "post", "login 404 404 404 404 404 404"),  # not started
    ("registration_action", ["seat", "expire"], "post", "login 404 404 404 404 404 404"),  # system only
]


def _url(people, name, args):
    values = []
    for arg in args:
        if arg == "slug":
            values.append(people["event"].slug)
        elif arg in ("seat", "queued"):
            values.append(people[arg].pk)
        else:
            values.append(arg)
    return reverse(f"sponsors:events:{name}", args=values)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "args", "method", "row"), MATRIX)
def test_matrix(people, client_for, role, name, args, method, row):
    client = client_for(people[role])
    response = getattr(client, method)(_url(people, name, args))
    expected = _expect(row, role)
    if expected == LOGIN:
        assert response.status_code == 302 and reverse("login") in response["Location"]
    else:
        assert response.status_code == int(expected), (name, args, role)


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_is_seen_only_by_its_organiser_and_the_moderators(people, client_for, role):
    draft = EventFactory(organiser=people["organiser"], status=EventStatus.BROUILLON)
    expected = 200 if role in ("organiser", "moderator") else 404
    for name in ("detail", "ics"):
        assert client_for(people[role]).get(reverse(f"sponsors:events:{name}", args=[draft.slug])).status_code \
            == expected


def test_after_the_event_the_organiser_records_attendance_and_writes_minutes(people, client_for):
    from datetime import timedelta

    from django.utils import timezone

    event = people["event"]
    type(event).objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(hours=3),
                                                   ends_at=timezone.now() - timedelta(hours=1))
    minutes = reverse("sponsors:events:minutes", args=[event.slug])
    present = reverse("sponsors:events:registration_action", args=[people["seat"].pk, "mark_present"])
    for role in ROLES:
        if role in ("anonymous", "organiser"):
            continue
        assert client_for(people[role]).get(minutes).status_code == 404
        assert client_for(people[role]).post(present).status_code == 404
    organiser = client_for(people["organiser"])
    assert organiser.get(minutes).status_code == 200
    for name in ("edit", "cancel"):  # over: no more edits nor cancellation
        assert organiser.get(reverse(f"sponsors:events:{name}", args=[event.slug])).status_code == 404
    assert organiser.post(present).status_code == 302
    people["seat"].refresh_from_db()
    assert people["seat"].status == RegistrationStatus.PRESENT
    # Too late to cancel a registration or to register.
    assert client_for(people["registered"]).post(
        reverse("sponsors:events:registration_action", args=[people["seat"].pk, "cancel"])).status_code == 404


def test_unknown_objects_answer_404(people, client_for):
    client = client_for(people["organiser"])
    assert client.get(reverse("sponsors:events:detail", args=["nope"])).status_code == 404
    assert client.post(reverse("sponsors:events:registration_action", args=[999999, "cancel"])).status_code == 404
    assert client.post(reverse("sponsors:events:registration_action",
                               args=[people["seat"].pk, "nope"])).status_code == 404
