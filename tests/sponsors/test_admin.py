import pytest
from django.urls import reverse

from essaimage.enums import Role
from tests.factories import UserFactory
from tests.factories.sponsors import SponsorshipFactory, SponsorshipRequestFactory


@pytest.mark.parametrize("name", ["sponsorprofile", "sponsorshiprequest", "sponsorship"])
def test_admin_lists_are_read_only(db, client_for, name):
    staff = UserFactory(roles=[Role.AGENT, Role.ADMINISTRATEUR], is_staff=True, is_superuser=True)
    SponsorshipFactory()
    SponsorshipRequestFactory()
    client = client_for(staff)
    changelist = client.get(reverse(f"admin:sponsors_{name}_changelist"))
    assert changelist.status_code == 200
    assert client.get(reverse(f"admin:sponsors_{name}_add")).status_code == 403
