"""`load_demo_data` builds the grants demo through the services: every status, once."""

import io

import pytest
from django.core.management import call_command

from essaimage.enums import Role
from essaimage.models import User
from grants import demo
from grants.enums import ApplicationStatus
from grants.models import Annotation, Application, InfoRequest, Message

pytestmark = pytest.mark.django_db


def test_the_demo_has_every_status_and_loads_once(settings):
    settings.DEMO_DATA_ALLOWED = True
    call_command("load_reference_data", verbosity=0)
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    assert "instructeur@demo.essaimage.fr" in out.getvalue() and "evaluateur@demo.essaimage.fr" in out.getvalue()
    assert User.objects.get(email="instructeur@demo.essaimage.fr").has_role(Role.INSTRUCTEUR)
    assert User.objects.get(email="evaluateur@demo.essaimage.fr").has_role(Role.EVALUATEUR)
    assert set(Application.objects.values_list("status", flat=True)) == set(ApplicationStatus.values)
    calls = demo.demo_calls()
    assert [calls[slug].phase.value for slug in (demo.OPEN_CALL, demo.REVIEW_CALL, demo.PAST_CALL)] == [
        "ouvert", "clos", "clos"]
    assert {a.status for a in demo.decided_applications()} == {"accepted", "refused", "dismissed"}
    assert Message.objects.exists() and InfoRequest.objects.filter(answered_at__isnull=True).exists()
    assert Annotation.objects.exists()
    agent = User.objects.get(email="agent@demo.essaimage.fr")
    assert Application.objects.filter(innovation__members__user=agent, status=ApplicationStatus.DRAFT).exists()
    count = Application.objects.count()
    call_command("load_demo_data", stdout=io.StringIO())
    assert Application.objects.count() == count
