"""Real threads on PostgreSQL: two jurors sending their sheets at once, a juror double-posting,
two assignment runs at once: no score lost or doubled, one audit entry per sending."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from essaimage.models import AuditEntry
from evaluations import scoring_services
from evaluations.enums import Panel
from evaluations.models import Assignment, Score, ScoreSheet
from reviewing.criteria import score_field_name
from reviewing.enums import ConflictAnswer
from tests.evaluations.scoring_helpers import assign_jury, campaign_with_entries


def data(campaign, value):
    return {score_field_name(criterion): value for criterion in campaign.criteria.all()} | {"comment": "ok"}


def run_at_once(*calls):
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def act(call):
        try:
            barrier.wait()
            call()
            outcomes.append("ok")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes)


def ready(campaign, pairs):
    assignments = assign_jury(campaign, pairs)
    Assignment.objects.filter(pk__in=[a.pk for a in assignments]).update(
        conflict=ConflictAnswer.NONE, conflict_declared_at=assignments[0].created_at)
    return [Assignment.objects.select_related("campaign").get(pk=a.pk) for a in assignments]


@pytest.mark.django_db(transaction=True)
def test_two_jurors_submitting_at_once_both_count():
    campaign, (entry,), (first, second) = campaign_with_entries(1, jurors=2)
    one, two = ready(campaign, [(entry, first), (entry, second)])
    outcomes = run_at_once(
        lambda: scoring_services.sheet_save(assignment=one, by=first, cleaned_data=data(campaign, 4), submit=True),
        lambda: scoring_services.sheet_save(assignment=two, by=second, cleaned_data=data(campaign, 2), submit=True))
    assert outcomes == ["ok", "ok"]
    assert ScoreSheet.objects.filter(assignment__entry=entry, status="submitted").count() == 2
    assert sorted(Score.objects.filter(sheet__assignment__entry=entry).values_list("value", flat=True)) == \
        [2] * 5 + [4] * 5


@pytest.mark.django_db(transaction=True)
def test_a_juror_double_posting_sends_once():
    campaign, (entry,), (juror,) = campaign_with_entries(1, jurors=1)
    (assignment,) = ready(campaign, [(entry, juror)])
    outcomes = run_at_once(*[
        (lambda value=value: scoring_services.sheet_save(assignment=assignment, by=juror,
                                                          cleaned_data=data(campaign, value), submit=True))
        for value in (5, 1)])
    assert outcomes == ["locked", "ok"]
    sheet = ScoreSheet.objects.get(assignment=assignment)
    values = list(Score.objects.filter(sheet=sheet).values_list("value", flat=True))
    assert len(values) == 5 and len(set(values)) == 1  # one post's scores, whole
    assert AuditEntry.objects.filter(object_id=sheet.pk, action="submit").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_assignment_runs_at_once_assign_once():
    campaign, entries, jurors = campaign_with_entries(6, jurors=3, jurors_per_entry=2)
    outcomes = run_at_once(lambda: scoring_services.jury_assignments_create(campaign),
                           lambda: scoring_services.jury_assignments_create(campaign))
    assert outcomes == ["ok", "ok"]
    assert Assignment.objects.filter(campaign=campaign, panel=Panel.JURY).count() == 12
