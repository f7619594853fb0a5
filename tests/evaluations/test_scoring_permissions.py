"""Permission matrix over every scoring URL: organiser, juror assigned / not assigned /
conflicted, peer team member, the evaluated team, another agent, anonymous; across the phases.
Anything not theirs answers 404 (anonymous visitors are sent to the log-in page)."""

import pytest
from django.urls import reverse

from evaluations.enums import CampaignPhase
from tests.evaluations.scoring_helpers import Scene

pytestmark = pytest.mark.django_db

PHASES = list(CampaignPhase)
ROLES = ["organiser", "juror", "unassigned", "conflicted", "peer", "team_a", "other", "anonymous"]
AFTER_CANDIDATURES = set(PHASES) - {CampaignPhase.DRAFT, CampaignPhase.ANNOUNCED, CampaignPhase.CANDIDATURES}


def expected(page: str, role: str, phase) -> int:
    if role == "anonymous" and page != "invitation":
        return 302
    if page == "jury_assignment":
        return 200 if role == "juror" else 404
    if page == "peer_assignment":
        return 200 if role == "peer" else 404
    if page == "tasks":
        if role in ("juror", "unassigned", "conflicted"):
            return 200
        return 200 if role in ("peer", "team_a") and phase in AFTER_CANDIDATURES else 404
    if page in ("jury", ):
        return 200 if role == "organiser" else 404
    if page in ("deliberation", "export_ranking", "export_scores"):
        return 200 if role == "organiser" and phase in AFTER_CANDIDATURES else 404
    if page == "explanation":
        return 200 if role == "team_a" and phase == CampaignPhase.RESULTS else 404
    if page == "invitation":
        return 200
    raise AssertionError(page)


def urls(scene, token):
    slug = scene.campaign.slug
    return {
        "jury_assignment": reverse("evaluations:assignment", args=[scene.jury_a.pk]),
        "peer_assignment": reverse("evaluations:assignment", args=[scene.peer_a.pk]),
        "tasks": reverse("evaluations:scoring_tasks", args=[slug]),
        "jury": reverse("evaluations:jury_manage", args=[slug]),
        "deliberation": reverse("evaluations:deliberation", args=[slug]),
        "export_ranking": reverse("evaluations:export_ranking", args=[slug]),
        "export_scores": reverse("evaluations:export_scores", args=[slug]),
        "explanation": reverse("evaluations:explanation", args=[scene.a.pk]),
        "invitation": reverse("evaluations:juror_invitation", args=[token]),
    }


@pytest.mark.parametrize("phase", PHASES)
def test_permission_matrix(phase, client_for):
    from evaluations.models import JurorInvitation
    from evaluations.scoring_services import _token_hash

    scene = Scene(phase)
    JurorInvitation.objects.create(campaign=scene.campaign, email="invite@exemple.gouv.fr",
                                   token=_token_hash("jeton-de-test"), invited_by=scene.organiser)
    people = {role: getattr(scene, role, None) for role in ROLES}
    people["conflicted"] = scene.conflicted
    people["anonymous"] = None
    failures = []
    for role, person in people.items():
        client = client_for(person)
        for page, url in urls(scene, "jeton-de-test").items():
            status = client.get(url).status_code
            if status != expected(page, role, phase):
                failures.append(f"{phase} {role} {page}: {status} (attendu {expected(page, role, phase)})")
    assert failures == []


def test_conflicted_juror_cannot_post_to_the_removed_assignment(client_for):
    scene = Scene(CampaignPhase.JURY)
    client = client_for(scene.conflicted)
    url = reverse("evaluations:assignment", args=[scene.conflict_a.pk])
    assert client.post(url, {"action": "draft"}).status_code == 404
    assert client.post(reverse("evaluations:assignment_conflict", args=[scene.conflict_a.pk]),
                       {"answer": "none"}).status_code == 404


def test_unknown_objects_answer_404(client_for):
    scene = Scene(CampaignPhase.JURY)
    client = client_for(scene.organiser)
    for url in [reverse("evaluations:assignment", args=[999999]),
                reverse("evaluations:explanation", args=[999999]),
                reverse("evaluations:deliberation", args=["inconnue"]),
                reverse("evaluations:juror_invitation", args=["inconnu"]),
                reverse("evaluations:deliberation", args=[scene.campaign.slug]) + "?categorie=999999"]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("phase", [CampaignPhase.PEER_REVIEW, CampaignPhase.JURY])
def test_posts_of_people_who_may_not(phase, client_for):
    """Running the assignment or inviting is the organiser's; scoring an assignment is its
    evaluator's: anybody else's post answers 404 and changes nothing."""
    from evaluations.models import Assignment, JurorInvitation, ScoreSheet

    scene = Scene(phase)
    before = Assignment.objects.count()
    jury = reverse("evaluations:jury_manage", args=[scene.campaign.slug])
    for role in ["juror", "unassigned", "conflicted", "peer", "team_a", "other"]:
        client = client_for(getattr(scene, role))
        for action in ("assign_jury", "assign_peers"):
            assert client.post(jury, {"action": action}).status_code == 404, role
        assert client.post(jury, {"action": "invite", "email": "x@exemple.gouv.fr"}).status_code == 404, role
        if role != "juror":
            assert client.post(reverse("evaluations:assignment", args=[scene.jury_a.pk]),
                               {"action": "submit"}).status_code == 404, role
            assert client.post(reverse("evaluations:assignment_conflict", args=[scene.jury_a.pk]),
                               {"answer": "declared", "reason": "x"}).status_code == 404, role
    assert client_for(None).post(jury, {"action": "assign_jury"}).status_code == 302
    assert Assignment.objects.count() == before and not JurorInvitation.objects.exists()
    assert not ScoreSheet.objects.filter(status="submitted").exists()
    scene.jury_a.refresh_from_db()
    assert scene.jury_a.removed_at is None


def test_an_organiser_cannot_join_their_own_jury():
    from django.core.exceptions import ValidationError

    from evaluations import scoring_services
    from evaluations.models import JurorInvitation

    scene = Scene(CampaignPhase.JURY)
    JurorInvitation.objects.create(campaign=scene.campaign, email=scene.organiser.email,
                                   token=scoring_services._token_hash("moi"), invited_by=scene.organiser)
    with pytest.raises(ValidationError, match="organisez"):
        scoring_services.juror_invitation_accept(token="moi", user=scene.organiser)
