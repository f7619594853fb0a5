from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from essaimage.enums import Role
from evaluations.enums import AwardKind, CampaignPhase, EntryStatus
from evaluations.models import Award, Campaign, Entry, Question, Vote
from tests.factories import UserFactory
from tests.factories.evaluations import AwardFactory, CampaignFactory, EntryFactory
from tests.factories.innovations import InnovationFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def answer_field(campaign):
    return f"answer_{campaign.questions.get().pk}"


# --- Entering, from the team's side ---------------------------------------------------------------

def test_a_team_enters_saves_a_draft_is_warned_about_its_name_then_submits(client_for, campaign, team_member):
    client = client_for(team_member)
    category = campaign.categories.get()
    response = client.post(reverse("evaluations:enter", args=[campaign.slug]),
                           {"innovation": team_member.innovation.pk, "category": category.pk})
    entry = Entry.objects.get()
    assert response.url == reverse("evaluations:entry", args=[entry.pk])
    url = reverse("evaluations:entry", args=[entry.pk])
    page = page_text(client.get(url))
    assert "n’écrivez ni les noms des membres de l’équipe" in page  # anonymised: told what to leave out
    field = answer_field(campaign)
    client.post(url, {"category": category.pk, field: "Premier jet", "draft": ""})
    assert entry.answers.get().text == "Premier jet"
    # Submission: the team member's name is found (accents and case aside): warned, not blocked.
    response = client.post(url, {"category": category.pk, field: "Conçu par helene DUPRE-LAGARDE à Lille.",
                                 "submit": ""})
    assert response.status_code == 200
    text = page_text(response)
    assert "Vos réponses risquent de lever l’anonymat" in text
    assert "« Dupré-Lagarde » (le nom d’un membre de l’équipe)" in text and "« Lille » (la commune)" in text
    assert "Déposer quand même" in text
    entry.refresh_from_db()
    assert entry.state == EntryStatus.DRAFT and "DUPRE" in entry.answers.get().text  # nothing typed is lost
    response = client.post(url, {"category": category.pk, field: "Conçu par helene DUPRE-LAGARDE à Lille.",
                                 "confirm": ""})
    entry.refresh_from_db()
    assert entry.state == EntryStatus.SUBMITTED
    assert "Candidature déposée" in page_text(client.get(url))


def test_no_warning_in_a_campaign_that_is_not_anonymised(client_for, make_campaign, team_member):
    campaign = make_campaign(anonymised=False)
    entry = EntryFactory(campaign=campaign, innovation=team_member.innovation)
    client_for(team_member).post(reverse("evaluations:entry", args=[entry.pk]), {
        "category": entry.category_id, answer_field(campaign): "Par Hélène Dupré-Lagarde, à Lille.", "submit": ""})
    entry.refresh_from_db()
    assert entry.state == EntryStatus.SUBMITTED


def test_ineligible_innovations_are_listed_with_their_reason(client_for, make_campaign, team_member):
    from innovations.enums import Stage

    campaign = make_campaign(minimum_stage=Stage.GENERALISEE)
    text = page_text(client_for(team_member).get(reverse("evaluations:enter", args=[campaign.slug])))
    assert "« Le guichet mobile » : l’innovation doit avoir atteint le stade « Généralisée »" in text
    assert "Aucune innovation de votre équipe ne peut concourir" in text


def test_the_ruling_and_its_reason_reach_the_team(client_for, campaign, organiser, team_member):
    entry = EntryFactory(campaign=campaign, innovation=team_member.innovation, status=EntryStatus.SUBMITTED)
    response = client_for(organiser).post(reverse("evaluations:entry_rule", args=[entry.pk]),
                                          {"decision": "reject", "reason": ""})
    entry.refresh_from_db()
    assert entry.state == EntryStatus.SUBMITTED  # a rejection needs its reason
    client_for(organiser).post(reverse("evaluations:entry_rule", args=[entry.pk]),
                               {"decision": "reject", "reason": "Le territoire n’est pas éligible."})
    entry.refresh_from_db()
    assert entry.state == EntryStatus.INELIGIBLE and response.status_code == 302
    text = page_text(client_for(team_member).get(reverse("evaluations:entry", args=[entry.pk])))
    assert "Candidature irrecevable" in text and "Le territoire n’est pas éligible." in text
    assert "Historique de la candidature" in text and "Déclarer irrecevable" in text


