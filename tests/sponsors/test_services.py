from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from essaimage.enums import Role
from essaimage.models import AuditEntry
from notifications.models import Notice
from sponsors import notices, services
from sponsors.enums import (
    Outcome, ProfileAction, ProfileStatus, RequestAction, RequestStatus, SponsorshipAction, SponsorshipStatus,
)
from sponsors.models import SponsorProfile, Sponsorship
from tests.factories.sponsors import SponsorProfileFactory, SponsorshipFactory, SponsorshipRequestFactory


def audit_actions(obj):
    return list(AuditEntry.objects.filter(object_id=obj.pk, content_type__model=obj._meta.model_name)
                .values_list("action", flat=True))


# --- Profiles ------------------------------------------------------------------------------

def test_agent_volunteers_submits_and_moderator_approves(agent, moderator, themes, places,
                                                        django_capture_on_commit_callbacks):
    profile = services.profile_save(by=agent, themes=[themes["sante"]], territories=[places["nord"]], capacity=3,
                                    available_from=None, available_until=None, presentation="Expérience.",
                                    contact_ways="")
    assert profile.state == ProfileStatus.BROUILLON
    assert not agent.has_role(Role.PARRAIN)
    services.profile_transition(profile=profile, action=ProfileAction.SUBMIT, by=agent)
    assert Notice.objects.filter(recipient=moderator, kind=notices.PROFILE_SUBMITTED).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.profile_transition(profile=profile, action=ProfileAction.APPROVE, by=moderator)
    profile.refresh_from_db()
    agent.__dict__.pop("_role_names", None)
    assert profile.state == ProfileStatus.APPROUVE and profile.approved_at is not None
    assert agent.has_role(Role.PARRAIN)
    assert audit_actions(profile) == ["submit", "approve"]
    assert Notice.objects.filter(recipient=agent, kind=notices.PROFILE_MODERATED).exists()
    [message] = [m for m in mail.outbox if agent.email in m.to]
    assert "Votre profil de parrain ou marraine est approuvé" in message.body.replace("\u00a0", " ")


def test_second_profile_is_refused(agent, themes, places):
    SponsorProfileFactory(user=agent)
    with pytest.raises(PermissionDenied):
        services.profile_save(by=agent, themes=[themes["sante"]], territories=[places["nord"]], capacity=1,
                              presentation="x")


def test_profile_needs_themes_and_territories(agent, themes, places):
    with pytest.raises(ValidationError) as error:
        services.profile_save(by=agent, themes=[], territories=[places["nord"]], capacity=1, presentation="x")
    assert "themes" in error.value.message_dict
    assert not SponsorProfile.objects.exists()


def test_only_moderators_approve_and_refusal_needs_a_message(agent, moderator, other_agent):
    profile = SponsorProfileFactory(user=agent, status=ProfileStatus.SOUMIS)
    with pytest.raises(PermissionDenied):
        services.profile_transition(profile=profile, action=ProfileAction.APPROVE, by=agent)
    with pytest.raises(PermissionDenied):
        services.profile_transition(profile=profile, action=ProfileAction.SUBMIT, by=other_agent)
    with pytest.raises(ValidationError):
        services.profile_transition(profile=profile, action=ProfileAction.REFUSE, by=moderator, message=" ")
    services.profile_transition(profile=profile, action=ProfileAction.REFUSE, by=moderator, message="À préciser.")
    profile.refresh_from_db()
    assert profile.state == ProfileStatus.REFUSE and profile.moderation_message == "À préciser."
    with pytest.raises(ValidationError) as error:  # the table: no approval from « refusé »
        services.profile_transition(profile=profile, action=ProfileAction.APPROVE, by=moderator)
    assert error.value.code == "stale"


def test_suspension_takes_the_role_away(sponsor, moderator):
    services.profile_transition(profile=sponsor, action=ProfileAction.SUSPEND, by=moderator, message="Congé.")
    user = type(sponsor.user).objects.get(pk=sponsor.user_id)
    assert not user.has_role(Role.PARRAIN)


# --- Requests ------------------------------------------------------------------------------

def test_team_requests_and_sponsor_accepts(innovation, sponsor, team_member):
    request = services.request_create(innovation=innovation, sponsor=sponsor, by=team_member,
                                      message="Aidez-nous", objectives="Deux pilotes")
    assert Notice.objects.filter(recipient=sponsor.user, kind=notices.REQUEST_RECEIVED).exists()
    done = services.request_transition(request=request, action=RequestAction.ACCEPT, by=sponsor.user,
                                       objectives="Deux pilotes en six mois", message="Avec plaisir")
    assert done.state == RequestStatus.ACCEPTEE
    sponsorship = done.created_sponsorship
    assert sponsorship.objectives == "Deux pilotes en six mois" and sponsorship.state == SponsorshipStatus.EN_COURS
    assert Notice.objects.filter(recipient=team_member, kind=notices.REQUEST_ANSWERED).exists()
    assert audit_actions(request) == ["create", "accept"]
    assert audit_actions(sponsorship) == ["create"]


