"""Registering, the waiting list, seat offers and their expiry, event edits and cancellation."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from essaimage.models import AuditEntry
from notifications.models import Notice
from sponsors.events import notices, services
from sponsors.events.enums import EventAction, EventFormat, EventStatus, RegistrationAction, RegistrationStatus
from sponsors.events.models import Event, Registration
from tests.factories import UserFactory
from tests.factories.events import EventFactory, in_days
from tests.factories.innovations import InnovationFactory

pytestmark = pytest.mark.django_db


def register(event, user, **kwargs):
    return services.registration_create(event=event, by=user, **kwargs)


def status_of(registration) -> str:
    return Registration.objects.get(pk=registration.pk).status


def test_register_takes_a_seat_then_the_waiting_list(full_event, agents):
    first = register(full_event, agents[0])
    second = register(full_event, agents[1])
    third = register(full_event, agents[2])
    assert first.status == RegistrationStatus.INSCRIT
    assert (second.status, third.status) == (RegistrationStatus.ATTENTE, RegistrationStatus.ATTENTE)
    assert second.position < third.position
    assert Notice.objects.filter(recipient=agents[1], kind=notices.REGISTERED).exists()
    assert AuditEntry.objects.filter(object_id=first.pk, action="register").count() == 1


def test_registering_twice_is_refused(event, agents):
    register(event, agents[0])
    with pytest.raises(PermissionDenied):
        register(event, agents[0])


def test_organiser_draft_past_and_cancelled_events_take_no_registration(organiser, agents):
    for event in [EventFactory(organiser=organiser, status=EventStatus.BROUILLON),
                  EventFactory(organiser=organiser, status=EventStatus.ANNULE),
                  EventFactory(organiser=organiser, starts_at=in_days(-2), ends_at=in_days(-2) + timedelta(hours=2))]:
        with pytest.raises(PermissionDenied):
            register(event, agents[0])
    with pytest.raises(PermissionDenied):
        register(EventFactory(organiser=organiser), organiser)


def test_a_cancellation_offers_the_seat_to_the_first_in_line_only(full_event, agents,
                                                                  django_capture_on_commit_callbacks):
    seated = register(full_event, agents[0])
    first, second = register(full_event, agents[1]), register(full_event, agents[2])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_transition(registration=seated, action=RegistrationAction.CANCEL, by=agents[0])
    assert status_of(first) == RegistrationStatus.PLACE_PROPOSEE
    assert status_of(second) == RegistrationStatus.ATTENTE
    offered = Registration.objects.get(pk=first.pk)
    assert offered.offer_deadline is not None
    assert [m.to for m in mail.outbox if "place s’est libérée" in m.subject] == [[agents[1].email]]
    assert Notice.objects.filter(recipient=agents[1], kind=notices.SEAT_OFFERED).count() == 1


def test_an_offered_seat_counts_against_the_capacity(full_event, agents):
    seated = register(full_event, agents[0])
    register(full_event, agents[1])
    services.registration_transition(registration=seated, action=RegistrationAction.CANCEL, by=agents[0])
    late = register(full_event, agents[2])  # the seat is offered to agents[1]: agents[2] waits
    assert late.status == RegistrationStatus.ATTENTE


def test_accepting_the_offer_gives_the_seat(full_event, agents):
    seated = register(full_event, agents[0])
    waiting = register(full_event, agents[1])
    services.registration_transition(registration=seated, action=RegistrationAction.CANCEL, by=agents[0])
    services.registration_transition(registration=waiting, action=RegistrationAction.ACCEPT, by=agents[1])
    accepted = Registration.objects.get(pk=waiting.pk)
    assert accepted.status == RegistrationStatus.INSCRIT and accepted.offer_deadline is None


def test_an_offer_not_accepted_in_time_passes_to_the_next(full_event, agents):
    seated = register(full_event, agents[0])
    first, second = register(full_event, agents[1]), register(full_event, agents[2])
    services.registration_transition(registration=seated, action=RegistrationAction.CANCEL, by=agents[0])
    deadline = Registration.objects.get(pk=first.pk).offer_deadline
    assert services.offers_expire(now=deadline - timedelta(minutes=1)) == 0
    assert services.offers_expire(now=deadline + timedelta(seconds=1)) == 1
    assert status_of(first) == RegistrationStatus.ANNULE
    assert status_of(second) == RegistrationStatus.PLACE_PROPOSEE
    assert Notice.objects.filter(recipient=agents[1], kind=notices.OFFER_EXPIRED).exists()
    assert AuditEntry.objects.filter(object_id=first.pk, action=RegistrationAction.EXPIRE, actor=None).exists()


def test_accepting_after_the_deadline_is_refused(full_event, agents, monkeypatch):
    seated = register(full_event, agents[0])
    waiting = register(full_event, agents[1])
    services.registration_transition(registration=seated, action=RegistrationAction.CANCEL, by=agents[0])
    Registration.objects.filter(pk=waiting.pk).update(offer_deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError) as error:
        services.registration_transition(registration=waiting, action=RegistrationAction.ACCEPT, by=agents[1])
    assert error.value.code == "expired"


def test_declining_passes_the_seat_on(full_event, agents):
    seated = register(full_event, agents[0])
    first, second = register(full_event, agents[1]), register(full_event, agents[2])
    services.registration_transition(registration=seated, action=RegistrationAction.CANCEL, by=agents[0])
    services.registration_transition(registration=first, action=RegistrationAction.DECLINE, by=agents[1])
    assert status_of(second) == RegistrationStatus.PLACE_PROPOSEE


def test_the_deadline_is_shorter_when_the_event_is_near(organiser, settings):
    settings.EVENT_OFFER_HOURS = 48
    now = timezone.now()
    far = EventFactory(organiser=organiser, starts_at=now + timedelta(days=10),
                       ends_at=now + timedelta(days=10, hours=2))
    near = EventFactory(organiser=organiser, starts_at=now + timedelta(hours=20), ends_at=now + timedelta(hours=22))
    assert services.offer_deadline_for(far, now) == now + timedelta(hours=48)
    assert services.offer_deadline_for(near, now) == now + timedelta(hours=10)


def test_a_person_may_not_take_a_system_action(full_event, agents):
    waiting = register(full_event, agents[0])
    with pytest.raises(PermissionDenied):
        services.registration_transition(registration=waiting, action=RegistrationAction.EXPIRE, by=agents[0])
    with pytest.raises(PermissionDenied):
        services.registration_transition(registration=waiting, action=RegistrationAction.CANCEL, by=agents[1])


def test_attendance_is_recorded_by_the_organiser_after_the_start(organiser, agents):
    event = EventFactory(organiser=organiser)
    registration = register(event, agents[0])
    with pytest.raises(PermissionDenied):  # not started yet
        services.registration_transition(registration=registration, action=RegistrationAction.MARK_PRESENT,
                                         by=organiser)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(hours=1),
                                             ends_at=timezone.now() + timedelta(hours=1))
    with pytest.raises(PermissionDenied):
        services.registration_transition(registration=registration, action=RegistrationAction.MARK_PRESENT,
                                         by=agents[1])
    services.registration_transition(registration=registration, action=RegistrationAction.MARK_PRESENT, by=organiser)
    assert status_of(registration) == RegistrationStatus.PRESENT


def test_event_created_as_draft_then_published(organiser):
    event = services.event_save(by=organiser, data={
        "title": "Atelier <b>test</b>", "description": "Présentation.", "format": EventFormat.PRESENTIEL,
        "place_name": "Mairie", "starts_at": in_days(5), "ends_at": in_days(5) + timedelta(hours=2), "capacity": 12})
    assert event.status == EventStatus.BROUILLON and event.slug == "atelier-btestb"
    published = services.event_transition(event=event, action=EventAction.PUBLISH, by=organiser)
    assert published.status == EventStatus.PUBLIE and published.published_at is not None
    with pytest.raises(ValidationError):
        services.event_transition(event=event, action=EventAction.PUBLISH, by=organiser)


def test_only_organisers_create_events(agents):
    with pytest.raises(PermissionDenied):
        services.event_save(by=agents[0], data={"title": "x", "description": "x", "starts_at": in_days(5),
                                                "ends_at": in_days(5) + timedelta(hours=1), "capacity": 3})


def test_edit_bumps_the_sequence_and_tells_the_registered(event, agents):
    register(event, agents[0])
    Notice.objects.all().delete()
    data = {"starts_at": event.starts_at + timedelta(hours=1), "ends_at": event.ends_at + timedelta(hours=1)}
    edited = services.event_save(by=event.organiser, event=event, data=data)
    assert edited.sequence == event.sequence + 1
    assert Notice.objects.filter(recipient=agents[0], kind=notices.CHANGED).count() == 1
    unchanged = services.event_save(by=event.organiser, event=edited, data={"title": edited.title})
    assert unchanged.sequence == edited.sequence


def test_capacity_never_below_the_seats_taken_and_a_larger_one_offers_seats(full_event, agents):
    register(full_event, agents[0])
    waiting = register(full_event, agents[1])
    with pytest.raises(ValidationError):
        services.event_save(by=full_event.organiser, event=full_event, data={"capacity": 0})
    services.event_save(by=full_event.organiser, event=full_event, data={"capacity": 2})
    assert status_of(waiting) == RegistrationStatus.PLACE_PROPOSEE


def test_cancelling_the_event_cancels_every_registration_and_tells_everyone(full_event, agents,
                                                                           django_capture_on_commit_callbacks):
    seated, waiting = register(full_event, agents[0]), register(full_event, agents[1])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_transition(event=full_event, action=EventAction.CANCEL, by=full_event.organiser,
                                  message="Grève.")
    assert status_of(seated) == status_of(waiting) == RegistrationStatus.ANNULE
    cancelled = [m for m in mail.outbox if "annulée" in m.subject]
    assert sorted(m.to[0] for m in cancelled) == sorted([agents[0].email, agents[1].email])
    assert "Grève." in cancelled[0].body


def test_intent_to_replicate_tells_the_team(organiser, agents):
    team_member = UserFactory()
    innovation = InnovationFactory(created_by=team_member)
    event = EventFactory(organiser=organiser)
    event.innovations.add(innovation)
    register(event, agents[0], intends_to_replicate=innovation)
    assert Notice.objects.filter(recipient=team_member, kind=notices.REPLICATION_INTENT).exists()
    with pytest.raises(ValidationError):
        register(event, agents[1], intends_to_replicate=InnovationFactory())


def test_reminders_go_once_the_day_before(organiser, agents, django_capture_on_commit_callbacks):
    tomorrow = EventFactory(organiser=organiser, starts_at=in_days(1, 10), ends_at=in_days(1, 12))
    later = EventFactory(organiser=organiser, starts_at=in_days(3, 10), ends_at=in_days(3, 12))
    register(tomorrow, agents[0])
    register(later, agents[1])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0
    assert [m.to for m in mail.outbox] == [[agents[0].email]]


def test_minutes_after_the_event(organiser, agents):
    event = EventFactory(organiser=organiser)
    with pytest.raises(PermissionDenied):
        services.event_minutes_save(event=event, by=organiser, minutes="Trop tôt.")
    Event.objects.filter(pk=event.pk).update(starts_at=in_days(-1), ends_at=in_days(-1) + timedelta(hours=2))
    services.event_minutes_save(event=event, by=organiser, minutes="Compte rendu.")
    assert Event.objects.get(pk=event.pk).minutes == "Compte rendu."


def test_the_online_link_goes_by_e_mail_to_registered_people_only(organiser, agents,
                                                                   django_capture_on_commit_callbacks):
    event = EventFactory(organiser=organiser, capacity=1, format=EventFormat.EN_LIGNE, place_name="",
                         online_url="https://visio.example.fr/salle-42", starts_at=in_days(1, 10),
                         ends_at=in_days(1, 12))
    with django_capture_on_commit_callbacks(execute=True):
        register(event, agents[0])
        register(event, agents[1])  # waiting: no link
        services.reminders_send()
    bodies = {message.to[0]: message.body for message in mail.outbox if "salle-42" in message.body}
    assert set(bodies) == {agents[0].email}
    assert sum("salle-42" in m.body for m in mail.outbox) == 2  # the confirmation and the reminder
