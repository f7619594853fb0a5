"""The evaluator's pages: the conflict answer comes first, drafts save, sending locks the sheet,
« Enregistrer et suivante » opens the assigned entry with the fewest scores, nobody sees other
scores; the organiser's jury page and invitations; query counts; hostile input inert."""

import pytest
from django.core import mail
from django.urls import reverse

from essaimage.models import AuditEntry
from evaluations.enums import CampaignPhase
from evaluations.models import Assignment, Score, ScoreSheet
from reviewing.enums import ConflictAnswer
from reviewing.criteria import comment_field_name, score_field_name
from tests.evaluations.scoring_helpers import Scene, assign_jury, campaign_with_entries, fill
from tests.text import page_text

pytestmark = pytest.mark.django_db


def sheet_data(campaign, values, action="draft", comment="Un dossier solide."):
    data = {"action": action, "comment": comment}
    for criterion, value in zip(campaign.criteria.all(), values, strict=False):
        data[score_field_name(criterion)] = str(value)
        data[comment_field_name(criterion)] = f"Sur {criterion.label}"
    return data


def test_conflict_first_then_the_entry(client_for):
    campaign, (a,), (juror,) = campaign_with_entries(1, jurors=1)
    (assignment,) = assign_jury(campaign, [(a, juror)])
    client = client_for(juror)
    url = reverse("evaluations:assignment", args=[assignment.pk])
    page = page_text(client.get(url))
    assert "avez-vous un conflit d’intérêts ?" in page
    assert a.innovation.title not in page and a.innovation.solution not in page
    # No answer: a clear French message, the entry still closed.
    response = client.post(reverse("evaluations:assignment_conflict", args=[assignment.pk]), {})
    assert response.status_code == 400
    assert "Indiquez si vous avez un conflit d’intérêts" in page_text(response)
    # A declared conflict needs a reason.
    response = client.post(reverse("evaluations:assignment_conflict", args=[assignment.pk]), {"answer": "declared"})
    assert "Précisez la nature du conflit." in page_text(response)
    response = client.post(reverse("evaluations:assignment_conflict", args=[assignment.pk]), {"answer": "none"})
    assert response.status_code == 302
    page = page_text(client.get(url))
    assert a.innovation.solution in page and "Envoyer (définitif)" in page


def test_draft_then_submit_locks_and_audits(client_for):
    scene = Scene(CampaignPhase.JURY)
    client = client_for(scene.juror)
    url = reverse("evaluations:assignment", args=[scene.jury_a.pk])
    response = client.post(url, sheet_data(scene.campaign, [4, 3]))
    assert response.status_code == 302
    sheet = ScoreSheet.objects.get(assignment=scene.jury_a)
    assert sheet.state.label == "Brouillon" and Score.objects.filter(sheet=sheet).count() == 2
    # Sending an incomplete sheet: refused, what was typed kept.
    response = client.post(url, sheet_data(scene.campaign, [4, 3], action="submit", comment="Texte gardé"))
    assert response.status_code == 200
    page = page_text(response)
    assert "Notez ce critère avant d’envoyer la fiche." in page and "Texte gardé" in page
    response = client.post(url, sheet_data(scene.campaign, [4, 3, 5, 2, 1], action="submit"))
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.state.is_locked and sheet.submitted_by == scene.juror
    assert [s.value for s in Score.objects.filter(sheet=sheet).order_by("criterion__order")] == [4, 3, 5, 2, 1]
    assert AuditEntry.objects.filter(object_id=sheet.pk, action="submit").count() == 1
    # Posting again changes nothing.
    response = client.post(url, sheet_data(scene.campaign, [0, 0, 0, 0, 0], action="submit"), follow=True)
    assert "ne peut plus être modifiée" in page_text(response)
    assert sorted(Score.objects.filter(sheet=sheet).values_list("value", flat=True)) == [1, 2, 3, 4, 5]