def test_requests_refused(innovation, sponsor, team_member, agent, themes):
    with pytest.raises(PermissionDenied):  # not on the team
        services.request_create(innovation=innovation, sponsor=sponsor, by=agent, message="x")
    own = SponsorProfileFactory(user=team_member)
    with pytest.raises(ValidationError):  # the team's own member
        services.request_create(innovation=innovation, sponsor=own, by=team_member, message="x")
    hidden = SponsorProfileFactory(status=ProfileStatus.SOUMIS)
    with pytest.raises(ValidationError):
        services.request_create(innovation=innovation, sponsor=hidden, by=team_member, message="x")
    services.request_create(innovation=innovation, sponsor=sponsor, by=team_member, message="x")
    with pytest.raises(ValidationError) as error:
        services.request_create(innovation=innovation, sponsor=sponsor, by=team_member, message="encore")
    assert error.value.code == "duplicate"


def test_only_the_sponsor_answers_and_decline_needs_a_message(innovation, sponsor, other_sponsor, team_member):
    request = SponsorshipRequestFactory(innovation=innovation, sponsor=sponsor)
    for user in (team_member, other_sponsor.user):
        with pytest.raises(PermissionDenied):
            services.request_transition(request=request, action=RequestAction.ACCEPT, by=user, objectives="x")
    with pytest.raises(ValidationError):
        services.request_transition(request=request, action=RequestAction.DECLINE, by=sponsor.user, message="")
    with pytest.raises(ValidationError):
        services.request_transition(request=request, action=RequestAction.ACCEPT, by=sponsor.user, objectives=" ")
    services.request_transition(request=request, action=RequestAction.DECLINE, by=sponsor.user, message="Pas le temps")
    request.refresh_from_db()
    assert request.state == RequestStatus.DECLINEE and request.answer == "Pas le temps"
    with pytest.raises(ValidationError) as error:
        services.request_transition(request=request, action=RequestAction.ACCEPT, by=sponsor.user, objectives="x")
    assert error.value.code == "stale"


def test_team_withdraws(innovation, sponsor, team_member):
    request = SponsorshipRequestFactory(innovation=innovation, sponsor=sponsor)
    with pytest.raises(PermissionDenied):
        services.request_transition(request=request, action=RequestAction.WITHDRAW, by=sponsor.user)
    services.request_transition(request=request, action=RequestAction.WITHDRAW, by=team_member)
    request.refresh_from_db()
    assert request.state == RequestStatus.RETIREE


def test_capacity_is_never_exceeded(innovation, themes, places, team_member):
    from tests.factories.innovations import InnovationFactory

    sponsor = SponsorProfileFactory(capacity=1, themes=[themes["sante"]], territories=[places["nord"]])
    SponsorshipFactory(sponsor=sponsor, innovation=InnovationFactory())
    request = SponsorshipRequestFactory(innovation=innovation, sponsor=sponsor)
    with pytest.raises(ValidationError) as error:
        services.request_transition(request=request, action=RequestAction.ACCEPT, by=sponsor.user, objectives="x")
    assert error.value.code == "full"
    request.refresh_from_db()
    assert request.state == RequestStatus.EN_ATTENTE
    assert Sponsorship.objects.filter(sponsor=sponsor).count() == 1


# --- Sponsorships --------------------------------------------------------------------------

def test_checkin_by_sponsor_resets_the_silence(sponsorship, sponsor, team_member):
    old = timezone.now() - timedelta(days=90)
    Sponsorship.objects.filter(pk=sponsorship.pk).update(last_activity_at=old, reminded_at=old)
    services.checkin_add(sponsorship=sponsorship, by=sponsor.user, date=timezone.localdate(), notes="Fait.",
                         next_step="Suite")
    sponsorship.refresh_from_db()
    assert sponsorship.last_activity_at > old and sponsorship.reminded_at is None
    notice = Notice.objects.get(recipient=team_member, kind=notices.CHECKIN_ADDED)
    assert "Fait." not in notice.text  # private notes stay on the page
    Sponsorship.objects.filter(pk=sponsorship.pk).update(last_activity_at=old)
    services.checkin_add(sponsorship=sponsorship, by=team_member, date=timezone.localdate(), notes="Côté équipe")
    sponsorship.refresh_from_db()
    assert sponsorship.last_activity_at == old  # the team's notes do not count as the sponsor's
    assert Notice.objects.filter(recipient=sponsor.user, kind=notices.CHECKIN_ADDED).exists()


