"""The events' pages: the list and its filters, an event's page (link and attendees shown to
whom they may be), registering through the pages, the organiser's pages and CSV, the innovation
page's list of events; constant query counts; hostile input inert."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from essaimage.enums import Role, TerritoryLevel
from sponsors.events.enums import EventFormat, EventStatus, RegistrationStatus
from sponsors.events.models import Event, Registration
from tests.factories import TerritoryFactory, UserFactory
from tests.factories.core import territory_tree
from tests.factories.events import EventFactory, RegistrationFactory, in_days
from tests.factories.innovations import InnovationFactory, ThemeFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db

# Pinned: the same for one event and for many (update on purpose when a query is added).
LIST_QUERIES = 5
FEED_QUERIES = 2  # the events, their themes
PAGE_QUERIES = 4  # an event's page for a visitor, whatever the number of participants
MINE_QUERIES = 7
ATTENDEES_QUERIES = 8
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_list_shows_upcoming_published_events_and_past_ones_apart(client):
    upcoming = EventFactory(title="Atelier à venir")
    EventFactory(title="Brouillon caché", status=EventStatus.BROUILLON)
    EventFactory(title="Rencontre passée", starts_at=in_days(-5), ends_at=in_days(-5) + timedelta(hours=2))
    text = page_text(client.get(reverse("sponsors:events:list")))
    assert upcoming.title in text and "Brouillon caché" not in text and "Rencontre passée" not in text
    past = page_text(client.get(reverse("sponsors:events:list") + "?periode=passees"))
    assert "Rencontre passée" in past and upcoming.title not in past


def test_list_filters_by_theme_format_and_region(client):
    theme = ThemeFactory(name="Santé publique")
    lille = territory_tree()
    other = territory_tree("Lyon", "69123", "Rhône", "69", "Auvergne-Rhône-Alpes", "84")
    with_theme = EventFactory(title="Sur la santé", commune=lille)
    with_theme.themes.add(theme)
    EventFactory(title="En ligne seulement", format=EventFormat.EN_LIGNE, online_url="https://visio.example.fr/a")
    EventFactory(title="À Lyon", commune=other)
    url = reverse("sponsors:events:list")
    assert "Sur la santé" in page_text(client.get(url + f"?theme={theme.slug}"))
    assert "À Lyon" not in page_text(client.get(url + f"?theme={theme.slug}"))
    online = page_text(client.get(url + "?format=en_ligne"))
    assert "En ligne seulement" in online and "Sur la santé" not in online
    region = page_text(client.get(url + "?region=32"))
    assert "Sur la santé" in region and "À Lyon" not in region


def test_list_query_count_is_constant(client, django_assert_num_queries):
    theme = ThemeFactory()
    for count in (1, 6):
        for event in EventFactory.create_batch(count, commune=TerritoryFactory()):
            event.themes.add(theme)
            RegistrationFactory(event=event)
        with django_assert_num_queries(LIST_QUERIES):
            assert client.get(reverse("sponsors:events:list")).status_code == 200


def test_mine_query_count_is_constant(client_for, django_assert_num_queries):
    organiser = UserFactory(roles=[Role.AGENT, Role.ORGANISATEUR])
    client = client_for(organiser)
    for count in (1, 5):
        for event in EventFactory.create_batch(count, organiser=organiser):
            RegistrationFactory(event=event)
            RegistrationFactory(event=EventFactory(), user=organiser)
        with django_assert_num_queries(MINE_QUERIES):
            assert client.get(reverse("sponsors:events:mine")).status_code == 200


def test_attendees_query_count_is_constant(client_for, django_assert_num_queries):
    event = EventFactory(capacity=100)
    client = client_for(event.organiser)
    innovation = InnovationFactory()
    for count in (1, 6):
        RegistrationFactory.create_batch(count, event=event, intends_to_replicate=innovation)
        with django_assert_num_queries(ATTENDEES_QUERIES):
            assert client.get(reverse("sponsors:events:attendees", args=[event.slug])).status_code == 200


def test_the_online_link_is_shown_only_to_registered_people_and_the_organiser(client_for):
    event = EventFactory(format=EventFormat.HYBRIDE, online_url="https://visio.example.fr/secret-room")
    registered, waiting = UserFactory(), UserFactory()
    RegistrationFactory(event=event, user=registered)
    RegistrationFactory(event=event, user=waiting, status=RegistrationStatus.ATTENTE, position=1)
    for user, shown in [(None, False), (UserFactory(), False), (waiting, False), (registered, True),
                        (event.organiser, True)]:
        client = client_for(user)
        assert ("secret-room" in page_text(client.get(event.get_absolute_url()))) is shown
        ics = client.get(reverse("sponsors:events:ics", args=[event.slug])).content.decode()
        assert ("secret-room" in ics.replace("\r\n ", "")) is shown
    assert "secret-room" not in client_for(None).get(reverse("sponsors:events:feed")).content.decode()


def test_only_consenting_attendees_are_listed_publicly(client):
    event = EventFactory()
    RegistrationFactory(event=event, user=UserFactory(first_name="Visible", last_name="Dupont"), public_listing=True)
    RegistrationFactory(event=event, user=UserFactory(first_name="Discret", last_name="Martin"))
    RegistrationFactory(event=event, user=UserFactory(first_name="Attente", last_name="Durand"), public_listing=True,
                        status=RegistrationStatus.ATTENTE, position=1)
    text = page_text(client.get(event.get_absolute_url()))
    assert "Visible Dupont" in text and "Discret" not in text and "Attente Durand" not in text


def test_register_through_the_page_then_the_waiting_list(client_for):
    event = EventFactory(capacity=1)
    first, second = UserFactory(), UserFactory()
    url = reverse("sponsors:events:register", args=[event.slug])
    response = client_for(first).post(url, {"public_listing": "on"}, follow=True)
    assert "Vous êtes inscrit" in page_text(response)
    response = client_for(second).post(url, {}, follow=True)
    assert "liste d’attente (rang 1)" in page_text(response)
    assert Registration.objects.get(user=second).status == RegistrationStatus.ATTENTE
    assert Registration.objects.get(user=first).public_listing is True


def test_accept_an_offered_seat_through_the_page(client_for):
    event = EventFactory(capacity=1)
    seated, waiting = RegistrationFactory(event=event), RegistrationFactory(
        event=event, status=RegistrationStatus.ATTENTE, position=1)
    client_for(seated.user).post(reverse("sponsors:events:registration_action", args=[seated.pk, "cancel"]))
    page = page_text(client_for(waiting.user).get(event.get_absolute_url()))
    assert "Une place s’est libérée pour vous" in page and "Accepter la place" in page
    assert page.index("Accepter la place") < page.index("Refuser la place") and "Se désinscrire" not in page
    response = client_for(waiting.user).post(
        reverse("sponsors:events:registration_action", args=[waiting.pk, "accept"]), follow=True)
    assert "Place acceptée" in page_text(response)
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.INSCRIT


def test_create_edit_and_publish_through_the_pages(client_for, django_capture_on_commit_callbacks):
    organiser = UserFactory(roles=[Role.AGENT, Role.ORGANISATEUR])
    innovation = InnovationFactory()
    TerritoryFactory(level=TerritoryLevel.COMMUNE, code="59350", name="Lille")
    client = client_for(organiser)
    start = timezone.localtime() + timedelta(days=7)
    data = {"title": "Atelier des cantines", "description": "Trois équipes.", "format": "hybride",
            "starts_at": start.strftime("%Y-%m-%dT10:00"), "ends_at": start.strftime("%Y-%m-%dT09:00"),
            "capacity": "20", "place_name": "", "online_url": "", "innovation_links": "inconnue-xyz"}
    response = client.post(reverse("sponsors:events:create"), data)
    text = page_text(response)
    assert response.status_code == 200
    assert "La fin doit venir après le début" in text and "Indiquez le lieu" in text
    assert "Indiquez le lien de connexion" in text and "inconnue-xyz" in text
    assert "Atelier des cantines" in text  # nothing typed is lost
    data.update(ends_at=start.strftime("%Y-%m-%dT12:00"), place_name="Mairie", online_url="https://visio.example.fr/x",
                commune="59350", innovation_links=f"http://testserver/innovations/{innovation.slug}/")
    response = client.post(reverse("sponsors:events:create"), data)
    event = Event.objects.get(title="Atelier des cantines")
    assert response.status_code == 302 and event.status == EventStatus.BROUILLON
    assert list(event.innovations.all()) == [innovation] and event.commune.name == "Lille"
    assert timezone.localtime(event.starts_at).hour == 10
    client.post(reverse("sponsors:events:publish", args=[event.slug]))
    assert Event.objects.get(pk=event.pk).status == EventStatus.PUBLIE
    data["capacity"] = "25"
    assert client.post(reverse("sponsors:events:edit", args=[event.slug]), data).status_code == 302
    assert Event.objects.get(pk=event.pk).capacity == 25


def test_cancel_through_the_page(client_for):
    event = EventFactory()
    RegistrationFactory(event=event)
    response = client_for(event.organiser).post(reverse("sponsors:events:cancel", args=[event.slug]),
                                                {"message": "Report."}, follow=True)
    assert "Rencontre annulée" in page_text(response)
    assert "Cette rencontre est annulée" in page_text(response)
    assert not Registration.objects.filter(event=event).exclude(status=RegistrationStatus.ANNULE).exists()


def test_attendees_csv_follows_french_spreadsheet_conventions(client_for):
    event = EventFactory()
    RegistrationFactory(event=event, user=UserFactory(last_name="=HYPERLINK(1)", first_name="Zoé"))
    response = client_for(event.organiser).get(reverse("sponsors:events:attendees_csv", args=[event.slug]))
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert body.startswith("\ufeffNom;Prénom;E-mail") and "\r\n" in body
    assert "'=HYPERLINK(1);Zoé" in body and ";Inscrit;" in body


def test_minutes_and_presented_innovations_stay_after_the_event(client_for):
    event = EventFactory(starts_at=in_days(-3), ends_at=in_days(-3) + timedelta(hours=2))
    innovation = InnovationFactory(title="Cantine partagée")
    event.innovations.add(innovation)
    client = client_for(event.organiser)
    response = client.post(reverse("sponsors:events:minutes", args=[event.slug]), {"minutes": "Tout s’est bien passé."},
                           follow=True)
    text = page_text(response)
    assert "Tout s’est bien passé." in text and "Cantine partagée" in text
    # The innovation's page lists the event.
    assert event.title in page_text(client_for(None).get(innovation.get_absolute_url()))


def test_hostile_input_is_inert(client_for):
    event = EventFactory(title=XSS, description=XSS, place_name=XSS, minutes=XSS)
    RegistrationFactory(event=event, user=UserFactory(first_name=XSS), public_listing=True)
    for user, url in [(None, event.get_absolute_url()), (None, reverse("sponsors:events:list")),
                      (event.organiser, reverse("sponsors:events:attendees", args=[event.slug])),
                      (event.organiser, reverse("sponsors:events:mine"))]:
        html = client_for(user).get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html


def test_the_dashboard_lists_upcoming_registrations(client_for):
    registration = RegistrationFactory(event=EventFactory(title="Rencontre du tableau de bord"))
    text = page_text(client_for(registration.user).get(reverse("dashboard")))
    assert "Rencontre du tableau de bord" in text


def test_a_service_refusal_is_told_on_the_page(client_for):
    event = EventFactory(capacity=1)
    registration = RegistrationFactory(event=event, status=RegistrationStatus.ATTENTE, position=1)
    response = client_for(registration.user).post(
        reverse("sponsors:events:registration_action", args=[registration.pk, "accept"]), follow=True)
    assert "n’est plus possible" in page_text(response)


def test_a_seat_offer_is_a_to_do_in_my_space(client_for):
    event = EventFactory(title="Atelier très demandé", capacity=1)
    seated = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.ATTENTE, position=1)
    assert "Place libérée" not in page_text(client_for(waiting.user).get(reverse("dashboard")))
    client_for(seated.user).post(reverse("sponsors:events:registration_action", args=[seated.pk, "cancel"]))
    text = page_text(client_for(waiting.user).get(reverse("dashboard")))
    assert "Place libérée : « Atelier très demandé »" in text and "Rien ne vous attend" not in text


def test_feed_query_count_is_constant(client, django_assert_num_queries):
    theme = ThemeFactory()
    for count in (1, 6):
        for event in EventFactory.create_batch(count):
            event.themes.add(theme)
        with django_assert_num_queries(FEED_QUERIES):
            assert client.get(reverse("sponsors:events:feed")).status_code == 200


def test_event_page_query_count_is_constant(client, django_assert_num_queries):
    event = EventFactory(capacity=100)
    event.innovations.add(InnovationFactory())
    for count in (1, 6):
        RegistrationFactory.create_batch(count, event=event, public_listing=True)
        with django_assert_num_queries(PAGE_QUERIES):
            assert client.get(event.get_absolute_url()).status_code == 200


def test_registering_twice_is_told_plainly(client_for):
    registration = RegistrationFactory(event=EventFactory())
    response = client_for(registration.user).get(
        reverse("sponsors:events:register", args=[registration.event.slug]), follow=True)
    assert "Vous êtes déjà inscrit à cette rencontre" in page_text(response)
    assert Registration.objects.filter(user=registration.user).count() == 1


def test_an_event_presenting_an_innovation_shows_at_once_on_its_cached_anonymous_page(
        client, real_cache, event, organiser, django_capture_on_commit_callbacks):
    """Anonymous pages ask the events only for innovations presented at a published event (a set
    kept per catalogue version): choosing the innovations of a published event moves it on."""
    from sponsors.events import services
    from tests.factories.innovations import InnovationFactory

    innovation = InnovationFactory()
    url = innovation.get_absolute_url()
    assert "Présentée lors de rencontres" not in page_text(client.get(url))
    assert "Présentée lors de rencontres" not in page_text(client.get(url))  # now kept
    with django_capture_on_commit_callbacks(execute=True):
        services.event_save(by=organiser, data={}, innovations=[innovation], event=event)
    text = page_text(client.get(url))
    assert "Présentée lors de rencontres" in text and event.title in text
    with django_capture_on_commit_callbacks(execute=True):
        services.event_transition(event=event, action="cancel", by=organiser, message="Salle indisponible.")
    assert "Présentée lors de rencontres" not in page_text(client.get(url))