def test_save_and_next_opens_the_entry_with_fewest_scores(client_for):
    campaign, (a, b, c), (juror, other1, other2) = campaign_with_entries(3, jurors=3, jurors_per_entry=3)
    mine = dict(zip("abc", assign_jury(campaign, [(a, juror), (b, juror), (c, juror)]), strict=True))
    # B already has two sent sheets from other jurors, C one.
    for sheet in assign_jury(campaign, [(b, other1), (b, other2), (c, other1)]):
        fill(sheet, [3] * 5)
    Assignment.objects.filter(pk__in=[m.pk for m in mine.values()]).update(
        conflict=ConflictAnswer.NONE, conflict_declared_at=a.created_at)
    client = client_for(juror)
    response = client.post(reverse("evaluations:assignment", args=[mine["b"].pk]),
                           sheet_data(campaign, [2], action="next"))
    assert response.status_code == 302
    assert response.url == reverse("evaluations:assignment", args=[mine["a"].pk])  # A: 0 sheets, C: 1


def test_no_other_score_is_shown_to_an_evaluator(client_for):
    scene = Scene(CampaignPhase.JURY)
    other = assign_jury(scene.campaign, [(scene.a, scene.unassigned)])[0]
    fill(other, [1, 1, 1, 1, 1], comment="Avis confidentiel d’un autre juré")
    page = page_text(client_for(scene.juror).get(reverse("evaluations:assignment", args=[scene.jury_a.pk])))
    assert "Avis confidentiel" not in page and "Commentaire Transférabilité" not in page
    tasks = page_text(client_for(scene.juror).get(reverse("evaluations:scoring_tasks", args=[scene.campaign.slug])))
    assert "Avis confidentiel" not in tasks and "Rang" not in tasks


def test_any_member_of_the_peer_team_fills_the_team_sheet(client_for):
    from innovations.models import TeamMember
    from tests.factories import UserFactory

    scene = Scene(CampaignPhase.PEER_REVIEW)
    colleague = UserFactory()
    TeamMember.objects.create(innovation=scene.b.innovation, user=colleague)
    url = reverse("evaluations:assignment", args=[scene.peer_a.pk])
    client_for(colleague).post(url, sheet_data(scene.campaign, [2, 2, 2, 2, 2], action="submit"))
    sheet = ScoreSheet.objects.get(assignment=scene.peer_a)
    assert sheet.state.is_locked and sheet.submitted_by == colleague
    assert "Vous avez envoyé cette fiche" in page_text(client_for(scene.peer).get(url))


def test_peer_sheet_closed_outside_the_peer_phase(client_for):
    scene = Scene(CampaignPhase.JURY)
    url = reverse("evaluations:assignment", args=[scene.peer_a.pk])
    page = page_text(client_for(scene.peer).get(url))
    assert "La phase d’évaluation est close" in page
    client_for(scene.peer).post(url, sheet_data(scene.campaign, [2, 2, 2, 2, 2], action="submit"))
    assert not ScoreSheet.objects.get(assignment=scene.peer_a).state.is_locked


TASKS_QUERIES = 8


def test_tasks_page_query_count_is_the_same_for_one_and_many(client_for, django_assert_num_queries):
    campaign, entries, (juror,) = campaign_with_entries(1, jurors=1)
    assign_jury(campaign, [(entries[0], juror)])
    client = client_for(juror)
    url = reverse("evaluations:scoring_tasks", args=[campaign.slug])
    client.get(url)
    with django_assert_num_queries(TASKS_QUERIES):
        assert client.get(url).status_code == 200
    campaign2, entries2, _ = campaign_with_entries(8, jurors=0)
    campaign2.jurors.add(juror)
    assign_jury(campaign2, [(entry, juror) for entry in entries2])
    url2 = reverse("evaluations:scoring_tasks", args=[campaign2.slug])
    with django_assert_num_queries(TASKS_QUERIES):
        assert client.get(url2).status_code == 200


DELIBERATION_QUERIES = 11


def test_deliberation_query_count_is_the_same_for_one_and_many(client_for, django_assert_num_queries):
    for size in (1, 10):
        campaign, entries, (juror,) = campaign_with_entries(size, jurors=1, phase=CampaignPhase.DELIBERATION)
        for sheet in assign_jury(campaign, [(entry, juror) for entry in entries]):
            fill(sheet, [3] * 5)
        client = client_for(campaign.organisers.get())
        url = reverse("evaluations:deliberation", args=[campaign.slug])
        with django_assert_num_queries(DELIBERATION_QUERIES):
            response = client.get(url)
        assert page_text(response).count("candidature-") >= size