# --- The organiser ------------------------------------------------------------------------------

def test_an_organiser_creates_a_campaign_with_paris_times(client_for, organiser):
    response = client_for(organiser).post(reverse("evaluations:create"), {
        "title": "Prix des territoires", "summary": "", "description": "",
        "candidatures_start": "2027-03-01T09:00", "peer_review_start": "2027-04-01T18:00",
        "jury_start": "2027-04-15T09:00", "deliberation_start": "2027-05-01T09:00",
        "results_start": "2027-07-01T12:00", "peers_per_entry": 3, "jurors_per_entry": 2,
        "anonymised": "on", "aggregation": "weighted_mean", "peer_weight": "0.40"})
    campaign = Campaign.objects.get()
    assert response.url == reverse("evaluations:manage", args=[campaign.slug])
    assert campaign.results_start == datetime(2027, 7, 1, 12, 0, tzinfo=PARIS)  # summer time: 10:00 UTC
    assert campaign.candidatures_start == datetime(2027, 3, 1, 8, 0, tzinfo=timezone.UTC)
    assert campaign.criteria.count() == 5
    manage = page_text(client_for(organiser).get(reverse("evaluations:manage", args=[campaign.slug])))
    assert "1 juillet 2027 à 12:00" in manage


def test_bad_dates_are_explained_and_nothing_typed_is_lost(client_for, organiser):
    response = client_for(organiser).post(reverse("evaluations:create"), {
        "title": "Prix des territoires", "description": "Mon texte",
        "candidatures_start": "2027-03-01T09:00", "peer_review_start": "2027-02-01T18:00",
        "jury_start": "2027-04-15T09:00", "deliberation_start": "2027-05-01T09:00",
        "results_start": "pas une date", "peers_per_entry": 3, "jurors_per_entry": 2,
        "aggregation": "weighted_mean", "peer_weight": "0.40"})
    text = page_text(response)
    assert response.status_code == 200 and not Campaign.objects.exists()
    assert "Le formulaire contient des erreurs" in text and "Mon texte" in text


def test_the_organiser_extends_the_phase_from_the_page(client_for, campaign, organiser):
    until = timezone.localtime(campaign.peer_review_start + timedelta(days=2), PARIS)
    client_for(organiser).post(reverse("evaluations:extend", args=[campaign.slug]),
                               {"until": until.strftime("%Y-%m-%dT%H:%M"), "reason": "Demandes des équipes"})
    campaign.refresh_from_db()
    assert campaign.peer_review_start == until.replace(second=0, microsecond=0)
    # Never silently: the public page says so, the organiser's page keeps the journal.
    public = page_text(client_for(None).get(reverse("evaluations:campaign", args=[campaign.slug])))
    assert "Calendrier modifié le" in public and "Motif : Demandes des équipes" in public
    manage = page_text(client_for(organiser).get(reverse("evaluations:manage", args=[campaign.slug])))
    assert "Prolongation de la phase" in manage and organiser.full_name in manage


