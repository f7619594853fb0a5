"""The review and decision pages: what each person reads (and never reads), bounded queries for
every list, hostile input inert."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from grants import decision_services, review_services
from grants.enums import AssignmentAction, DecisionOutcome
from reviewing.criteria import score_field_name
from tests.grants import review_helpers as h
from tests.text import page_text, plain

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
QUEUE_QUERIES = 5
CALL_REVIEWS_QUERIES = 12
APPLICATION_REVIEWS_QUERIES = 18


@pytest.fixture
def world():
    boss = h.instructeur()
    call = h.call(h.programme(instructeurs=[boss]), envelope=Decimal("100000.00"))
    return boss, call


@pytest.mark.parametrize("count", [1, 5])
def test_reviewer_queue_queries(world, client_for, django_assert_num_queries, count):
    boss, call = world
    reviewer = h.evaluator()
    for _ in range(count):
        review_services.assign_by_hand(application=h.application(call), evaluator=reviewer, by=boss)
    client = client_for(reviewer)
    with django_assert_num_queries(QUEUE_QUERIES):
        response = client.get(reverse("grants:review_queue"))
    assert response.status_code == 200
    assert page_text(response).count("Non déclaré") == count


@pytest.mark.parametrize("count", [1, 5])
def test_call_ranking_queries(world, client_for, django_assert_num_queries, count):
    boss, call = world
    reviewers = [h.evaluator(), h.evaluator()]
    for i in range(count):
        h.reviewed(call, boss, reviewers, value=1 + i % 5, amount=Decimal("30000.00"))
    h.application(call)  # not reviewed yet: last, no score
    client = client_for(boss)
    with django_assert_num_queries(CALL_REVIEWS_QUERIES):
        response = client.get(reverse("grants:call_reviews", args=[call.pk]))
    assert response.status_code == 200


def test_ranking_shows_scores_and_the_envelope_line_by_line(world, client_for):
    boss, call = world
    reviewers = [h.evaluator(), h.evaluator()]
    low = h.reviewed(call, boss, reviewers, value=2, amount=Decimal("60000.00"))
    high = h.reviewed(call, boss, reviewers, value=5, amount=Decimal("60000.00"))
    text = page_text(client_for(boss).get(reverse("grants:call_reviews", args=[call.pk])))
    assert text.index(high.reference) < text.index(low.reference)
    assert "20,00" in text and "8,00" in text  # 5/5 and 2/5 on 20
    assert "120 000,00 €" in text and "au-delà de l’enveloppe" in text


@pytest.mark.parametrize("count", [1, 4])
def test_application_reviews_queries(world, client_for, django_assert_num_queries, count):
    boss, call = world
    application = h.reviewed(call, boss, [h.evaluator() for _ in range(count)])
    client = client_for(boss)
    with django_assert_num_queries(APPLICATION_REVIEWS_QUERIES):
        response = client.get(reverse("grants:application_reviews", args=[application.pk]))
    assert response.status_code == 200


def test_reviewers_never_see_other_reviewers_scores(world, client_for):
    boss, call = world
    first, second = h.evaluator(), h.evaluator()
    application = h.reviewed(call, boss, [first], comment="Avis très personnel du premier.")
    assignment = review_services.assign_by_hand(application=application, evaluator=second, by=boss)
    review_services.assignment_transition(assignment=assignment, action=AssignmentAction.DECLARE_NO_CONFLICT,
                                          by=second)
    text = page_text(client_for(second).get(reverse("grants:assignment", args=[assignment.pk])))
    assert "Avis très personnel du premier." not in text
    assert "Évaluer" in text


def test_scoring_through_the_page_then_locked(world, client_for):
    boss, call = world
    reviewer = h.evaluator()
    application = h.application(call)
    assignment = review_services.assign_by_hand(application=application, evaluator=reviewer, by=boss)
    client = client_for(reviewer)
    url = reverse("grants:assignment", args=[assignment.pk])
    assert "Avant d’ouvrir le dossier" in page_text(client.get(url))
    assert client.post(url, {"answer": "none"}).status_code == 302
    criteria = list(call.criteria.all())
    data = {score_field_name(c): "3" for c in criteria[:2]} | {"action": "submit", "opinion": "reserve"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Notez ce critère avant d’envoyer la fiche." in page_text(response)
    assert 'value="3" checked' in response.content.decode() or "checked" in response.content.decode()
    data = {score_field_name(c): "3" for c in criteria} | {"action": "submit", "opinion": "reserve"}
    assert client.post(url, data).status_code == 302
    text = page_text(client.get(url))
    assert "elle n’est plus modifiable" in text


def test_conflict_through_the_page_takes_the_file_away(world, client_for):
    boss, call = world
    reviewer = h.evaluator()
    assignment = review_services.assign_by_hand(application=h.application(call), evaluator=reviewer, by=boss)
    client = client_for(reviewer)
    url = reverse("grants:assignment", args=[assignment.pk])
    response = client.post(url, {"answer": "declared", "reason": ""})
    assert response.status_code == 400 and "Précisez la nature du conflit." in page_text(response)
    response = client.post(url, {"answer": "declared", "reason": "Je connais le porteur."})
    assert response.status_code == 302
    assert client.get(url).status_code == 404
    assert assignment.application.reference not in page_text(client.get(reverse("grants:review_queue")))


def test_hostile_input_is_inert_in_reviews_decisions_and_e_mails(world, client_for,
                                                                 django_capture_on_commit_callbacks):
    boss, call = world
    reviewer = h.evaluator()
    application = h.reviewed(call, boss, [reviewer], comment=XSS)
    with django_capture_on_commit_callbacks(execute=True):
        decision_services.decide(application=application, outcome=DecisionOutcome.REFUSED, by=boss, motivation=XSS)
    team = h.team_member(application)
    pages = [client_for(boss).get(reverse("grants:application_reviews", args=[application.pk])),
             client_for(team).get(reverse("grants:decision_letter", args=[application.pk]))]
    for response in pages:
        html = response.content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert" in html
    sent = [m for m in mail.outbox if team.email in m.to]
    assert sent
    html = sent[-1].alternatives[0][0]
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert XSS in plain(sent[-1].body)  # plain text: shown as typed


def test_decision_form_keeps_what_was_typed_and_says_why(world, client_for):
    boss, call = world
    application = h.application(call, amount=Decimal("20000.00"))
    client = client_for(boss)
    url = reverse("grants:decide", args=[application.pk])
    response = client.post(url, {"outcome": "refused", "motivation": ""})
    assert response.status_code == 400
    assert "La motivation est obligatoire" in page_text(response)
    response = client.post(url, {"outcome": "accepted", "amount": "25 000,00", "motivation": "Projet solide."})
    assert response.status_code == 409
    text = page_text(response)
    assert "dépasse le montant demandé" in text and "Projet solide." in text
    response = client.post(url, {"outcome": "accepted", "amount": "18 500,50", "motivation": ""})
    assert response.status_code == 302
    application.decision.refresh_from_db()
    assert application.decision.amount == Decimal("18500.50")


def test_the_envelope_line_counts_grants_for_their_amount_and_refusals_for_nothing(world, client_for):
    from grants import review_selectors

    boss, call = world
    reviewers = [h.evaluator(), h.evaluator()]
    accepted = h.reviewed(call, boss, reviewers, value=5, amount=Decimal("60000.00"))
    refused = h.reviewed(call, boss, reviewers, value=4, amount=Decimal("30000.00"))
    pending = h.reviewed(call, boss, reviewers, value=3, amount=Decimal("20000.00"))
    decision_services.decide(application=accepted, outcome=DecisionOutcome.ACCEPTED, by=boss, amount=Decimal("50000"))
    decision_services.decide(application=refused, outcome=DecisionOutcome.REFUSED, by=boss, motivation="Non.")
    lines = review_selectors.call_ranking(call)
    assert [line.application.pk for line in lines] == [accepted.pk, refused.pk, pending.pk]
    assert [line.cumulative for line in lines] == [Decimal("50000.00"), Decimal("50000.00"), Decimal("70000.00")]
