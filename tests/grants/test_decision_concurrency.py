"""Decisions taken at the same instant, on real PostgreSQL connections (threads): the call's row
lock keeps the envelope and the one decision per application."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from grants import decision_services
from grants.enums import DecisionOutcome
from grants.models import Decision, Grant
from tests.grants import review_helpers as h
from tests.text import plain


def at_once(*calls):
    """Run each (function, kwargs) in its own thread, released together; the outcomes."""
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(function, kwargs):
        try:
            barrier.wait()
            function(**kwargs)
            outcomes.append(("ok", None))
        except ValidationError as error:
            outcomes.append(("refused", error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_instructeurs_accepting_beyond_the_envelope_one_succeeds():
    first, second = h.instructeur(), h.instructeur()
    call = h.call(h.programme(instructeurs=[first, second]), envelope=Decimal("100000.00"))
    one = h.application(call, amount=Decimal("60000.00"))
    two = h.application(call, amount=Decimal("50000.00"))

    outcomes = at_once(
        (decision_services.decide, {"application": one, "outcome": DecisionOutcome.ACCEPTED, "by": first,
                                    "amount": Decimal("60000")}),
        (decision_services.decide, {"application": two, "outcome": DecisionOutcome.ACCEPTED, "by": second,
                                    "amount": Decimal("50000")}))

    assert sorted(result for result, _e in outcomes) == ["ok", "refused"]
    error = next(e for result, e in outcomes if result == "refused")
    assert error.code == "envelope"
    assert "L’enveloppe de l’appel ne permet plus d’accorder" in plain(error.messages[0])
    assert Decision.objects.count() == 1 and Grant.objects.count() == 1
    assert decision_services.committed(call) <= call.envelope


@pytest.mark.django_db(transaction=True)
def test_the_same_application_decided_twice_at_once_gives_one_decision():
    first, second = h.instructeur(), h.instructeur()
    call = h.call(h.programme(instructeurs=[first, second]))
    application = h.application(call, amount=Decimal("10000.00"))

    outcomes = at_once(
        (decision_services.decide, {"application": application, "outcome": DecisionOutcome.ACCEPTED, "by": first,
                                    "amount": Decimal("10000")}),
        (decision_services.decide, {"application": application, "outcome": DecisionOutcome.REFUSED, "by": second,
                                    "motivation": "Hors sujet."}))

    assert sorted(result for result, _e in outcomes) == ["ok", "refused"]
    assert next(e for result, e in outcomes if result == "refused").code == "stale"
    assert Decision.objects.filter(application=application).count() == 1