def test_the_organiser_records_a_prize_and_its_citation(client_for, make_campaign, organiser):
    campaign = make_campaign(CampaignPhase.DELIBERATION)
    entry = EntryFactory(campaign=campaign, status=EntryStatus.ELIGIBLE)
    client_for(organiser).post(reverse("evaluations:awards", args=[campaign.slug]),
                               {"entry": entry.pk, f"e{entry.pk}-rank": "1", f"e{entry.pk}-citation": "Exemplaire."})
    award = Award.objects.get()
    assert (award.entry, award.prize_label, award.citation, award.decided_by) == (
        entry, "Premier prix", "Exemplaire.", organiser)
    text = page_text(client_for(organiser).get(reverse("evaluations:awards", args=[campaign.slug])))
    assert "Premier prix" in text and "« Exemplaire. »" in text
    # The team does not learn of its prize before the results (its entry's journal included).
    team_page = page_text(client_for(entry.innovation.created_by).get(reverse("evaluations:entry", args=[entry.pk])))
    assert "Exemplaire" not in team_page and "Prix attribué" not in team_page


def test_publishing_the_campaign_from_its_page(client_for, make_campaign, organiser):
    campaign = make_campaign(CampaignPhase.DRAFT)
    client_for(organiser).post(reverse("evaluations:phase_action", args=[campaign.slug]), {"action": "publish"})
    campaign.refresh_from_db()
    assert campaign.state == CampaignPhase.ANNOUNCED
    # A date-driven action is not offered by hand.
    assert client_for(organiser).post(reverse("evaluations:phase_action", args=[campaign.slug]),
                                      {"action": "open_candidatures"}).status_code == 404


# --- Public pages -----------------------------------------------------------------------------

def test_the_campaign_page_reads_its_phase_from_the_dates(client, make_campaign):
    campaign = make_campaign(CampaignPhase.CANDIDATURES)
    Campaign.objects.filter(pk=campaign.pk).update(peer_review_start=timezone.now() - timedelta(minutes=5))
    text = page_text(client.get(reverse("evaluations:campaign", args=[campaign.slug])))
    campaign.refresh_from_db()
    assert campaign.state == CampaignPhase.PEER_REVIEW and "Évaluation par les pairs" in text


def test_the_results_page_shows_prizes_citations_and_votes(client, make_campaign):
    campaign = make_campaign(CampaignPhase.RESULTS, public_prize=True,
                             public_vote_start=timezone.now() - timedelta(days=25),
                             public_vote_end=timezone.now() - timedelta(days=12))
    award = AwardFactory(entry__campaign=campaign, citation="Une reprise dans 12 départements.")
    Vote.objects.create(campaign=campaign, category=award.category, entry=award.entry,
                        voter=UserFactory(roles=[Role.AGENT]))
    Award.objects.create(entry=award.entry, category=award.category, kind=AwardKind.PUBLIC,
                         prize_label="Prix du public")
    text = page_text(client.get(reverse("evaluations:results", args=[campaign.slug])))
    assert award.entry.innovation.title in text and "« Une reprise dans 12 départements. »" in text
    assert "Votes du public" in text and "comptés à part" in text


def test_hostile_text_is_shown_inert(client_for, make_campaign, organiser, team_member):
    campaign = make_campaign(CampaignPhase.RESULTS, title=XSS, description=XSS, summary=XSS)
    category = campaign.categories.get()
    category.name = XSS
    category.save()
    Question.objects.filter(campaign=campaign).update(label=XSS, help_text=XSS)
    entry = EntryFactory(campaign=campaign, innovation=InnovationFactory(title=XSS, created_by=team_member),
                         status=EntryStatus.ELIGIBLE)
    entry.answers.create(question=campaign.questions.get(), text=XSS)
    AwardFactory(entry=entry, citation=XSS, prize_label=XSS)
    pages = [reverse("evaluations:list"), reverse("evaluations:campaign", args=[campaign.slug]),
             reverse("evaluations:results", args=[campaign.slug]), reverse("evaluations:entry", args=[entry.pk]),
             reverse("evaluations:entries", args=[campaign.slug]), reverse("evaluations:awards", args=[campaign.slug]),
             reverse("evaluations:manage", args=[campaign.slug]), reverse("evaluations:mine"),
             entry.innovation.get_absolute_url()]
    for user in (organiser, team_member):
        for url in pages:
            html = client_for(user).get(url).content.decode()
            assert "<script>alert" not in html and "<img src=x" not in html, url


