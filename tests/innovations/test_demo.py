"""`load_demo_data` builds the demo catalogue through the services, once."""

import pytest
from django.core.management import call_command

from essaimage.models import User
from innovations.enums import Status
from innovations.models import Innovation
from notifications.models import Follow, Notice

pytestmark = pytest.mark.django_db


def test_the_demo_agent_follows_innovations_and_has_notices_once(settings):
    settings.DEMO_DATA_ALLOWED = True
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo_data", stdout=None)
    agent = User.objects.get(email="agent@demo.essaimage.fr")
    followed = Innovation.objects.filter(pk__in=Follow.objects.filter(user=agent).values("object_id"))
    assert followed.count() == 3 and set(followed.values_list("status", flat=True)) == {Status.PUBLISHED}
    titles = list(Notice.objects.filter(recipient=agent).values_list("title", flat=True))
    assert len(titles) == 2 and any("Nouvelle version" in title for title in titles)
    call_command("load_demo_data")
    assert Follow.objects.filter(user=agent).count() == 3 and Notice.objects.filter(recipient=agent).count() == 2
