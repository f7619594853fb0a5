"""Permission matrix over every scoring URL: organiser, juror assigned / not assigned /
conflicted, peer team member, the evaluated team, another agent, anonymous; across the phases.
Anything not theirs answers 404 (anonymous visitors are sent to the log-in page)."""

import pytest
from django.urls import reverse

from evaluations.enums import CampaignPhase
from tests.evaluations.scoring_helpers import Scene

pytestmark = pytest.mark.django_db

PHASES = [CampaignPhase.CANDIDATURES, CampaignPhase.PEER_REVIEW, CampaignPhase.JURY, CampaignPhase.DELIBERATION,
          CampaignPhase.RESULTS]
ROLES = ["organiser", "juror", "unassigned", "conflicted", "peer", "team_a", "other", "anonymous"]
AFTER_CANDIDATURES = set(PHASES) - {CampaignPhase.CANDIDATURES}


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