# --- Query counts (the same for one row and for many) ---------------------------------------

CAMPAIGN_LIST_QUERIES = 8
ENTRIES_QUERIES = 8
MY_ENTRIES_QUERIES = 5
RESULTS_QUERIES = 3  # campaign, categories, prizes (a visitor)


def test_the_campaign_list_query_count_is_constant(client_for, organiser, django_assert_num_queries):
    client = client_for(organiser)
    for count in (1, 5):
        for _ in range(count if count == 1 else 4):
            CampaignFactory(at=CampaignPhase.CANDIDATURES)
        with django_assert_num_queries(CAMPAIGN_LIST_QUERIES):
            assert client.get(reverse("evaluations:list")).status_code == 200


def test_the_entries_list_query_count_is_constant(client_for, campaign, organiser, django_assert_num_queries):
    client = client_for(organiser)
    for count in (1, 5):
        EntryFactory.create_batch(count if count == 1 else 4, campaign=campaign, status=EntryStatus.SUBMITTED)
        with django_assert_num_queries(ENTRIES_QUERIES):
            assert client.get(reverse("evaluations:entries", args=[campaign.slug])).status_code == 200


def test_my_entries_query_count_is_constant(client_for, team_member, django_assert_num_queries):
    client = client_for(team_member)
    for count in (1, 5):
        for _ in range(count if count == 1 else 4):
            EntryFactory(innovation=InnovationFactory(created_by=team_member))
        with django_assert_num_queries(MY_ENTRIES_QUERIES):
            assert client.get(reverse("evaluations:mine")).status_code == 200


def test_the_results_query_count_is_constant(client, make_campaign, django_assert_num_queries):
    campaign = make_campaign(CampaignPhase.RESULTS)
    for count in (1, 5):
        for _ in range(count if count == 1 else 4):
            AwardFactory(entry__campaign=campaign, rank=1)
        with django_assert_num_queries(RESULTS_QUERIES):
            assert client.get(reverse("evaluations:results", args=[campaign.slug])).status_code == 200


def test_the_list_shows_the_phase_the_dates_have_reached(client, make_campaign):
    campaign = make_campaign(CampaignPhase.CANDIDATURES)
    Campaign.objects.filter(pk=campaign.pk).update(peer_review_start=timezone.now() - timedelta(minutes=5))
    text = page_text(client.get(reverse("evaluations:list")))
    assert "Évaluation par les pairs" in text and "Candidatures ouvertes" not in text


def test_the_organiser_names_a_co_organiser_from_the_form(client_for, campaign, organiser, other_organiser):
    url = reverse("evaluations:edit", args=[campaign.slug])
    client_for(organiser).post(url, {"title": campaign.title, "summary": "", "description": "",
                                     "co_organisers": other_organiser.email})
    assert set(campaign.organisers.all()) == {organiser, other_organiser}
    form_page = page_text(client_for(other_organiser).get(url))
    assert organiser.email in form_page  # the other organiser sees who organises with them


VOTE_QUERIES = 9


def test_the_vote_page_offers_other_teams_entries_in_constant_queries(client_for, make_campaign, team_member,
                                                                      django_assert_num_queries):
    now = timezone.now()
    campaign = make_campaign(CampaignPhase.JURY, public_prize=True, public_vote_start=now - timedelta(days=1),
                             public_vote_end=now + timedelta(days=1))
    own = EntryFactory(campaign=campaign, innovation=team_member.innovation, status=EntryStatus.ELIGIBLE)
    client = client_for(team_member)
    url = reverse("evaluations:vote", args=[campaign.slug])
    for count in (1, 5):
        EntryFactory.create_batch(count if count == 1 else 4, campaign=campaign, status=EntryStatus.ELIGIBLE)
        with django_assert_num_queries(VOTE_QUERIES):
            html = page_text(client.get(url))
    assert f'value="{own.pk}"' not in html and "Votre équipe" in html
    assert html.count('name="entry"') == 5
