import pytest

from essaimage.enums import Role
from evaluations import demo
from evaluations.enums import AwardKind, CampaignPhase, EntryStatus
from evaluations.models import Award, Campaign
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_campaign_in_each_phase_with_entries_and_prizes():
    agent = UserFactory(email="agent@demo.essaimage.fr", roles=[Role.AGENT])
    InnovationFactory.create_batch(6)
    InnovationFactory.create_batch(4, created_by=agent)
    accounts = demo.load()
    assert accounts == [("organisateur@demo.essaimage.fr", "Agent, organisateur"),
                        ("jure@demo.essaimage.fr", "Agent, juré")]
    assert sorted(Campaign.objects.values_list("phase", flat=True)) == sorted(CampaignPhase.values)
    results = Campaign.objects.get(phase=CampaignPhase.RESULTS)
    assert results.results_published_at is not None
    assert Award.objects.filter(category__campaign=results, kind=AwardKind.JURY).count() == 2
    assert results.entries.filter(status=EntryStatus.INELIGIBLE).exclude(ruling_reason="").exists()
    open_one = Campaign.objects.get(phase=CampaignPhase.CANDIDATURES)
    assert agent.innovation_memberships.exclude(innovation__campaign_entries__campaign=open_one).exists()
    demo.load()  # idempotent
    assert Campaign.objects.count() == len(CampaignPhase)
