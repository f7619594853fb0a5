"""« Mon espace »: what needs the user now, their innovations and declarations, bounded queries."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from essaimage.enums import Role
from innovations import services
from innovations.enums import Status
from innovations.models import Replication
from tests.factories import UserFactory
from tests.factories.core import PASSWORD
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db


def page(client_for, user):
    response = client_for(user).get(reverse("dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def request_changes(innovation, moderator, message):
    innovation.status = Status.SUBMITTED
    innovation.save(update_fields=["status"])
    services.innovation_transition(innovation=innovation, action="request_changes", by=moderator, message=message)


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response["Location"] == f"{reverse('login')}?next={reverse('dashboard')}"


def test_everyone_lands_on_the_dashboard_after_logging_in(client, agent):
    response = client.post(reverse("login"), {"username": agent.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    assert 'href="/mon-espace/"' in client.get(reverse("home")).content.decode()  # header and menu entry


def test_a_sheet_to_correct_shows_the_newest_moderator_message(client_for, agent, moderator):
    innovation = InnovationFactory(created_by=agent, status=Status.DRAFT)
    request_changes(innovation, moderator, "Ancienne remarque, déjà traitée.")
    request_changes(innovation, moderator, "Précisez le nombre de personnes accompagnées.")
    html = page(client_for, agent)
    assert "Fiche à corriger" in html and innovation.title in html
    assert "Précisez le nombre de personnes accompagnées." in html
    assert "Ancienne remarque" not in html
    assert reverse("innovations:update", args=[innovation.slug]) in html


def test_another_teams_sheet_to_correct_does_not_appear(client_for, agent, other_agent, moderator):
    theirs = InnovationFactory(created_by=other_agent, status=Status.DRAFT)
    request_changes(theirs, moderator, "Message destiné à une autre équipe.")
    html = page(client_for, agent)
    assert "Message destiné à une autre équipe." not in html and theirs.title not in html
    assert "Rien ne vous attend pour l’instant." in html


def test_a_moderator_sees_the_waiting_count_and_the_queue(client_for, agent, moderator):
    waiting = [InnovationFactory(status=Status.SUBMITTED, submitted_at=timezone.now()) for _ in range(3)]
    html = page(client_for, moderator)
    assert "3 fiches attendent une modération" in html and reverse("innovations:moderation") in html
    assert waiting[0].title in html
    agent_html = page(client_for, agent)
    assert "attendent une modération" not in agent_html and reverse("innovations:moderation") not in agent_html


def test_the_waiting_count_agrees_in_the_singular(client_for, moderator):
    InnovationFactory(status=Status.SUBMITTED)
    assert "1 fiche attend une modération" in page(client_for, moderator)


def test_recent_declarations_received_are_listed(client_for, agent):
    innovation = InnovationFactory(created_by=agent)
    recent = ReplicationFactory(innovation=innovation)
    old = ReplicationFactory(innovation=innovation)
    Replication.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=45))
    elsewhere = ReplicationFactory()
    html = page(client_for, agent)
    assert recent.organisation.name in html and old.organisation.name not in html
    assert elsewhere.organisation.name not in html
    assert reverse("contact:declarer", args=[recent.pk]) in html


def test_my_innovations_and_declarations_with_badges_and_links(client_for, agent):
    published = InnovationFactory(created_by=agent)
    draft = InnovationFactory(status=Status.DRAFT, team=[agent])
    declared = ReplicationFactory(declared_by=agent)
    someone_elses = InnovationFactory(status=Status.DRAFT)
    html = page(client_for, agent)
    assert published.title in html and draft.title in html and someone_elses.title not in html
    assert "fr-badge--success" in html and "Brouillon" in html
    assert reverse("innovations:update", args=[draft.slug]) in html
    assert declared.innovation.title in html
    assert reverse("innovations:replication_update", args=[declared.pk]) in html


def test_empty_states_say_what_to_do_next(client_for, agent):
    html = page(client_for, agent)
    assert "Vous n’avez pas encore partagé d’innovation" in html
    assert f'href="{reverse("innovations:create")}"' in html and "Partager une innovation" in html
    assert "Vous n’avez pas encore déclaré d’essaimage" in html and reverse("innovations:list") in html


def test_admin_links_only_for_staff(client_for, agent, administrator):
    superuser = UserFactory(is_staff=True, is_superuser=True, roles=[Role.AGENT, Role.ADMINISTRATEUR])
    html = page(client_for, superuser)
    assert reverse("admin:index") in html and reverse("admin:contact_contactmessage_changelist") in html
    for user in (agent, administrator):  # the administrator role alone gives no access to the admin site
        assert reverse("admin:index") not in page(client_for, user)


def build(agent, moderator, n):
    for _ in range(n):
        innovation = InnovationFactory(created_by=agent, status=Status.DRAFT)
        request_changes(innovation, moderator, "À préciser.")
        published = InnovationFactory(created_by=agent)
        ReplicationFactory(innovation=published)
        ReplicationFactory(declared_by=agent)
        InnovationFactory(status=Status.SUBMITTED)


# Queries of « Mon espace », the same with one item of each kind and with four.
# With the header bell (one query). Asking an agent has_perm("innovations.moderate_innovation")
# costs no permission query (essaimage.backends: model permissions are read for staff only).
# The sponsors add 4 (one's own profile, requests to answer, sponsorships, the team's open
# requests) and, for a moderator, the profiles to validate; the events 1 (upcoming registrations);
# grants 1 (the team's applications); the prizes 2 (the entries and organised campaigns, the
# evaluations waiting).
DASHBOARD_QUERIES = {"agent": 17, "moderator": 20}


@pytest.mark.parametrize("role", ["agent", "moderator"])
def test_query_count_does_not_grow_with_items(client_for, role, django_assert_num_queries):
    one_user = UserFactory(roles=[Role.AGENT, Role.MODERATEUR] if role == "moderator" else [Role.AGENT])
    many_user = UserFactory(roles=[Role.AGENT, Role.MODERATEUR] if role == "moderator" else [Role.AGENT])
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    for user, count in ((one_user, 1), (many_user, 4)):
        build(user, moderator, count)
        client = client_for(user)
        client.get(reverse("dashboard"))  # warm caches (session, content types)
        with django_assert_num_queries(DASHBOARD_QUERIES[role]):
            assert client.get(reverse("dashboard")).status_code == 200


def test_the_menu_marks_mon_espace_as_the_current_page(client_for, agent):
    html = page(client_for, agent)
    assert 'href="/mon-espace/" aria-current="page">Vue d’ensemble</a>' in html  # in the « Mon espace » drop-down
    assert re.search(r'class="fr-nav__btn"[^>]*aria-current="true"[^>]*>Mon espace</button>', html)
