"""The notices page, opening a notice, « Tout marquer comme lu », follow/unfollow, preferences,
the header bell: permissions across people and query counts."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from innovations import notices as kinds
from innovations.enums import Status
from notifications import services
from notifications.enums import Frequency
from notifications.models import Follow, Notice, NoticePreference
from tests.factories.innovations import InnovationFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


def make_notices(user, innovation, count, url=None):
    return Notice.objects.bulk_create([
        Notice(recipient=user, kind=kinds.MODERATED, title=f"Décision numéro {n}", text="Texte.",
               url=url if url is not None else innovation.get_absolute_url(),
               content_type=ContentType.objects.get_for_model(innovation), object_id=innovation.pk)
        for n in range(count)])


@pytest.mark.parametrize("url", ["/notifications/", "/notifications/preferences/", "/notifications/1/"])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith("/compte/connexion/")


def test_the_list_shows_my_notices_newest_first_with_unread_marked_and_not_others(client_for, agent, other_agent,
                                                                                 innovation):
    make_notices(other_agent, innovation, 1)
    old, new = make_notices(agent, innovation, 2)
    Notice.objects.filter(pk=old.pk).update(read_at=old.created_at)
    response = client_for(agent).get("/notifications/")
    text = page_text(response)
    assert response.status_code == 200
    assert text.index("Décision numéro 1") < text.index("Décision numéro 0")
    assert text.count("Non lue") == 1
    assert f"/notifications/{new.pk}/" in text
    assert "Tout marquer comme lu" in text
    assert 'aria-label="Notifications, 1 non lue"' in text  # the bell
    # Someone else's notice is not listed (only two links to notices).
    assert text.count('href="/notifications/') - text.count('href="/notifications/preferences/') == 3


def test_empty_state_invites_to_follow(client_for, agent):
    text = page_text(client_for(agent).get("/notifications/"))
    assert "Vous n’avez aucune notification pour l’instant." in text
    assert "Tout marquer comme lu" not in text
    assert "Vous ne suivez rien pour l’instant." in text


def test_the_list_is_paginated(client_for, agent, innovation):
    make_notices(agent, innovation, 25)
    client = client_for(agent)
    assert page_text(client.get("/notifications/")).count("Non lue") == 20
    assert page_text(client.get("/notifications/?page=2")).count("Non lue") == 5


@pytest.mark.parametrize("count", [1, 5])
def test_the_list_runs_the_same_queries_for_one_or_many(client_for, agent, count, django_assert_num_queries):
    client = client_for(agent)
    for _ in range(count):
        innovation = InnovationFactory()
        make_notices(agent, innovation, 1)
        services.follow(user=agent, obj=innovation)
    client.get("/notifications/")  # content types cached
    # session, user, page count, unread count (bell, once), roles, page rows, follows, followed
    # innovations (content types are cached)
    with django_assert_num_queries(8):
        response = client.get("/notifications/")
    assert page_text(response).count(">Ne plus suivre<") == count


@pytest.mark.parametrize("count", [0, 1, 7])
def test_the_bell_costs_one_query_whatever_the_count(client_for, agent, innovation, count):
    make_notices(agent, innovation, count)
    client = client_for(agent)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/a-propos/")
    on_notices = [q["sql"] for q in queries.captured_queries if "notifications_notice" in q["sql"]]
    assert len(on_notices) == 1
    text = page_text(response)
    assert 'fr-icon-notification-3-line" href="/notifications/"' in text
    if count:
        assert f'aria-label="Notifications, {count} non lue{"s" if count > 1 else ""}"' in text
    else:
        assert "non lue" not in text


def test_anonymous_pages_have_no_bell_and_no_notice_query(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/a-propos/")
    assert not [q for q in queries.captured_queries if "notifications_notice" in q["sql"]]
    assert "fr-icon-notification-3-line" not in page_text(response)


def test_opening_a_notice_marks_it_read_and_leads_to_its_object(client_for, agent, innovation):
    notice, = make_notices(agent, innovation, 1)
    response = client_for(agent).get(f"/notifications/{notice.pk}/")
    assert response.status_code == 302 and response.url == innovation.get_absolute_url()
    assert Notice.objects.get().read_at is not None


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""])
def test_opening_a_notice_never_leaves_the_site(client_for, agent, innovation, url):
    notice, = make_notices(agent, innovation, 1, url=url)
    response = client_for(agent).get(f"/notifications/{notice.pk}/")
    assert response.status_code == 302 and response.url == "/notifications/"


def test_someone_elses_notice_is_404_and_stays_unread(client_for, agent, other_agent, innovation):
    notice, = make_notices(other_agent, innovation, 1)
    assert client_for(agent).get(f"/notifications/{notice.pk}/").status_code == 404
    assert Notice.objects.get().read_at is None


def test_mark_all_read_is_a_post_and_touches_only_my_notices(client_for, agent, other_agent, innovation):
    make_notices(agent, innovation, 3)
    make_notices(other_agent, innovation, 2)
    client = client_for(agent)
    assert client.get("/notifications/tout-lu/").status_code == 405
    response = client.post("/notifications/tout-lu/", follow=True)
    assert "Toutes vos notifications sont marquées comme lues." in page_text(response)
    assert not Notice.objects.filter(recipient=agent, read_at__isnull=True).exists()
    assert Notice.objects.filter(recipient=other_agent, read_at__isnull=True).count() == 2


def test_follow_and_unfollow_from_the_innovation_page(client_for, other_agent, innovation):
    client = client_for(other_agent)
    page = page_text(client.get(innovation.get_absolute_url()))
    assert "Suivre cette innovation" in page
    response = client.post(f"/notifications/suivre/innovations.innovation/{innovation.pk}/",
                           {"action": "follow", "next": innovation.get_absolute_url()}, follow=True)
    text = page_text(response)
    assert "Vous suivez « Cantine bio »" in text and "Ne plus suivre" in text
    assert Follow.objects.get().user == other_agent
    assert "Cantine bio" in page_text(client.get("/notifications/"))  # « Les innovations que je suis »
    client.post(f"/notifications/suivre/innovations.innovation/{innovation.pk}/", {"action": "unfollow"})
    assert not Follow.objects.exists()


def test_follow_redirects_only_inside_the_site(client_for, other_agent, innovation):
    response = client_for(other_agent).post(f"/notifications/suivre/innovations.innovation/{innovation.pk}/",
                                            {"action": "follow", "next": "https://evil.example/"})
    assert response.url == innovation.get_absolute_url()


def test_follow_refuses_what_one_may_not_see_get_and_anonymous(client, client_for, agent, other_agent):
    draft = InnovationFactory(created_by=agent, status=Status.DRAFT, published_at=None)
    other = client_for(other_agent)
    assert other.post(f"/notifications/suivre/innovations.innovation/{draft.pk}/").status_code == 404
    assert other.post("/notifications/suivre/essaimage.user/1/").status_code == 404
    assert other.post("/notifications/suivre/innovations.innovation/999999/").status_code == 404
    published = InnovationFactory()
    assert other.get(f"/notifications/suivre/innovations.innovation/{published.pk}/").status_code == 405
    response = client.post(f"/notifications/suivre/innovations.innovation/{published.pk}/")
    assert response.status_code == 302 and response.url.startswith("/compte/connexion/")
    assert not Follow.objects.exists()
    assert "Suivre cette innovation" not in page_text(client.get(published.get_absolute_url()))


def test_preferences_page_lists_every_kind_and_saves_with_a_message(client_for, agent):
    client = client_for(agent)
    text = page_text(client.get("/notifications/preferences/"))
    for label in ("Nouvelles versions des innovations que je suis", "Décisions de modération",
                  "Immédiatement", "Dans un récapitulatif quotidien", "Jamais par e-mail"):
        assert label in text
    from notifications import registry

    data = {kind.code: Frequency.IMMEDIATE for kind in registry.kinds()}  # every app's kinds
    data[kinds.FOLLOWED_NEW_VERSION] = Frequency.DIGEST
    response = client.post("/notifications/preferences/", data, follow=True)
    assert "Vos préférences de notification sont enregistrées." in page_text(response)
    assert NoticePreference.objects.get(user=agent, kind=kinds.FOLLOWED_NEW_VERSION).frequency == Frequency.DIGEST
    assert 'value="digest" checked' in page_text(response)


def test_preferences_refuse_an_unknown_frequency(client_for, agent):
    response = client_for(agent).post("/notifications/preferences/", {kinds.MODERATED: "hourly"})
    assert response.status_code == 200 and not NoticePreference.objects.exists()
    assert "fr-fieldset--error" in page_text(response)


def test_profile_links_to_the_preferences(client_for, agent):
    assert "/notifications/preferences/" in page_text(client_for(agent).get("/compte/profil/"))


@pytest.mark.parametrize("count", [1, 4])
def test_the_unread_count_is_one_query(agent, innovation, count, django_assert_num_queries):
    from notifications import selectors

    make_notices(agent, innovation, count)
    with django_assert_num_queries(1):
        assert selectors.unread_count(agent) == count
