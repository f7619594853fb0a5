"""CSV exports of a call (French spreadsheet: BOM, semicolons, decimal commas), their bounded
queries, and the public SCDL download of conventions above 23,000 €."""

import csv
from decimal import Decimal
from io import StringIO

import pytest
from django.urls import reverse

from grants import decision_services
from grants.enums import DecisionOutcome, GrantAction
from grants.models import Grant
from tests.grants import review_helpers as h

pytestmark = pytest.mark.django_db

EXPORT_QUERIES = {"dossiers": 7, "evaluations": 8, "decisions": 6}
OPEN_DATA_QUERIES = 2


def content(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def world():
    boss = h.instructeur()
    call = h.call(h.programme(instructeurs=[boss]), envelope=Decimal("500000.00"))
    return boss, call


def populate(call, boss, count):
    reviewers = [h.evaluator(), h.evaluator()]
    for i in range(count):
        application = h.reviewed(call, boss, reviewers, value=3, amount=Decimal("30000.00"))
        if i % 2 == 0:
            decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss,
                                     amount=Decimal("25000.50"))
            grant = Grant.objects.get(application=application)
            decision_services.grant_transition(grant=grant, action=GrantAction.SIGN_CONVENTION, by=boss)
        else:
            decision_services.decide(application=application, outcome=DecisionOutcome.REFUSED, by=boss,
                                     motivation="=SOMME(A1:A9) hors sujet")


@pytest.mark.parametrize("count", [1, 4])
@pytest.mark.parametrize("kind", ["dossiers", "evaluations", "decisions"])
def test_exports_run_a_fixed_number_of_queries(world, client_for, django_assert_num_queries, count, kind):
    boss, call = world
    populate(call, boss, count)
    client = client_for(boss)
    with django_assert_num_queries(EXPORT_QUERIES[kind]):
        response = client.get(reverse("grants:call_export", args=[call.pk, kind]))
        text = content(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert text.startswith("\ufeff")
    rows = list(csv.reader(StringIO(text.lstrip("\ufeff")), delimiter=";"))
    expected = {"dossiers": count, "evaluations": 2 * count, "decisions": count}[kind]
    assert len(rows) == expected + 1


def test_export_values_in_french_and_formula_safe(world, client_for):
    boss, call = world
    populate(call, boss, 2)
    client = client_for(boss)
    rows = list(csv.reader(StringIO(content(client.get(reverse("grants:call_export", args=[call.pk, "decisions"])))
                                    .lstrip("\ufeff")), delimiter=";"))
    header, accepted, refused = rows
    assert header[:5] == ["Référence", "Innovation", "Organisation", "Décision", "Montant accordé"]
    assert accepted[3] == "Accepté" and accepted[4] == "25000,50"
    assert refused[3] == "Refusé" and refused[5] == "'=SOMME(A1:A9) hors sujet"
    rows = list(csv.reader(StringIO(content(client.get(reverse("grants:call_export", args=[call.pk, "dossiers"])))
                                    .lstrip("\ufeff")), delimiter=";"))
    assert rows[1][8] == "12,00"  # 3/5 on every criterion → 12/20


@pytest.mark.parametrize("count", [1, 3])
def test_open_data_lists_signed_conventions_above_23000(world, client, django_assert_num_queries, count):
    boss, call = world
    populate(call, boss, 2 * count)
    small = h.application(call, amount=Decimal("5000.00"))
    decision_services.decide(application=small, outcome=DecisionOutcome.ACCEPTED, by=boss, amount=Decimal("5000"))
    unsigned = h.application(call, amount=Decimal("40000.00"))
    decision_services.decide(application=unsigned, outcome=DecisionOutcome.ACCEPTED, by=boss,
                             amount=Decimal("40000"))
    with django_assert_num_queries(OPEN_DATA_QUERIES):
        response = client.get(reverse("grants:open_data_csv"))
        text = content(response)
    rows = list(csv.reader(StringIO(text)))
    assert rows[0][0] == "nomAttribuant" and len(rows) == count + 1
    assert all(row[7] == "25000.50" for row in rows[1:])
    assert small.reference not in text and unsigned.reference not in text
    page = client.get(reverse("grants:open_data"))
    assert page.status_code == 200 and "pourcentageSubvention" in page.content.decode()
