"""CSV exports for the organiser: French spreadsheet conventions (BOM, semicolons, decimal
commas), the ranking of every category and every score; formulas neutralised."""

import pytest
from django.urls import reverse

from evaluations.enums import CampaignPhase
from tests.evaluations.scoring_helpers import Scene, fill

pytestmark = pytest.mark.django_db


def content(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_ranking_and_scores_csv(client_for):
    scene = Scene(CampaignPhase.DELIBERATION)
    scene.a.innovation.title = "=HYPERLINK(\"http://x\")"
    scene.a.innovation.save()
    fill(scene.jury_a, [5, 4, 3, 2, 1], comment="Très bien; vraiment")
    client = client_for(scene.organiser)
    response = client.get(reverse("evaluations:export_ranking", args=[scene.campaign.slug]))
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="classement-{scene.campaign.slug}.csv"' in response["Content-Disposition"]
    text = content(response)
    lines = text.split("\r\n")
    assert lines[0].startswith("\ufeffCatégorie;Rang;Ex aequo;Candidature")
    assert lines[1].split(";")[1] == "1"
    assert "'=HYPERLINK" in lines[1]  # a formula is quoted, never run by the spreadsheet
    assert "13,60" in lines[1]  # (3×5 + 2×4 + 2×3 + 2×2 + 1×1) / 5 / 10 × 20
    assert len([line for line in lines if line]) == 4  # header + A, B, C (B and C without score)
    scores = content(client.get(reverse("evaluations:export_scores", args=[scene.campaign.slug])))
    rows = [line for line in scores.split("\r\n")[1:] if line]
    assert len(rows) == 5
    assert scene.juror.full_name in rows[0] and "Très bien; vraiment" in rows[0]
    assert ";3,00;5;5;" in rows[0]  # weight 3,00, value 5, scale 5
