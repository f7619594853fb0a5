"""Every URL of the sponsors for every role: someone else's request or sponsorship answers 404,
like a missing one; the private check-in notes are read only by the team and the sponsor."""

import pytest
from django.urls import reverse

from sponsors.enums import ProfileStatus
from tests.factories.sponsors import CheckInFactory, SponsorProfileFactory, SponsorshipRequestFactory
from tests.text import page_text

ROLES = ["anonymous", "agent", "team", "sponsor", "other_sponsor", "moderator"]
LOGIN = 302  # anonymous visitors are sent to the log-in page

# url key -> expected status per role (same order as ROLES)
MATRIX = {
    "directory": [200, 200, 200, 200, 200, 200],
    "map": [200, 200, 200, 200, 200, 200],
    "ranking": [200, 200, 200, 200, 200, 200],
    "public_profile": [200, 200, 200, 200, 200, 200],
    "submitted_profile": [404, 404, 404, 404, 404, 200],  # its owner is another agent
    "own_draft_profile": [404, 404, 404, 200, 404, 200],  # the sponsor's own (seen as « sponsor »)
    "volunteer": [LOGIN, 200, 200, 200, 200, 200],
    "moderation": [LOGIN, 404, 404, 404, 404, 200],
    "request_create": [LOGIN, 404, 200, 404, 404, 404],
    "request": [LOGIN, 404, 200, 200, 404, 404],
    "sponsorship": [LOGIN, 404, 200, 200, 404, 404],
    "sponsorship_end": [LOGIN, 404, 200, 200, 404, 404],
    "missing_request": [LOGIN, 404, 404, 404, 404, 404],
    "missing_sponsorship": [LOGIN, 404, 404, 404, 404, 404],
}


@pytest.fixture
def world(innovation, sponsor, other_sponsor, team_member, agent, moderator, sponsorship):
    draft_owner = SponsorProfileFactory(status=ProfileStatus.SOUMIS)
    request = SponsorshipRequestFactory(innovation=innovation, sponsor=sponsor)
    CheckInFactory(sponsorship=sponsorship, notes="Note confidentielle du point")
    users = {"anonymous": None, "agent": agent, "team": team_member, "sponsor": sponsor.user,
             "other_sponsor": other_sponsor.user, "moderator": moderator}
    urls = {
        "directory": reverse("sponsors:directory"),
        "map": reverse("sponsors:map"),
        "ranking": reverse("sponsors:ranking"),
        "public_profile": reverse("sponsors:profile", args=[other_sponsor.pk]),
        "submitted_profile": reverse("sponsors:profile", args=[draft_owner.pk]),
        "volunteer": reverse("sponsors:volunteer"),
        "moderation": reverse("sponsors:moderation"),
        "request_create": reverse("sponsors:request_create", args=[innovation.slug, other_sponsor.pk]),
        "request": reverse("sponsors:request", args=[request.pk]),
        "sponsorship": reverse("sponsors:sponsorship", args=[sponsorship.pk]),
        "sponsorship_end": reverse("sponsors:sponsorship_end", args=[sponsorship.pk]),
        "missing_request": reverse("sponsors:request", args=[999999]),
        "missing_sponsorship": reverse("sponsors:sponsorship", args=[999999]),
    }
    return users, urls, sponsor


@pytest.mark.parametrize("key", list(MATRIX))
def test_matrix(client_for, world, key):
    users, urls, sponsor = world
    if key == "own_draft_profile":
        type(sponsor).objects.filter(pk=sponsor.pk).update(status=ProfileStatus.BROUILLON)
        urls[key] = reverse("sponsors:profile", args=[sponsor.pk])
    got = [client_for(users[role]).get(urls[key]).status_code for role in ROLES]
    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, MATRIX[key], strict=True))


def test_private_notes_only_for_team_and_sponsor(client_for, world):
    users, urls, _sponsor = world
    for role in ROLES:
        response = client_for(users[role]).get(urls["sponsorship"])
        shown = response.status_code == 200 and "Note confidentielle du point" in page_text(response)
        assert shown == (role in ("team", "sponsor")), role


def test_posts_by_outsiders_answer_404(client_for, world, innovation):
    users, urls, sponsor = world
    for role in ("agent", "other_sponsor", "moderator"):
        client = client_for(users[role])
        assert client.post(urls["request"], {"action": "accept", "objectives": "x"}).status_code == 404
        assert client.post(urls["sponsorship"], {"date": "2026-01-05", "notes": "intrus"}).status_code == 404
        assert client.post(urls["sponsorship_end"], {"outcome": "arrete"}).status_code == 404
    assert not sponsor.sponsorships.get().checkins.filter(notes="intrus").exists()


def test_profile_actions_are_guarded(client_for, world, moderator):
    users, _urls, _sponsor = world
    submitted = SponsorProfileFactory(status=ProfileStatus.SOUMIS)
    url = reverse("sponsors:profile_action", args=[submitted.pk, "approve"])
    for role in ("agent", "team", "sponsor"):
        assert client_for(users[role]).post(url).status_code == 404
    own_url = reverse("sponsors:profile_action", args=[submitted.pk, "approve"])
    assert client_for(submitted.user).post(own_url).status_code == 404  # its owner does not approve
    assert client_for(moderator).post(url).status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == ProfileStatus.APPROUVE
    assert client_for(moderator).post(reverse("sponsors:profile_action", args=[submitted.pk, "bogus"])).status_code \
        == 404
