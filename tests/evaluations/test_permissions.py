"""Every page of part 1 for each role and in each phase: what is not theirs answers 404 (a
visitor is sent to the log-in page by the pages that need an account)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from essaimage.enums import Role
from evaluations.enums import CampaignPhase, EntryStatus
from evaluations.models import Award, Category, Entry
from tests.factories import UserFactory
from tests.factories.evaluations import CampaignFactory, EntryFactory

pytestmark = pytest.mark.django_db

ROLES = ("organiser", "other_organiser", "agent", "team", "anonymous")
OK, MISSING, LOGIN = 200, 404, 302


def expected(name: str, role: str, phase: CampaignPhase) -> int:
    public = phase.is_public
    organiser = role == "organiser"
    signed_in = role != "anonymous"
    if name == "list":
        return OK
    if name == "campaign":
        return OK if public or organiser else MISSING
    if name == "results":
        return OK if phase.results_published or organiser else MISSING
    if not signed_in:
        return LOGIN
    if name == "mine":
        return OK
    if name == "create":
        return OK if role in ("organiser", "other_organiser") else MISSING
    if name == "vote":
        return MISSING  # no public prize in these campaigns
    if name == "enter":
        return OK if phase.accepts_entries else MISSING
    if name == "entry":
        return OK if role in ("organiser", "team") else MISSING
    if name == "extend":
        return OK if organiser and phase.is_dated else MISSING
    if name in ("manage", "edit", "entries", "awards", "categories", "criteria", "questions"):
        return OK if organiser else MISSING
    raise AssertionError(name)


def urls(campaign, entry) -> dict[str, str]:
    slug = campaign.slug
    return {
        "list": reverse("evaluations:list"), "campaign": reverse("evaluations:campaign", args=[slug]),
        "results": reverse("evaluations:results", args=[slug]), "vote": reverse("evaluations:vote", args=[slug]),
        "enter": reverse("evaluations:enter", args=[slug]), "mine": reverse("evaluations:mine"),
        "create": reverse("evaluations:create"), "entry": reverse("evaluations:entry", args=[entry.pk]),
        "manage": reverse("evaluations:manage", args=[slug]), "edit": reverse("evaluations:edit", args=[slug]),
        "extend": reverse("evaluations:extend", args=[slug]), "entries": reverse("evaluations:entries", args=[slug]),
        "awards": reverse("evaluations:awards", args=[slug]),
        "categories": reverse("evaluations:settings", args=[slug, "categories"]),
        "criteria": reverse("evaluations:settings", args=[slug, "criteres"]),
        "questions": reverse("evaluations:settings", args=[slug, "questions"]),
    }


@pytest.fixture
def people(organiser, other_organiser, team_member):
    return {"organiser": organiser, "other_organiser": other_organiser, "team": team_member,
            "agent": UserFactory(roles=[Role.AGENT]), "anonymous": None}


@pytest.mark.parametrize("phase", list(CampaignPhase))
def test_every_page_for_every_role_in_every_phase(phase, people, client_for, organiser, team_member):
    campaign = CampaignFactory(at=phase, created_by=organiser)
    entry = EntryFactory(campaign=campaign, innovation=team_member.innovation, status=EntryStatus.SUBMITTED)
    failures = []
    for role in ROLES:
        client = client_for(people[role])
        for name, url in urls(campaign, entry).items():
            status = client.get(url).status_code
            if status != expected(name, role, phase):
                failures.append(f"{role} {name} {url}: {status}, expected {expected(name, role, phase)}")
    assert failures == []


def test_unknown_objects_answer_404(client_for, organiser, campaign):
    client = client_for(organiser)
    for url in ["/prix/inconnue/", "/prix/inconnue/organisation/", "/prix/candidatures/999999/",
                f"/prix/{campaign.slug}/organisation/inconnu/",
                f"/prix/{campaign.slug}/organisation/categories/999999/"]:
        assert client.get(url).status_code == 404, url


def test_someone_elses_objects_through_a_campaign_of_mine_answer_404(client_for, organiser, make_campaign):
    mine = make_campaign(CampaignPhase.DRAFT)
    theirs = CampaignFactory(at=CampaignPhase.DRAFT)
    category = Category.objects.get(campaign=theirs)
    client = client_for(organiser)
    assert client.get(reverse("evaluations:settings_item", args=[mine.slug, "categories", category.pk])
                      ).status_code == 404
    assert client.post(reverse("evaluations:settings_delete", args=[mine.slug, "categories", category.pk])
                       ).status_code == 404
    assert Category.objects.filter(pk=category.pk).exists()


def test_forbidden_posts_answer_404_and_change_nothing(client_for, people, make_campaign, team_member):
    campaign = make_campaign(CampaignPhase.DELIBERATION)
    entry = EntryFactory(campaign=campaign, innovation=team_member.innovation, status=EntryStatus.ELIGIBLE)
    for role in ("other_organiser", "agent", "team"):
        client = client_for(people[role])
        posts = [
            (reverse("evaluations:phase_action", args=[campaign.slug]), {"action": "publish_results"}),
            (reverse("evaluations:entry_rule", args=[entry.pk]), {"decision": "reject", "reason": "Non"}),
            (reverse("evaluations:awards", args=[campaign.slug]), {"entry": entry.pk, f"e{entry.pk}-rank": 1}),
            (reverse("evaluations:settings", args=[campaign.slug, "categories"]), {"name": "X", "prizes_count": 1}),
        ]
        for url, data in posts:
            assert client.post(url, data).status_code == 404, (role, url)
    entry.refresh_from_db()
    assert entry.state == EntryStatus.ELIGIBLE and not Award.objects.exists()
    assert campaign.categories.count() == 1
    # The organiser may not withdraw the team's entry; another agent may not either.
    for role in ("organiser", "agent"):
        assert client_for(people[role]).post(reverse("evaluations:entry_withdraw", args=[entry.pk])).status_code == 404


def test_the_vote_page_is_open_to_signed_in_agents_during_the_vote_only(client_for, people, make_campaign):
    now = timezone.now()
    campaign = make_campaign(CampaignPhase.JURY, public_prize=True, public_vote_start=now - timedelta(days=2),
                             public_vote_end=now + timedelta(days=1))
    url = reverse("evaluations:vote", args=[campaign.slug])
    assert client_for(None).get(url).status_code == 302
    for role in ("organiser", "agent", "team"):
        assert client_for(people[role]).get(url).status_code == 200
    campaign.public_vote_end = now - timedelta(hours=1)
    campaign.save()
    assert client_for(people["agent"]).get(url).status_code == 404


def test_a_withdrawn_or_draft_entry_stays_the_teams_business(client_for, people, campaign, team_member):
    entry = EntryFactory(campaign=campaign, innovation=team_member.innovation, status=EntryStatus.DRAFT)
    assert client_for(people["agent"]).get(reverse("evaluations:entry", args=[entry.pk])).status_code == 404
    assert Entry.objects.count() == 1
