"""Who sees and does what, for each role against each state. Anything not visible answers 404."""

import pytest
from django.urls import reverse

from essaimage.enums import Role
from innovations.enums import Status
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db

# The superuser (the admin site's account) gets no shortcut on the site: an agent like any other.
ROLES = ["anonymous", "agent", "team", "coauthor", "moderator", "superuser"]
STATES = [Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.PUBLISHED, Status.ARCHIVED]


@pytest.fixture
def cast(db):
    owner = UserFactory()
    return {
        "anonymous": None,
        "agent": UserFactory(),
        "team": owner,
        "coauthor": UserFactory(),
        "moderator": UserFactory(roles=[Role.AGENT, Role.MODERATEUR]),
        "superuser": UserFactory(roles=[Role.AGENT, Role.ADMINISTRATEUR], is_staff=True, is_superuser=True),
    }


def make(cast, status):
    return InnovationFactory(status=status, created_by=cast["team"], team=[cast["coauthor"]],
                             title=f"Secret {status} <b>gras</b>")


def expected_view(role, status):
    return status == Status.PUBLISHED or role in ("team", "coauthor", "moderator")


def expected_edit(role, status):
    return role in ("team", "coauthor") and status != Status.ARCHIVED


@pytest.mark.parametrize("status", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_detail_page(client_for, cast, role, status):
    innovation = make(cast, status)
    response = client_for(cast[role]).get(innovation.get_absolute_url())
    assert response.status_code == (200 if expected_view(role, status) else 404)
    if response.status_code == 404:
        assert "Secret" not in response.content.decode()


@pytest.mark.parametrize("status", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_edit_page(client_for, cast, role, status):
    innovation = make(cast, status)
    response = client_for(cast[role]).get(reverse("innovations:update", args=[innovation.slug]))
    if role == "anonymous":
        assert response.status_code == 302 and reverse("login") in response["Location"]
    else:
        assert response.status_code == (200 if expected_edit(role, status) else 404)


@pytest.mark.parametrize("status", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_edit_post_is_refused_to_non_team(client_for, cast, role, status):
    innovation = make(cast, status)
    response = client_for(cast[role]).post(reverse("innovations:update", args=[innovation.slug]), {"title": "Piraté"})
    innovation.refresh_from_db()
    if not expected_edit(role, status):
        assert response.status_code in (302, 404) and innovation.title != "Piraté"


@pytest.mark.parametrize("role", ROLES)
def test_moderation_is_for_moderators_only(client_for, cast, role):
    innovation = make(cast, Status.SUBMITTED)
    response = client_for(cast[role]).post(reverse("innovations:moderate", args=[innovation.slug]),
                                           {"action": "publish"})
    innovation.refresh_from_db()
    assert (innovation.status == Status.PUBLISHED) == (role == "moderator")
    if role in ("agent", "superuser"):
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_moderation_queue_is_for_moderators_only(client_for, cast, role):
    make(cast, Status.SUBMITTED)
    response = client_for(cast[role]).get(reverse("innovations:moderation"))
    expected = {"anonymous": 302, "moderator": 200}.get(role, 404)
    assert response.status_code == expected


@pytest.mark.parametrize("status", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_replication_form(client_for, cast, role, status):
    innovation = make(cast, status)
    response = client_for(cast[role]).get(reverse("innovations:replicate", args=[innovation.slug]))
    if role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if status == Status.PUBLISHED else 404)


@pytest.mark.parametrize("role", ROLES + ["author"])
def test_replication_is_edited_by_its_author_only(client_for, cast, role):
    author = UserFactory()
    replication = ReplicationFactory(innovation=make(cast, Status.PUBLISHED), declared_by=author)
    user = author if role == "author" else cast[role]
    url = reverse("innovations:replication_update", args=[replication.pk])
    response = client_for(user).post(url, {"scaling_mode": "filiale", "status": "realise", "adaptations": "x"})
    replication.refresh_from_db()
    assert (replication.status == "realise") == (role == "author")
    if role not in ("anonymous", "author"):
        assert response.status_code == 404


@pytest.mark.parametrize("status", STATES)
def test_attachments_of_hidden_innovations_are_404(client_for, cast, status):
    from django.core.files.base import ContentFile

    from innovations.models import Attachment

    innovation = make(cast, status)
    attachment = Attachment.objects.create(innovation=innovation, file=ContentFile(b"%PDF-1.4", name="a.pdf"),
                                           original_name="a.pdf", content_type="application/pdf", size=8)
    url = reverse("innovations:attachment", args=[innovation.slug, attachment.pk])
    assert client_for(cast["agent"]).get(url).status_code == (200 if status == Status.PUBLISHED else 404)
    assert client_for(cast["team"]).get(url).status_code == 200


def test_catalogue_lists_published_only_for_everyone(client_for, cast):
    for status in STATES:
        make(cast, status)
    for role in ROLES:
        html = client_for(cast[role]).get(reverse("innovations:list")).content.decode()
        assert "Secret published" in html
        for status in set(STATES) - {Status.PUBLISHED}:
            assert f"Secret {status}" not in html


@pytest.mark.parametrize("status", STATES)
def test_superuser_sees_no_history_nor_versions_of_others_sheets(client_for, cast, status):
    from innovations.models import Revision

    innovation = make(cast, status)
    revision = Revision.objects.create(innovation=innovation, author=cast["team"], status=status, data={})
    client = client_for(cast["superuser"])
    detail = client.get(innovation.get_absolute_url())
    assert detail.status_code == (200 if status == Status.PUBLISHED else 404)
    if detail.status_code == 200:
        assert "history" not in detail.context and "revisions" not in detail.context
        assert reverse("innovations:update", args=[innovation.slug]) not in detail.content.decode()
    assert client.get(reverse("innovations:revision", args=[innovation.slug, revision.pk])).status_code == 404


def test_superuser_keeps_the_admin_site(client_for, cast):
    innovation = make(cast, Status.PUBLISHED)
    client = client_for(cast["superuser"])
    assert client.get(reverse("admin:innovations_innovation_changelist")).status_code == 200
    response = client.get(reverse("admin:innovations_innovation_change", args=[innovation.pk]))
    assert response.status_code == 200 and 'name="_save"' in response.content.decode()


def test_a_replication_of_an_archived_innovation_is_no_longer_editable(client_for, other_agent):
    replication = ReplicationFactory(declared_by=other_agent, innovation=InnovationFactory(status=Status.ARCHIVED))
    url = reverse("innovations:replication_update", args=[replication.pk])
    assert client_for(other_agent).get(url).status_code == 404
    # Nor offered: the dashboard shows no edit link for it, only for the one still editable.
    editable = ReplicationFactory(declared_by=other_agent)
    page = client_for(other_agent).get(reverse("innovations:mine")).content.decode()
    assert url not in page
    assert reverse("innovations:replication_update", args=[editable.pk]) in page
