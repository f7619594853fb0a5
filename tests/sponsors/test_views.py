from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from essaimage.enums import Role, TerritoryLevel
from sponsors.enums import ProfileStatus, RequestStatus, SponsorshipStatus
from sponsors.models import SponsorProfile, Sponsorship, SponsorshipRequest
from sponsors.views import map_shapes
from tests.factories import UserFactory
from tests.factories.core import TerritoryFactory
from tests.factories.sponsors import SponsorProfileFactory, SponsorshipFactory, SponsorshipRequestFactory
from tests.text import page_text

# count, session, user, groups (menu), « may volunteer » (has a profile), bell, filter options (themes, régions,
# départements), page, its themes, its territories
DIRECTORY_QUERIES = 12
MAP_QUERIES = 2  # départements, covered territories of approved sponsors (+ the approved count)


def test_directory_lists_only_approved_sponsors(client, sponsor, themes):
    SponsorProfileFactory(status=ProfileStatus.SOUMIS, user=UserFactory(last_name="Caché"))
    text = page_text(client.get(reverse("sponsors:directory")))
    assert sponsor.user.last_name in text and "Caché" not in text
    assert "1 parrain ou marraine" in text


@pytest.mark.parametrize("params, expected", [
    ({"theme": "sante"}, {"sponsor"}),
    ({"theme": "mobilite"}, {"other_sponsor"}),
    ({"region": "32"}, {"sponsor"}),  # covers the Nord, a département of Hauts-de-France
    ({"departement": "29"}, {"other_sponsor"}),  # covers the whole Bretagne
    ({"departement": "80"}, set()),
    ({"disponible": "on"}, {"other_sponsor"}),  # the sponsor is full
])
def test_directory_filters(client, sponsor, other_sponsor, params, expected):
    sponsor.capacity = 1
    sponsor.save()
    SponsorshipFactory(sponsor=sponsor)
    names = {"sponsor": sponsor.pk, "other_sponsor": other_sponsor.pk}
    response = client.get(reverse("sponsors:directory"), params)
    assert {p.pk for p in response.context["profiles"]} == {names[key] for key in expected}


def test_directory_query_count_is_constant(client_for, agent, themes, places, django_assert_num_queries):
    client = client_for(agent)
    for count, listed in ((1, 1), (6, 7)):
        for _ in range(count):
            SponsorProfileFactory(themes=[themes["sante"], themes["emploi"]],
                                  territories=[places["nord"], places["bretagne"]])
        with django_assert_num_queries(DIRECTORY_QUERIES):
            response = client.get(reverse("sponsors:directory"))
        assert len(response.context["profiles"]) == listed


def test_directory_paginates(client, themes):
    SponsorProfileFactory.create_batch(21)
    response = client.get(reverse("sponsors:directory"), {"page": 2})
    assert len(response.context["profiles"]) == 1
    assert "Page précédente" in page_text(response)


def test_map_counts_sponsors_per_departement(client, sponsor, other_sponsor, places, django_assert_num_queries):
    finistere = places["finistere"]
    TerritoryFactory(level=TerritoryLevel.DEPARTEMENT, code="22", name="Côtes-d’Armor", parent=places["bretagne"])
    with django_assert_num_queries(MAP_QUERIES + 1):
        response = client.get(reverse("sponsors:map"))
    rows = {row["code"]: row for row in response.context["departements"]}
    assert rows["59"]["count"] == 1 and rows["29"]["count"] == 1 and rows["22"]["count"] == 1
    assert rows["80"]["count"] == 0
    text = page_text(response)
    assert "Finistère (29) : 1 parrain ou marraine" in text
    assert f'href="/parrains/?departement={finistere.code}"' in text
    assert "<svg" in text and "<title" in text and "Tableau des départements" in text
    assert "http" not in response.context["departements"][0]["path"]


def test_map_data_covers_every_departement():
    shapes = map_shapes()
    metropolitan = {f"{n:02d}" for n in range(1, 96) if n != 20} | {"2A", "2B"}
    assert set(shapes["departements"]) == metropolitan
    assert set(shapes["overseas"]) == {"971", "972", "973", "974", "976"}
    assert "CC BY 4.0" in shapes["attribution"]


def test_volunteer_form_creates_then_submits(client_for, agent, moderator, themes, places):
    client = client_for(agent)
    data = {"presentation": "J’ai porté un tiers-lieu.", "themes": [themes["sante"].pk],
            "departements": [places["nord"].pk], "capacity": 2, "contact_ways": "", "submit": "1"}
    bad = client.post(reverse("sponsors:volunteer"), {**data, "themes": []})
    assert bad.status_code == 200
    text = page_text(bad)
    assert "Choisissez au moins un thème." in text and "J’ai porté un tiers-lieu." in text
    response = client.post(reverse("sponsors:volunteer"), data)
    profile = SponsorProfile.objects.get(user=agent)
    assert response.status_code == 302 and profile.state == ProfileStatus.SOUMIS
    assert list(profile.territories.all()) == [places["nord"]]


