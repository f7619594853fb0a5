"""essaimage.permissions: the one « fetch, check, 404 » helper of the views, and the one refusal
of the services."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from essaimage.permissions import get_object_for, require_perm
from innovations.enums import Status
from innovations.models import Innovation
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory

pytestmark = pytest.mark.django_db


def test_get_object_for_returns_the_object_when_permitted(agent):
    innovation = InnovationFactory(created_by=agent, status=Status.DRAFT)
    assert get_object_for(agent, "innovations.change_innovation", Innovation, slug=innovation.slug) == innovation


def test_get_object_for_answers_404_for_a_missing_object(agent):
    with pytest.raises(Http404):
        get_object_for(agent, "innovations.view_innovation", Innovation.objects.all(), slug="nulle-part")


def test_get_object_for_answers_404_for_an_object_one_may_not_see(agent, other_agent):
    secret = InnovationFactory(created_by=other_agent, status=Status.DRAFT)
    with pytest.raises(Http404):
        get_object_for(agent, "innovations.view_innovation", Innovation, slug=secret.slug)


def test_get_object_for_answers_404_for_an_object_one_may_see_but_not_act_on(agent, other_agent):
    published = InnovationFactory(created_by=other_agent, status=Status.PUBLISHED)
    assert get_object_for(agent, "innovations.view_innovation", Innovation, slug=published.slug) == published
    with pytest.raises(Http404):
        get_object_for(agent, "innovations.change_innovation", Innovation, slug=published.slug)


def test_get_object_for_answers_404_for_a_malformed_lookup(agent):
    with pytest.raises(Http404):
        get_object_for(agent, "innovations.view_innovation", Innovation, pk="pas-un-nombre")


def test_require_perm_refuses_with_permission_denied(agent, other_agent):
    innovation = InnovationFactory(created_by=other_agent, status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        require_perm(agent, "innovations.change_innovation", innovation)
    require_perm(other_agent, "innovations.change_innovation", innovation)


def test_the_superuser_holds_admin_model_permissions_but_no_site_action():
    superuser = UserFactory(is_staff=True, is_superuser=True)
    assert superuser.has_perm("innovations.change_innovation")  # the admin site
    assert not superuser.has_perm("innovations.moderate_innovation")  # the moderation queue
    assert not superuser.has_perm("innovations.change_innovation", InnovationFactory(status=Status.DRAFT))


def test_views_use_the_one_helper_and_no_role_check_by_hand():
    """Views fetch through get_object_for (no get_object_or_404 nor has_role in views)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for path in [root / "innovations/views.py", root / "contact/views.py", root / "essaimage/views.py"]:
        text = path.read_text()
        assert "get_object_or_404" not in text, path
        assert "has_role(" not in text, path


def test_services_ask_has_perm_and_check_no_role_nor_membership_by_hand():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for path in [root / "innovations/services.py", root / "contact/services.py"]:
        text = path.read_text()
        assert "has_role(" not in text, path
        assert "user=by).exists()" not in text and "declared_by_id != by.pk" not in text, path
