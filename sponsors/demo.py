"""Demo sponsors: profiles across several régions in every status, requests and sponsorships in
every state, through the services (notifications muted). Idempotent: skipped when the demo
sponsor account already has a profile."""

from datetime import timedelta

from django.utils import timezone

from essaimage.demo import create_demo_user
from essaimage.enums import Role, TerritoryLevel
from essaimage.models import Territory, User
from essaimage.services import organisation_get_or_create, user_set_roles
from innovations.enums import Status
from innovations.models import Innovation, Theme
from sponsors import services
from sponsors.enums import Outcome, ProfileAction, RequestAction, SponsorshipAction
from sponsors.models import SponsorProfile, Sponsorship

DEMO_SPONSOR = "parrain@demo.essaimage.fr"

# email, first name, last name, organisation, région codes, département codes, theme positions, capacity,
# final status (the actions taken after saving the draft).
SPONSORS = [
    (DEMO_SPONSOR, "Bernard", "Lemaire", "Préfecture du Nord", ["32"], ["59"], [0, 1, 2], 3,
     [ProfileAction.SUBMIT, ProfileAction.APPROVE]),
    ("marraine.bretagne@demo.essaimage.fr", "Maëlle", "Le Goff", "Région Bretagne", ["53"], [], [1, 3], 2,
     [ProfileAction.SUBMIT, ProfileAction.APPROVE]),
    ("parrain.occitanie@demo.essaimage.fr", "Jordi", "Puig", "Toulouse Métropole", [], ["31", "34", "11"], [0, 4], 2,
     [ProfileAction.SUBMIT, ProfileAction.APPROVE]),
    ("marraine.aura@demo.essaimage.fr", "Sabine", "Carrel", "Département de l’Isère", ["84"], ["69"], [2, 5, 6], 4,
     [ProfileAction.SUBMIT, ProfileAction.APPROVE]),
    ("parrain.idf@demo.essaimage.fr", "Olivier", "Ndiaye", "Ville de Montreuil", [], ["93", "75", "94"], [3, 7], 1,
     [ProfileAction.SUBMIT, ProfileAction.APPROVE]),
    ("marraine.gironde@demo.essaimage.fr", "Chantal", "Duprat", "Mairie de Bègles", [], ["33"], [0, 8], 2,
     [ProfileAction.SUBMIT]),
    ("parrain.grandest@demo.essaimage.fr", "Lucas", "Weber", "Eurométropole de Strasbourg", ["44"], [], [1, 9], 2,
     []),
    ("marraine.paca@demo.essaimage.fr", "Nadège", "Aubert", "Ville de Marseille", [], ["13"], [4], 1,
     [ProfileAction.SUBMIT, ProfileAction.REFUSE]),
    ("parrain.reunion@demo.essaimage.fr", "Teddy", "Payet", "Département de La Réunion", [], ["974"], [2, 3], 2,
     [ProfileAction.SUBMIT, ProfileAction.APPROVE, ProfileAction.SUSPEND]),
]
PRESENTATION = ("Agent public depuis quinze ans, j’ai porté puis essaimé plusieurs dispositifs dans mon territoire. "
                "Je peux aider à trouver des territoires pilotes, préparer un dossier de financement et présenter "
                "l’innovation aux élus et aux services.")


def _sponsor_user(email, first, last, organisation_name) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        organisation = organisation_get_or_create(name=organisation_name, kind="collectivite")
        user = create_demo_user(email=email, first_name=first, last_name=last, organisation=organisation)
    user_set_roles(user=user, roles=[Role.AGENT])
    return user


