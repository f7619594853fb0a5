"""Real connections on PostgreSQL: two votes of one agent at once give one vote; an organiser and
the team acting on an entry at once give one decision."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from essaimage.enums import Role
from evaluations import services
from evaluations.enums import CampaignPhase, EntryAction, EntryStatus
from evaluations.models import Entry, Vote
from tests.factories import UserFactory
from tests.factories.evaluations import CampaignFactory, EntryFactory


def run_at_once(*calls):
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            call()
            outcomes.append("ok")
        except (ValidationError, PermissionDenied) as error:
            outcomes.append(getattr(error, "code", "refused") or "refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_votes_of_one_agent_at_once_give_one_vote():
    now = timezone.now()
    campaign = CampaignFactory(at=CampaignPhase.JURY, public_prize=True, public_vote_start=now - timedelta(days=1),
                               public_vote_end=now + timedelta(days=1))
    first, second = (EntryFactory(campaign=campaign, status=EntryStatus.ELIGIBLE) for _ in range(2))
    voter = UserFactory(roles=[Role.AGENT])
    outcomes = run_at_once(lambda: services.vote_cast(entry=first, by=voter),
                           lambda: services.vote_cast(entry=second, by=voter))
    assert outcomes == ["already_voted", "ok"]
    assert Vote.objects.filter(voter=voter).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_ruling_and_a_withdrawal_at_once_give_one_outcome():
    campaign = CampaignFactory(at=CampaignPhase.CANDIDATURES)
    entry = EntryFactory(campaign=campaign, status=EntryStatus.SUBMITTED)
    organiser = campaign.created_by
    team = entry.innovation.created_by
    outcomes = run_at_once(
        lambda: services.entry_transition(entry=entry, action=EntryAction.REJECT, by=organiser, reason="Hors champ"),
        lambda: services.entry_transition(entry=entry, action=EntryAction.WITHDRAW, by=team))
    # Whichever locks the row first wins; the other finds a state it may not start from.
    assert outcomes == ["ok", "stale"]
    assert Entry.objects.get(pk=entry.pk).status in (EntryStatus.INELIGIBLE, EntryStatus.WITHDRAWN)