def test_checkin_refused(sponsorship, agent, sponsor):
    with pytest.raises(PermissionDenied):
        services.checkin_add(sponsorship=sponsorship, by=agent, date=timezone.localdate(), notes="x")
    with pytest.raises(ValidationError):
        services.checkin_add(sponsorship=sponsorship, by=sponsor.user,
                             date=timezone.localdate() + timedelta(days=2), notes="x")


def test_end_with_outcome(sponsorship, sponsor, team_member):
    with pytest.raises(ValidationError):
        services.sponsorship_transition(sponsorship=sponsorship, action=SponsorshipAction.END, by=team_member,
                                        outcome="")
    services.sponsorship_transition(sponsorship=sponsorship, action=SponsorshipAction.END, by=team_member,
                                    outcome=Outcome.ESSAIMAGES, notes="Deux essaimages.")
    sponsorship.refresh_from_db()
    assert sponsorship.state == SponsorshipStatus.TERMINE and sponsorship.outcome == Outcome.ESSAIMAGES
    assert audit_actions(sponsorship) == ["end"]
    assert Notice.objects.filter(recipient=sponsor.user, kind=notices.SPONSORSHIP_ENDED).exists()
    with pytest.raises(PermissionDenied):  # no more check-ins
        services.checkin_add(sponsorship=sponsorship, by=sponsor.user, date=timezone.localdate(), notes="x")
    with pytest.raises(ValidationError):
        services.sponsorship_transition(sponsorship=sponsorship, action=SponsorshipAction.END, by=sponsor.user,
                                        outcome=Outcome.ARRETE)


def test_silent_sponsor_is_reminded_once_per_sixty_days(sponsorship, sponsor):
    now = timezone.now()
    Sponsorship.objects.filter(pk=sponsorship.pk).update(last_activity_at=now - timedelta(days=59))
    assert services.remind_silent_sponsors(now=now) == 0
    Sponsorship.objects.filter(pk=sponsorship.pk).update(last_activity_at=now - timedelta(days=61))
    assert services.remind_silent_sponsors(now=now) == 1
    assert Notice.objects.filter(recipient=sponsor.user, kind=notices.SPONSOR_REMINDER).count() == 1
    assert services.remind_silent_sponsors(now=now + timedelta(days=1)) == 0  # not every day
    assert services.remind_silent_sponsors(now=now + timedelta(days=61)) == 1  # still silent 60 days later
    ended = SponsorshipFactory(status=SponsorshipStatus.TERMINE, outcome=Outcome.ARRETE)
    Sponsorship.objects.filter(pk=ended.pk).update(last_activity_at=now - timedelta(days=200))
    assert services.remind_silent_sponsors(now=now + timedelta(days=62)) == 0


def test_reminder_task_is_scheduled_daily(settings, db):
    from sponsors import tasks

    assert "sponsors.tasks.remind_silent_sponsors" in settings.SCHEDULED_TASKS
    assert tasks.remind_silent_sponsors.call() == 0




def test_each_step_sends_its_email(innovation, sponsor, team_member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_create(innovation=innovation, sponsor=sponsor, by=team_member,
                                          message="<b>Aidez-nous</b>")
    with django_capture_on_commit_callbacks(execute=True):
        sponsorship = services.request_transition(request=request, action=RequestAction.ACCEPT, by=sponsor.user,
                                                  objectives="Deux pilotes").created_sponsorship
    with django_capture_on_commit_callbacks(execute=True):
        services.checkin_add(sponsorship=sponsorship, by=sponsor.user, date=timezone.localdate(),
                             notes="Notes privées")
    with django_capture_on_commit_callbacks(execute=True):
        services.sponsorship_transition(sponsorship=sponsorship, action=SponsorshipAction.END, by=sponsor.user,
                                        outcome=Outcome.SUBVENTION)
    subjects = [(message.to, message.subject.replace("\u00a0", " ")) for message in mail.outbox]
    title = innovation.title
    assert subjects == [
        ([sponsor.user.email], f"[Essaimage] Demande de parrainage pour « {title} »"),
        ([team_member.email], f"[Essaimage] {sponsor} parraine « {title} »"),
        ([team_member.email], f"[Essaimage] Nouveau point d’étape : « {title} »"),
        ([team_member.email], f"[Essaimage] Fin du parrainage de « {title} »"),
    ]
    first = mail.outbox[0]
    assert "<b>Aidez-nous</b>" in first.body  # the text part is plain text
    assert "&lt;b&gt;Aidez-nous&lt;/b&gt;" in first.alternatives[0][0]  # escaped in the HTML part
    assert "/parrains/demandes/" in first.body
    assert all("Notes privées" not in message.body for message in mail.outbox)
