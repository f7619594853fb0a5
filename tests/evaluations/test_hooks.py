"""What prize campaigns add to the shared pages: the winners' badge on the innovation page, the
catalogue's « Primée » filter and badge, « Mon espace »."""

import pytest
from django.urls import reverse

from evaluations.enums import CampaignPhase, EntryStatus
from tests.factories.evaluations import AwardFactory, CampaignFactory, EntryFactory
from tests.factories.innovations import InnovationFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


def test_a_winner_carries_its_badge_once_the_results_are_published(client):
    award = AwardFactory(entry__campaign=CampaignFactory(at=CampaignPhase.DELIBERATION, title="Prix Essaimer 2026"))
    innovation = award.entry.innovation
    assert "Primée" not in page_text(client.get(innovation.get_absolute_url()))
    award.entry.campaign.__class__.objects.filter(pk=award.entry.campaign_id).update(phase=CampaignPhase.RESULTS)
    text = page_text(client.get(innovation.get_absolute_url()))
    assert "Primée — Prix Essaimer 2026<" in text and "Premier prix, Services aux usagers" in text
    assert reverse("evaluations:results", args=[award.entry.campaign.slug]) in client.get(
        innovation.get_absolute_url()).content.decode()


def test_the_catalogue_filters_and_marks_the_winners(client):
    winner = AwardFactory(entry__campaign=CampaignFactory(at=CampaignPhase.RESULTS)).entry.innovation
    not_published = AwardFactory(entry__campaign=CampaignFactory(at=CampaignPhase.DELIBERATION)).entry.innovation
    InnovationFactory()
    text = page_text(client.get(reverse("innovations:list")))
    assert "Distinction" in text and "Primée à un prix (1)" in text
    response = client.get(reverse("innovations:list"), {"primee": "oui"})
    assert [i.pk for i in response.context["page"].object_list] == [winner.pk]
    assert not_published.pk not in [i.pk for i in response.context["page"].object_list]
    assert response.context["page"].object_list[0].flag_labels == ["Primée à un prix"]
    assert [tag["label"] for tag in response.context["removable"]] == ["Primée à un prix"]


def test_my_space_lists_my_entries_and_the_campaigns_i_organise(client_for, organiser, team_member):
    campaign = CampaignFactory(at=CampaignPhase.CANDIDATURES, created_by=organiser, title="Prix des communes")
    EntryFactory(campaign=campaign, innovation=team_member.innovation, status=EntryStatus.SUBMITTED)
    team_page = page_text(client_for(team_member).get(reverse("dashboard")))
    assert "Vos candidatures" in team_page and "Le guichet mobile</a> — Prix des communes" in team_page
    organiser_page = page_text(client_for(organiser).get(reverse("dashboard")))
    assert "Les campagnes que vous organisez" in organiser_page and "Créer une campagne de prix" in organiser_page


def test_the_primee_filter_is_one_checkbox(client):
    AwardFactory(entry__campaign=CampaignFactory(at=CampaignPhase.RESULTS))
    html = page_text(client.get(reverse("innovations:list")))
    fieldset = html[html.index('id="facet-primee"'):]
    fieldset = fieldset[:fieldset.index("</fieldset>")]
    assert fieldset.count('type="checkbox"') == 1 and "Toutes" not in fieldset


def test_results_published_show_at_once_on_the_cached_anonymous_page(client, real_cache,
                                                                     django_capture_on_commit_callbacks):
    from django.utils import timezone

    from evaluations import services
    from evaluations.enums import PhaseAction

    award = AwardFactory(entry__campaign=CampaignFactory(at=CampaignPhase.DELIBERATION, title="Prix Essaimer 2026"))
    url = award.entry.innovation.get_absolute_url()
    assert "Primée" not in page_text(client.get(url))
    assert "Primée" not in page_text(client.get(url))  # the page and the set of winners are now kept
    campaign = award.entry.campaign
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_transition(campaign=campaign, action=PhaseAction.PUBLISH_RESULTS, by=None,
                                  now=max(timezone.now(), campaign.results_start))
    assert "Primée — Prix Essaimer 2026<" in page_text(client.get(url))