def test_hostile_input_is_inert(client_for):
    scene = Scene(CampaignPhase.DELIBERATION)
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    scene.a.innovation.title = payload
    scene.a.innovation.save()
    fill(scene.jury_a, [5] * 5, comment=payload)
    for user, url in [(scene.organiser, reverse("evaluations:deliberation", args=[scene.campaign.slug])),
                      (scene.juror, reverse("evaluations:assignment", args=[scene.jury_a.pk]))]:
        html = client_for(user).get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html


def test_organiser_invites_a_juror(client_for, django_capture_on_commit_callbacks):
    scene = Scene(CampaignPhase.JURY)
    client = client_for(scene.organiser)
    url = reverse("evaluations:jury_manage", args=[scene.campaign.slug])
    response = client.post(url, {"action": "invite", "email": "pas-une-adresse"})
    assert response.status_code == 400 and "Saisissez une adresse e-mail valide" in page_text(response)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "invite", "email": "jure.invite@exemple.gouv.fr"})
    assert response.status_code == 302
    (message,) = [m for m in mail.outbox if "jure.invite@exemple.gouv.fr" in m.to]
    assert "Invitation à rejoindre le jury" in message.subject
    assert "jure.invite@exemple.gouv.fr" in page_text(client.get(url))
    # Accepting through the page.
    from tests.factories import UserFactory

    link = message.body.split("http://")[1].split()[0]
    path = "/" + link.split("/", 1)[1]
    person = UserFactory()
    anonymous_page = page_text(client_for(None).get(path))
    assert "Se connecter" in anonymous_page
    response = client_for(person).post(path)
    assert response.status_code == 302
    assert scene.campaign.jurors.filter(pk=person.pk).exists()


def test_dashboard_lists_pending_evaluations(client_for):
    scene = Scene(CampaignPhase.JURY)
    page = page_text(client_for(scene.juror).get(reverse("dashboard")))
    assert "1 candidature à évaluer" in page and scene.campaign.title in page
    fill(scene.jury_a, [3] * 5)
    assert "à évaluer" not in page_text(client_for(scene.juror).get(reverse("dashboard")))
    assert "à évaluer" not in page_text(client_for(scene.other).get(reverse("dashboard")))


def test_a_withdrawn_entry_leaves_the_evaluators_lists(client_for):
    from evaluations.enums import EntryStatus
    from evaluations.models import Entry

    scene = Scene(CampaignPhase.PEER_REVIEW)
    Entry.objects.filter(pk=scene.a.pk).update(status=EntryStatus.WITHDRAWN)
    assert client_for(scene.juror).get(reverse("evaluations:assignment", args=[scene.jury_a.pk])).status_code == 404
    assert client_for(scene.peer).get(reverse("evaluations:assignment", args=[scene.peer_a.pk])).status_code == 404
    tasks = page_text(client_for(scene.peer).get(reverse("evaluations:scoring_tasks", args=[scene.campaign.slug])))
    assert "Candidature n°" not in tasks


def test_deliberation_shows_prizes_and_links_to_the_awards(client_for):
    from evaluations.models import Award

    scene = Scene(CampaignPhase.DELIBERATION)
    fill(scene.jury_a, [5] * 5)
    Award.objects.create(entry=scene.a, category=scene.a.category, rank=1, prize_label="Premier prix",
                         decided_by=scene.organiser)
    page = page_text(client_for(scene.organiser).get(reverse("evaluations:deliberation", args=[scene.campaign.slug])))
    assert "Premier prix" in page and f"#candidature-{scene.a.pk}" in page and "Décerner un prix" in page


