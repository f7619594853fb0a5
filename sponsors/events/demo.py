"""Demo events (called from SponsorsConfig.load_demo_data): an organiser, two upcoming events (one
full with a waiting list), one cancelled, one past with minutes and recorded attendance.
Idempotent: an event whose slug exists is skipped. Notices are muted while loading."""

from datetime import timedelta

from django.utils import timezone

from essaimage.demo import create_demo_user
from essaimage.enums import Role
from essaimage.models import Territory, User
from essaimage.services import user_set_roles
from innovations.enums import Status as InnovationStatus
from innovations.models import Innovation, Theme
from notifications import services as notifications
from sponsors.events import services
from sponsors.events.enums import EventAction, EventFormat, EventStatus, RegistrationAction, RegistrationStatus
from sponsors.events.models import Event, Registration

ORGANISER = ("organisateur@demo.essaimage.fr", "Louise", "Garnier")
PARTICIPANTS = [("participant1@demo.essaimage.fr", "Paul", "Mercier"),
                ("participant2@demo.essaimage.fr", "Amina", "Diallo"),
                ("participant3@demo.essaimage.fr", "Lucas", "Bernard"),
                ("participant4@demo.essaimage.fr", "Chloé", "Petit"),
                ("participant5@demo.essaimage.fr", "Yanis", "Robert")]


def _user(email, first, last, roles):
    user = User.objects.filter(email=email).first() or create_demo_user(email=email, first_name=first,
                                                                        last_name=last)
    user_set_roles(user=user, roles=roles)
    return user


def _at(days: int, hour: int):
    day = timezone.localtime() + timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def load() -> list[tuple[str, str]]:
    organiser = _user(*ORGANISER, [Role.AGENT, Role.ORGANISATEUR])
    people = [_user(*person, [Role.AGENT]) for person in PARTICIPANTS]
    agent = User.objects.filter(email="agent@demo.essaimage.fr").first()
    accounts = [(ORGANISER[0], str(Role.ORGANISATEUR.label))]
    innovations = list(Innovation.objects.filter(status=InnovationStatus.PUBLISHED).order_by("pk")[:6])
    themes = list(Theme.objects.order_by("position")[:4])
    lille = Territory.objects.filter(level="commune", code="59350").first()
    lyon = Territory.objects.filter(level="commune", code="69123").first()
    with notifications.muted():
        full = _event(organiser, "Atelier essaimage : la mutualisation des cantines", {
            "description": "Trois équipes présentent leur démarche et répondent aux questions des agents qui "
                           "veulent la reprendre. Places limitées pour garder des échanges en petit groupe.",
            "format": EventFormat.PRESENTIEL, "place_name": "Hôtel de ville, salle du conseil",
            "address": "Place Augustin-Laurent", "commune": lille, "starts_at": _at(12, 14), "ends_at": _at(12, 17),
            "capacity": 3}, themes[:2], innovations[:2])
        if full is not None:
            for person in people[:5]:
                services.registration_create(event=full, by=person, public_listing=person.pk % 2 == 0,
                                             intends_to_replicate=innovations[0] if innovations and person == people[0]
                                             else None)
        online = _event(organiser, "Webinaire : reprendre une innovation numérique", {
            "description": "Une heure pour découvrir comment des collectivités ont repris des outils numériques "
                           "partagés, et les questions à se poser avant de se lancer.",
            "format": EventFormat.EN_LIGNE, "online_url": "https://webinaire.numerique.gouv.fr/essaimage-demo",
            "starts_at": _at(20, 11), "ends_at": _at(20, 12), "capacity": 100}, themes[2:4], innovations[2:4])
        if online is not None and agent is not None:
            services.registration_create(event=online, by=agent, public_listing=True)
        hybrid = _event(organiser, "Rencontre régionale des innovateurs publics", {
            "description": "Une journée d’échanges entre porteurs d’innovations et agents, sur place ou à distance.",
            "format": EventFormat.HYBRIDE, "place_name": "Maison des associations", "address": "28 rue Denfert",
            "commune": lyon, "online_url": "https://webinaire.numerique.gouv.fr/rencontre-lyon",
            "starts_at": _at(35, 9), "ends_at": _at(35, 17), "capacity": 40}, themes[:1], innovations[4:6])
        if hybrid is not None:
            services.event_transition(event=hybrid, action=EventAction.CANCEL, by=organiser,
                                      message="Report à une date ultérieure.")
        _past_event(organiser, people, themes, innovations, lille)
    return accounts


def _event(organiser, title, data, themes, innovations, publish=True):
    if Event.objects.filter(title=title).exists():
        return None
    event = services.event_save(by=organiser, data={"title": title, **data}, themes=themes, innovations=innovations)
    if publish:
        event = services.event_transition(event=event, action=EventAction.PUBLISH, by=organiser)
    return event


def _past_event(organiser, people, themes, innovations, commune):
    title = "Matinée d’échanges : les maisons France services"
    if Event.objects.filter(title=title).exists():
        return
    # Seed data in the past: written directly (the services refuse to publish or register in the past).
    event = Event.objects.create(
        organiser=organiser, title=title, slug=services._unique_slug(title), status=EventStatus.PUBLIE,
        description="Retours d’expérience de trois maisons France services et de leurs partenaires.",
        format=EventFormat.PRESENTIEL, place_name="Préfecture, salle Jean-Moulin", commune=commune,
        starts_at=_at(-30, 9), ends_at=_at(-30, 12), capacity=30, published_at=_at(-60, 9),
        minutes="Trois équipes ont présenté leur démarche. Points clés : s’appuyer sur les partenaires locaux, "
                "former les agents d’accueil, mesurer la fréquentation dès l’ouverture.\n\n"
                "Suites : deux communes préparent une reprise ; un atelier de suivi sera proposé.")
    event.themes.set(themes[:2])
    event.innovations.set(innovations[:3])
    for index, person in enumerate(people[:4]):
        registration = Registration.objects.create(event=event, user=person, status=RegistrationStatus.INSCRIT,
                                                   public_listing=True)
        action = RegistrationAction.MARK_ABSENT if index == 3 else RegistrationAction.MARK_PRESENT
        services.registration_transition(registration=registration, action=action, by=organiser)