def test_volunteer_needs_a_territory_and_ordered_dates(client_for, agent, themes):
    data = {"presentation": "x", "themes": [themes["sante"].pk], "capacity": 11,
            "available_from": "2026-05-01", "available_until": "2026-04-01"}
    text = page_text(client_for(agent).post(reverse("sponsors:volunteer"), data))
    assert "Choisissez au moins une région ou un département." in text
    assert "La fin de disponibilité doit suivre son début." in text
    assert "Dix innovations au plus." in text
    assert not SponsorProfile.objects.exists()


def test_request_accept_checkin_end_through_the_pages(client_for, innovation, sponsor, team_member):
    team, sponsor_client = client_for(team_member), client_for(sponsor.user)
    response = team.post(reverse("sponsors:request_create", args=[innovation.slug, sponsor.pk]),
                         {"message": "Aidez-nous à essaimer", "objectives": "Deux pilotes"})
    request = SponsorshipRequest.objects.get()
    assert response.url == reverse("sponsors:request", args=[request.pk])
    page = page_text(sponsor_client.get(response.url))
    assert "Aidez-nous à essaimer" in page and "Accepter et commencer le parrainage" in page
    bad = sponsor_client.post(response.url, {"action": "accept", "objectives": ""})
    assert "Écrivez les objectifs convenus avec l’équipe." in page_text(bad)
    accepted = sponsor_client.post(response.url, {"action": "accept", "objectives": "Deux pilotes en 2026"})
    sponsorship = Sponsorship.objects.get()
    assert accepted.url == sponsorship.get_absolute_url()
    checkin = team.post(sponsorship.get_absolute_url(), {"date": timezone.localdate().isoformat(),
                                                         "notes": "Visite faite", "next_step": "Convention"})
    assert checkin.status_code == 302
    assert "Visite faite" in page_text(sponsor_client.get(sponsorship.get_absolute_url()))
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    refused = team.post(sponsorship.get_absolute_url(), {"date": future, "notes": "Plus tard"})
    assert "Un point d’étape ne peut pas être daté dans le futur." in page_text(refused)
    ended = sponsor_client.post(reverse("sponsors:sponsorship_end", args=[sponsorship.pk]),
                                {"outcome": "subvention", "notes": "Subvention obtenue"})
    assert ended.status_code == 302
    sponsorship.refresh_from_db()
    assert sponsorship.state == SponsorshipStatus.TERMINE
    assert "Ajouter un point d’étape" not in page_text(team.get(sponsorship.get_absolute_url()))


def test_decline_keeps_the_typed_text_when_empty(client_for, innovation, sponsor):
    request = SponsorshipRequestFactory(innovation=innovation, sponsor=sponsor)
    response = client_for(sponsor.user).post(request.get_absolute_url(), {"action": "decline", "message": ""})
    assert "Expliquez à l’équipe pourquoi vous déclinez." in page_text(response)
    response = client_for(sponsor.user).post(request.get_absolute_url(), {"action": "decline", "message": "Non"})
    request.refresh_from_db()
    assert request.state == RequestStatus.DECLINEE


XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_user_text_is_escaped(client_for, innovation, team_member, themes, places):
    owner = UserFactory(first_name=XSS, roles=[Role.AGENT, Role.PARRAIN])
    sponsor = SponsorProfileFactory(user=owner, presentation=XSS, contact_ways=XSS, themes=[themes["sante"]],
                                    territories=[places["nord"]])
    request = SponsorshipRequestFactory(innovation=innovation, sponsor=sponsor, message=XSS, objectives=XSS)
    sponsorship = SponsorshipFactory(innovation=innovation, sponsor=sponsor, objectives=XSS)
    from tests.factories.sponsors import CheckInFactory

    CheckInFactory(sponsorship=sponsorship, notes=XSS, next_step=XSS)
    SponsorProfileFactory(user=UserFactory(last_name=XSS), themes=[themes["sante"]],
                          territories=[places["nord"]])  # suggested on the innovation page
    team = client_for(team_member)
    for url in (reverse("sponsors:directory"), sponsor.get_absolute_url(), request.get_absolute_url(),
                sponsorship.get_absolute_url(), innovation.get_absolute_url(), reverse("dashboard")):
        html = team.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;" in html, url


def test_dashboard_shows_sponsorships_and_requests_to_answer(client_for, sponsorship, sponsor, team_member,
                                                             innovation):
    SponsorshipRequestFactory(sponsor=sponsor)
    sponsor_page = page_text(client_for(sponsor.user).get(reverse("dashboard")))
    assert "Demandes de parrainage à traiter" in sponsor_page
    assert "Les innovations que vous parrainez" in sponsor_page
    team_page = page_text(client_for(team_member).get(reverse("dashboard")))
    assert "Les parrainages de vos innovations" in team_page and innovation.title in team_page


def test_menu_home_and_sitemap(client, sponsor):
    home = page_text(client.get(reverse("home")))
    assert ">Parrains<" in home
    assert '<span class="essaimage-figure__value">1</span> parrain ou marraine' in home
    assert "sitemap-sponsorprofiles.xml" in client.get("/sitemap.xml").content.decode()
    assert reverse("sponsors:profile", args=[sponsor.pk]) in client.get("/sitemap-sponsorprofiles.xml").content.decode()
