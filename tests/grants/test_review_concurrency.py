"""Two evaluators sending their sheets of the same application at the same instant: both sheets
are counted, once each (real PostgreSQL connections)."""

import threading

import pytest
from django.db import connection

from grants import review_selectors, review_services
from grants.enums import AssignmentAction
from reviewing.criteria import score_field_name
from reviewing.enums import SheetStatus
from tests.grants import review_helpers as h


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_submitting_at_once_are_both_counted_once():
    boss = h.instructeur()
    call = h.call(h.programme(instructeurs=[boss]))
    application = h.application(call)
    reviewers = [h.evaluator(), h.evaluator()]
    assignments = []
    for reviewer in reviewers:
        assignment = review_services.assign_by_hand(application=application, evaluator=reviewer, by=boss)
        review_services.assignment_transition(assignment=assignment, action=AssignmentAction.DECLARE_NO_CONFLICT,
                                              by=reviewer)
        assignments.append(assignment)
    criteria = list(call.criteria.all())
    barrier = threading.Barrier(2)
    errors = []

    def submit(assignment, reviewer, value):
        try:
            data = {score_field_name(c): value for c in criteria} | {"opinion": "favorable", "comment": ""}
            barrier.wait()
            review_services.sheet_save(assignment=assignment, by=reviewer, data=data, submit=True)
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(assignments[0], reviewers[0], 5)),
               threading.Thread(target=submit, args=(assignments[1], reviewers[1], 3))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    summary = review_selectors.application_review_summary(application)
    assert summary["sent"] == 2
    assert summary["score"].evaluators == 2
    # (5/5 × 20 + 3/5 × 20) / 2 = 16
    assert summary["score"].final == 16
    assert all(a.sheet.status == SheetStatus.SUBMITTED for a in summary["assignments"])