def load() -> list[tuple[str, str]]:
    moderator = User.objects.filter(email="moderateur@demo.essaimage.fr").first()
    themes = list(Theme.objects.order_by("position", "name"))
    if moderator is None or not themes or SponsorProfile.objects.filter(user__email=DEMO_SPONSOR).exists():
        return [(DEMO_SPONSOR, str(Role.PARRAIN.label))] if moderator else []
    territories = {(t.level, t.code): t for t in Territory.objects.exclude(level=TerritoryLevel.COMMUNE)}
    profiles = {}
    with services.notifications_muted():
        for email, first, last, org, regions, departements, theme_positions, capacity, actions in SPONSORS:
            user = _sponsor_user(email, first, last, org)
            chosen = [territories[(TerritoryLevel.REGION, code)] for code in regions] + [
                territories[(TerritoryLevel.DEPARTEMENT, code)] for code in departements]
            profile = services.profile_save(
                by=user, themes=[themes[i % len(themes)] for i in theme_positions], territories=chosen,
                capacity=capacity, available_from=None, available_until=None, presentation=PRESENTATION,
                contact_ways="Par e-mail via la plateforme ; visio possible le mardi et le jeudi.")
            for action in actions:
                by = user if action == ProfileAction.SUBMIT else moderator
                message = "" if action in (ProfileAction.SUBMIT, ProfileAction.APPROVE) else (
                    "Merci de préciser vos expériences d’essaimage." if action == ProfileAction.REFUSE
                    else "Profil suspendu à la demande de l’agent pendant un congé.")
                services.profile_transition(profile=profile, action=action, by=by, message=message)
            profiles[email] = profile
        _requests_and_sponsorships(profiles)
    return [(DEMO_SPONSOR, str(Role.PARRAIN.label))]


def _requests_and_sponsorships(profiles):
    published = list(Innovation.objects.filter(status=Status.PUBLISHED).prefetch_related("members__user")
                     .order_by("pk")[:8])
    if len(published) < 6:
        return
    demo = profiles[DEMO_SPONSOR]

    def ask(innovation, profile, text):
        owner = innovation.members.all()[0].user
        return services.request_create(innovation=innovation, sponsor=profile, by=owner, message=text,
                                       objectives="Trouver deux territoires pilotes d’ici six mois.")

    def accept(req, profile, objectives="Trouver deux territoires pilotes et préparer une demande de subvention."):
        return services.request_transition(request=req, action=RequestAction.ACCEPT, by=profile.user,
                                           objectives=objectives, message="Avec plaisir !").created_sponsorship

    # In progress with check-ins (the demo sponsor), and one silent for 70 days (reminded by the daily task).
    active = accept(ask(published[0], demo, "Nous cherchons un appui pour essaimer dans les Hauts-de-France."), demo)
    today = timezone.localdate()
    services.checkin_add(sponsorship=active, by=demo.user, date=today - timedelta(days=20),
                         notes="Premier échange avec l’équipe : deux communes intéressées.",
                         next_step="Organiser une visite sur site.")
    services.checkin_add(sponsorship=active, by=demo.user, date=today - timedelta(days=3),
                         notes="Visite réalisée, élus convaincus.", next_step="Rédiger la convention.")
    silent = accept(ask(published[1], profiles["marraine.aura@demo.essaimage.fr"], "Votre expérience nous aiderait."),
                    profiles["marraine.aura@demo.essaimage.fr"])
    Sponsorship.objects.filter(pk=silent.pk).update(last_activity_at=timezone.now() - timedelta(days=70),
                                                    started_at=timezone.now() - timedelta(days=70))
    # Ended, one per outcome.
    for index, (email, outcome) in enumerate([
        ("marraine.bretagne@demo.essaimage.fr", Outcome.ESSAIMAGES),
        ("parrain.occitanie@demo.essaimage.fr", Outcome.SUBVENTION),
        ("parrain.idf@demo.essaimage.fr", Outcome.ARRETE),
    ]):
        profile = profiles[email]
        done = accept(ask(published[2 + index], profile, "Pouvez-vous nous accompagner ?"), profile)
        services.sponsorship_transition(sponsorship=done, action=SponsorshipAction.END, by=profile.user,
                                        outcome=outcome, notes="Bilan partagé avec l’équipe.")
    # A request waiting for the demo sponsor's answer, one declined, one withdrawn.
    ask(published[5], demo, "Notre innovation pourrait intéresser le Nord : accepteriez-vous de nous parrainer ?")
    declined = ask(published[2], profiles["parrain.occitanie@demo.essaimage.fr"], "Un coup de main ?")
    services.request_transition(request=declined, action=RequestAction.DECLINE,
                                by=profiles["parrain.occitanie@demo.essaimage.fr"].user,
                                message="Je n’ai pas de place en ce moment, désolé.")
    withdrawn = ask(published[3], profiles["marraine.aura@demo.essaimage.fr"], "Seriez-vous disponible ?")
    services.request_transition(request=withdrawn, action=RequestAction.WITHDRAW,
                                by=published[3].members.all()[0].user, message="Nous avons trouvé un appui.")
