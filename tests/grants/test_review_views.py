"""Every URL of reviews, decisions, follow-up, dashboards and exports, for every kind of person:
the applicant team, another agent, an evaluator assigned / not assigned / who declared a
conflict, an instructeur of this programme and of another, a moderator, anonymous. Anything not
theirs answers 404 (anonymous visitors are sent to log in)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from essaimage.enums import Role
from grants import decision_services, followup_services, review_services
from grants.enums import AssignmentAction, DecisionOutcome, HearingPurpose
from grants.models import Grant
from tests.factories import UserFactory
from tests.grants import review_helpers as h

pytestmark = pytest.mark.django_db

PEOPLE = ["team", "other_agent", "assigned", "not_assigned", "conflicted", "instructeur", "other_instructeur",
          "moderator", "anonymous"]


@pytest.fixture
def world():
    boss = h.instructeur()
    programme = h.programme(instructeurs=[boss])
    call = h.call(programme, envelope=Decimal("200000.00"))
    application = h.application(call, amount=Decimal("40000.00"))
    people = {
        "team": h.team_member(application), "other_agent": UserFactory(), "assigned": h.evaluator(),
        "not_assigned": h.evaluator(), "conflicted": h.evaluator(), "instructeur": boss,
        "other_instructeur": h.instructeur(programme=h.programme()),
        "moderator": UserFactory(roles=[Role.AGENT, Role.MODERATEUR]), "anonymous": None,
    }
    assigned = review_services.assign_by_hand(application=application, evaluator=people["assigned"], by=boss)
    review_services.assignment_transition(assignment=assigned, action=AssignmentAction.DECLARE_NO_CONFLICT,
                                          by=people["assigned"])
    conflicted = review_services.assign_by_hand(application=application, evaluator=people["conflicted"], by=boss)
    review_services.assignment_transition(assignment=conflicted, action=AssignmentAction.DECLARE_CONFLICT,
                                          by=people["conflicted"], reason="Ma sœur est dans l’équipe.")
    decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss,
                             amount=Decimal("40000"))
    grant = Grant.objects.get(application=application)
    milestone = application.milestones.order_by("due_date").first()
    hearing = None
    return {"boss": boss, "programme": programme, "call": call, "application": application, "people": people,
            "assigned": assigned, "conflicted": conflicted, "grant": grant, "milestone": milestone,
            "hearing": hearing}


def get_urls(w):
    ref = w["application"].pk
    call = w["call"].pk
    instructeur_only = [
        reverse("grants:call_reviews", args=[call]), reverse("grants:call_dashboard", args=[call]),
        reverse("grants:call_export", args=[call, "dossiers"]),
        reverse("grants:call_export", args=[call, "evaluations"]),
        reverse("grants:call_export", args=[call, "decisions"]),
        reverse("grants:programme_dashboard", args=[w["programme"].pk]),
        reverse("grants:application_reviews", args=[ref]),
    ]
    team_and_instructeur = [
        reverse("grants:decision_letter", args=[ref]), reverse("grants:convention", args=[ref]),
        reverse("grants:grant_detail", args=[ref]), reverse("grants:financial_report", args=[ref]),
    ]
    return instructeur_only, team_and_instructeur


def expected(url_group, person):
    if person == "anonymous":
        return 302
    allowed = {"instructeur_only": {"instructeur"}, "team_and_instructeur": {"team", "instructeur"},
               "evaluators": {"assigned", "not_assigned", "conflicted"}, "assigned": {"assigned"}}[url_group]
    return 200 if person in allowed else 404


@pytest.mark.parametrize("person", PEOPLE)
def test_get_matrix(world, person, client_for):
    client = client_for(world["people"][person])
    instructeur_only, team_and_instructeur = get_urls(world)
    groups = {"instructeur_only": instructeur_only, "team_and_instructeur": team_and_instructeur,
              "evaluators": [reverse("grants:review_queue")],
              "assigned": [reverse("grants:assignment", args=[world["assigned"].pk])]}
    for group, urls in groups.items():
        for url in urls:
            response = client.get(url)
            assert response.status_code == expected(group, person), (person, url, response.status_code)
    # The conflicted evaluator's own assignment: gone for good.
    assert client.get(reverse("grants:assignment", args=[world["conflicted"].pk])).status_code == (
        302 if person == "anonymous" else 404)
    # Open data is public.
    assert client.get(reverse("grants:open_data")).status_code == 200
    assert client.get(reverse("grants:open_data_csv")).status_code == 200


@pytest.mark.parametrize("person", PEOPLE)
def test_post_matrix(world, person, client_for):
    """Every action answers 404 (302 for anonymous) to whoever may not take it, and changes nothing."""
    client = client_for(world["people"][person])
    ref = world["application"].pk
    milestone = world["milestone"].pk
    instructeur_posts = [
        (reverse("grants:assign_automatically", args=[world["call"].pk]), {}),
        (reverse("grants:assign_by_hand", args=[ref]), {"evaluator": world["people"]["not_assigned"].pk}),
        (reverse("grants:remove_assignment", args=[ref, world["assigned"].pk]), {"reason": "Non."}),
        (reverse("grants:decide", args=[ref]), {"outcome": "refused", "motivation": "Non."}),
        (reverse("grants:sign_convention", args=[ref]), {"confirm": "on"}),
        (reverse("grants:milestone_check", args=[ref, milestone]), {f"m{milestone}-decision": "validate"}),
        (reverse("grants:hearing_open", args=[ref]), {"purpose": "reduction", "reason": "Retard.",
                                                      "deadline": "2099-01-01"}),
        (reverse("grants:grant_end", args=[ref]), {"action": "withdraw", "motivation": "Abandon."}),
    ]
    team_posts = [
        (reverse("grants:milestone_report", args=[ref, milestone]), {f"m{milestone}-report": "Fait."}),
    ]
    for url, data in instructeur_posts:
        if person == "instructeur":
            continue
        response = client.post(url, data)
        assert response.status_code == (302 if person == "anonymous" else 404), (person, url, response.status_code)
        if person == "anonymous":
            assert "/compte/connexion/" in response["Location"]
    for url, data in team_posts:
        if person == "team":
            continue
        response = client.post(url, data)
        assert response.status_code == (302 if person == "anonymous" else 404), (person, url, response.status_code)
    world["grant"].refresh_from_db()
    assert world["grant"].convention_signed_at is None
    world["assigned"].refresh_from_db()
    assert world["assigned"].removed_at is None


def test_hearing_urls_across_roles(world, client_for):
    boss, grant = world["boss"], world["grant"]
    from grants.enums import GrantAction

    decision_services.grant_transition(grant=grant, action=GrantAction.SIGN_CONVENTION, by=boss)
    hearing = followup_services.hearing_open(grant=grant, by=boss, purpose=HearingPurpose.WITHDRAWAL,
                                             reason="Aucun jalon tenu.",
                                             deadline=timezone.localdate() + datetime.timedelta(days=20))
    ref = world["application"].pk
    answer = reverse("grants:hearing_answer", args=[ref, hearing.pk])
    close = reverse("grants:hearing_close", args=[ref, hearing.pk])
    for person in PEOPLE:
        client = client_for(world["people"][person])
        if person != "team":
            assert client.post(answer, {"answer": "x"}).status_code in (302, 404)
            if person != "anonymous":
                assert client.post(answer, {"answer": "x"}).status_code == 404
        if person != "instructeur" and person != "anonymous":
            assert client.post(close).status_code == 404
    response = client_for(world["people"]["team"]).post(answer, {"answer": "Nous avons pris du retard."})
    assert response.status_code == 302
    hearing.refresh_from_db()
    assert hearing.answer == "Nous avons pris du retard." and hearing.closed_at


def test_team_reports_and_instructeur_checks_through_the_pages(world, client_for):
    boss, grant = world["boss"], world["grant"]
    from grants.enums import GrantAction, MilestoneStatus

    ref = world["application"].pk
    instructeur = client_for(boss)
    response = instructeur.post(reverse("grants:sign_convention", args=[ref]), {"confirm": "on"})
    assert response.status_code == 302
    team = client_for(world["people"]["team"])
    milestone = world["milestone"]
    page = team.get(reverse("grants:grant_detail", args=[ref]))
    assert "Rendre compte" in page.content.decode()
    response = team.post(reverse("grants:milestone_report", args=[ref, milestone.pk]),
                         {f"m{milestone.pk}-report": ""})
    assert response.status_code == 400  # the report is required; nothing lost
    response = team.post(reverse("grants:milestone_report", args=[ref, milestone.pk]),
                         {f"m{milestone.pk}-report": "Deux communes ont repris."})
    assert response.status_code == 302
    response = instructeur.post(reverse("grants:milestone_check", args=[ref, milestone.pk]),
                                {f"m{milestone.pk}-decision": "validate"})
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.VALIDATED
    assert GrantAction.SIGN_CONVENTION  # (import used)
    grant.refresh_from_db()


@pytest.mark.parametrize("state", ["draft", "in_review", "refused", "accepted_small"])
def test_pages_across_statuses(state, client_for):
    """What exists depends on the status: no letter before a decision, no grant nor convention
    without an acceptance (above 23,000 € for the convention), nothing of a draft for the
    instructeurs."""
    from grants.enums import ApplicationStatus

    boss = h.instructeur()
    call = h.call(h.programme(instructeurs=[boss]))
    status = ApplicationStatus.DRAFT if state == "draft" else ApplicationStatus.IN_REVIEW
    application = h.application(call, status=status, amount=Decimal("10000.00"))
    if state == "refused":
        decision_services.decide(application=application, outcome=DecisionOutcome.REFUSED, by=boss,
                                 motivation="Hors du champ de l’appel.")
    if state == "accepted_small":
        decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss,
                                 amount=Decimal("10000"))
    team, instructeur = client_for(h.team_member(application)), client_for(boss)
    pk = application.pk
    expected = {
        "draft": {"reviews": 404, "letter": 404, "convention": 404, "grant": 404},
        "in_review": {"reviews": 200, "letter": 404, "convention": 404, "grant": 404},
        "refused": {"reviews": 200, "letter": 200, "convention": 404, "grant": 404},
        "accepted_small": {"reviews": 200, "letter": 200, "convention": 404, "grant": 200},
    }[state]
    assert instructeur.get(reverse("grants:application_reviews", args=[pk])).status_code == expected["reviews"]
    assert team.get(reverse("grants:application_reviews", args=[pk])).status_code == 404
    for client in (team, instructeur):
        if state == "draft" and client is instructeur:
            expected_letter = 404
        else:
            expected_letter = expected["letter"]
        assert client.get(reverse("grants:decision_letter", args=[pk])).status_code == expected_letter
        assert client.get(reverse("grants:convention", args=[pk])).status_code == expected["convention"]
        assert client.get(reverse("grants:grant_detail", args=[pk])).status_code == expected["grant"]
    if state in ("refused", "accepted_small"):  # decided: a second decision is refused, in French
        response = instructeur.post(reverse("grants:decide", args=[pk]), {"outcome": "refused", "motivation": "Non."})
        assert response.status_code == 409
        assert "déjà fait l’objet d’une décision" in response.content.decode().replace("\u00a0", " ")
