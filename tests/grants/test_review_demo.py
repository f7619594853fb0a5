"""`load_demo_data` adds part 2's demo (grants/review_demo.py): reviews, decisions, a convention
signed, a followed grant with a released tranche; once."""

import io

import pytest
from django.core.management import call_command

from essaimage.enums import Role
from essaimage.models import User
from grants.enums import GrantStatus
from grants.models import ConflictRecord, Decision, Grant, ReviewAssignment, ReviewSheet, TrancheRelease
from reviewing.enums import ConflictAnswer, SheetStatus

pytestmark = pytest.mark.django_db


def test_the_review_demo_loads_once(settings):
    settings.DEMO_DATA_ALLOWED = True
    call_command("load_reference_data", verbosity=0)
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    assert "evaluatrice@demo.essaimage.fr" in out.getvalue()
    assert User.objects.get(email="evaluatrice@demo.essaimage.fr").has_role(Role.EVALUATEUR)
    assert ReviewSheet.objects.filter(status=SheetStatus.SUBMITTED).exists()
    assert ReviewSheet.objects.filter(status=SheetStatus.DRAFT).exists()
    assert ReviewAssignment.objects.filter(conflict=ConflictAnswer.PENDING).exists()
    assert ConflictRecord.objects.exists()
    assert Decision.objects.count() == 4  # two accepted, one refused, one classé sans suite
    assert Grant.objects.filter(convention_required=True, convention_signed_at__isnull=False,
                                status=GrantStatus.ACTIVE).exists()
    assert TrancheRelease.objects.count() == 1
    counts = (ReviewAssignment.objects.count(), Decision.objects.count(), TrancheRelease.objects.count())
    call_command("load_demo_data", stdout=io.StringIO())
    assert (ReviewAssignment.objects.count(), Decision.objects.count(), TrancheRelease.objects.count()) == counts