def test_the_journal_reads_the_scoring_in_french(client_for):
    from essaimage.selectors import audit_entries_for

    scene = Scene(CampaignPhase.JURY)
    client_for(scene.juror).post(reverse("evaluations:assignment", args=[scene.jury_a.pk]),
                                 sheet_data(scene.campaign, [3, 3, 3, 3, 3], action="submit"))
    (entry,) = audit_entries_for(ScoreSheet.objects.get(assignment=scene.jury_a))
    assert (str(entry.action_label), str(entry.to_label)) == ("Envoyer", "Envoyée")
    from evaluations import scoring_services

    scoring_services.jury_assignments_create(scene.campaign, by=scene.organiser)
    labels = [str(e.action_label) for e in audit_entries_for(scene.campaign)]
    assert "Attribution des candidatures au jury" in labels


JURY_PAGE_QUERIES = 12


def test_jury_page_query_count_is_the_same_for_one_and_many(client_for, django_assert_num_queries):
    from evaluations import scoring_services

    for size in (1, 6):
        campaign, entries, jurors = campaign_with_entries(size, jurors=size, jurors_per_entry=1)
        scoring_services.jury_assignments_create(campaign)
        organiser = campaign.organisers.get()
        for index in range(size):
            scoring_services.juror_invite(campaign=campaign, email=f"invite{index}@exemple.gouv.fr", by=organiser)
        client = client_for(organiser)
        url = reverse("evaluations:jury_manage", args=[campaign.slug])
        with django_assert_num_queries(JURY_PAGE_QUERIES):
            assert client.get(url).status_code == 200


def test_explanation_comments_are_inert(client_for):
    scene = Scene(CampaignPhase.RESULTS)
    fill(scene.jury_a, [4] * 5, comment='<script>alert("x")</script>')
    html = client_for(scene.team_a).get(reverse("evaluations:explanation", args=[scene.a.pk])).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_jury_page_lists_entries_short_of_peers_and_jurors(client_for):
    scene = Scene(CampaignPhase.PEER_REVIEW)  # 2 peers and 2 jurors expected; A has 1 and 1
    page = page_text(client_for(scene.organiser).get(reverse("evaluations:jury_manage", args=[scene.campaign.slug])))
    assert f"{scene.a.innovation.title} : 1 équipe(s) sur 2" in page
    assert f"{scene.a.innovation.title} : 1 juré(s) sur 2" in page


def test_each_evaluator_has_an_order_of_their_own_with_stable_numbers():
    from evaluations import scoring_selectors

    campaign, entries, (j1, j2) = campaign_with_entries(8, jurors=2, jurors_per_entry=2)
    assign_jury(campaign, [(entry, juror) for entry in entries for juror in (j1, j2)])
    orders = []
    for juror in (j1, j2):
        (group,) = scoring_selectors.evaluator_tasks(juror, campaign)
        orders.append([a.entry_id for a in group.assignments])
        for assignment in group.assignments:
            assert scoring_selectors.assignment_number(juror, assignment) == assignment.number
    assert sorted(orders[0]) == sorted(orders[1]) and orders[0] != orders[1]


def test_deliberation_is_paginated_and_keeps_ranks(client_for, monkeypatch):
    from evaluations import scoring_views

    monkeypatch.setattr(scoring_views, "RANKING_PAGE_SIZE", 2)
    campaign, entries, (juror,) = campaign_with_entries(3, jurors=1, phase=CampaignPhase.DELIBERATION)
    for sheet, value in zip(assign_jury(campaign, [(entry, juror) for entry in entries]), [5, 4, 3], strict=True):
        fill(sheet, [value] * 5)
    client = client_for(campaign.organisers.get())
    url = reverse("evaluations:deliberation", args=[campaign.slug])
    first = page_text(client.get(url))
    assert entries[0].innovation.title in first and entries[2].innovation.title not in first
    assert "Page suivante" in first and "3 candidatures" in first
    second = page_text(client.get(url + f"?categorie={entries[0].category_id}&page=2"))
    assert entries[2].innovation.title in second and entries[0].innovation.title not in second


def test_jury_page_counts_the_peer_sheets_sent(client_for):
    scene = Scene(CampaignPhase.PEER_REVIEW)
    fill(scene.peer_a, [3] * 5)
    page = page_text(client_for(scene.organiser).get(reverse("evaluations:jury_manage", args=[scene.campaign.slug])))
    assert "1 évaluation par les pairs attribuée, 1 envoyée." in page
