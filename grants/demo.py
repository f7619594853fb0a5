"""Demo data of the grants app, created through the services (notifications muted; refused in
production by the `load_demo_data` command). Idempotent: nothing is created once the demo
programme exists.

`load()` creates the accounts `instructeur@demo.essaimage.fr` (instructeur) and
`evaluateur@demo.essaimage.fr` (évaluateur), a programme with three calls (open, closed and under
review, past with its grants followed), and applications in every status with messages and an
information request. Part 2 (review, decisions, follow-up) extends it in its own function:
`demo_calls()` gives the three calls, `decided_applications()` the applications this loader
decided (accepted, refused, classé sans suite) through `application_transition`, which have no
Decision / Grant rows yet: part 2's loader adds them, with reviews and a convention."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from essaimage.demo import create_demo_user
from essaimage.enums import OrganisationKind, Role
from essaimage.models import Territory, User
from essaimage.services import organisation_get_or_create, user_set_roles
from grants import services
from grants.enums import DECIDED_APPLICATION_STATES, ApplicationAction, ApplicationPart, MilestoneKind
from grants.models import Application, Call, Programme
from innovations.demo import tiny_pdf
from innovations.enums import ScalingMode
from innovations.enums import Status as InnovationStatus
from innovations.models import Innovation

PROGRAMME_SLUG = "essaimer-les-innovations-territoriales"
OPEN_CALL, REVIEW_CALL, PAST_CALL = ("essaimage-2027-solidarites", "essaimage-2026-transitions",
                                    "essaimage-2025-services-publics")

ACCOUNTS = [
    ("instructeur@demo.essaimage.fr", "Hélène", "Garnier", [Role.AGENT, Role.INSTRUCTEUR]),
    ("evaluateur@demo.essaimage.fr", "Olivier", "Bertrand", [Role.AGENT, Role.EVALUATEUR]),
]


def _accounts() -> list[tuple[str, str]]:
    territory = Territory.objects.filter(level="commune", code="75056").first()
    funder = organisation_get_or_create(name="Agence nationale de la cohésion des territoires",
                                        kind=OrganisationKind.OPERATEUR, territory=territory)
    evaluator_org = organisation_get_or_create(name="Conseil départemental de la Gironde",
                                               kind=OrganisationKind.COLLECTIVITE, territory=territory)
    accounts = []
    for (email, first, last, roles), organisation in zip(ACCOUNTS, (funder, evaluator_org), strict=True):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = create_demo_user(email=email, first_name=first, last_name=last, organisation=organisation,
                                    territory=territory)
        user_set_roles(user=user, roles=roles)
        accounts.append((email, ", ".join(str(role.label) for role in roles)))
    return accounts


def _paris(days: int, hour: int = 12) -> datetime.datetime:
    return services.paris_deadline(timezone.localdate() + datetime.timedelta(days=days), hour)


CALLS = [
    (OPEN_CALL, "Essaimage 2027 – solidarités de proximité",
     "Financer la reprise, sur de nouveaux territoires, d’innovations solidaires qui ont fait leurs preuves.",
     -20, 25, Decimal("400000"), Decimal("10000"), Decimal("60000"), ["Budget détaillé du projet"]),
    (REVIEW_CALL, "Essaimage 2026 – transitions écologiques",
     "Aider les collectivités et associations à reprendre des innovations de transition écologique.",
     -120, -20, Decimal("300000"), Decimal("10000"), Decimal("50000"), []),
    (PAST_CALL, "Essaimage 2025 – services publics de proximité",
     "Le premier appel du programme : essaimer des services publics de proximité éprouvés.",
     -500, -400, Decimal("250000"), Decimal("5000"), Decimal("40000"), []),
]


def demo_calls() -> dict[str, Call]:
    return {call.slug: call for call in Call.objects.filter(slug__in=[OPEN_CALL, REVIEW_CALL, PAST_CALL])}


def decided_applications() -> list[Application]:
    """The demo applications decided here, for part 2's loader to add Decision / Grant rows."""
    return list(Application.objects.filter(call__slug__in=[OPEN_CALL, REVIEW_CALL, PAST_CALL],
                                           status__in=DECIDED_APPLICATION_STATES).order_by("pk"))


def _complete(application: Application, owner: User, amount: Decimal, *, territories, secured=True):
    """Fill every part so that the checklist is empty (amount + co-funding = budget = lines;
    tranches = amount)."""
    cofunding = (amount / 2).quantize(Decimal("1"))
    budget = amount + cofunding
    first = (amount * Decimal("0.6")).quantize(Decimal("1"))
    start = application.call.closes_at.date() + datetime.timedelta(days=60)
    data = services.ApplicationInput(
        fields={"summary": f"Essaimer « {application.innovation.title} » dans trois nouveaux territoires, avec "
                           "un accompagnement des équipes qui la reprennent.",
                "amount_requested": amount, "total_budget": budget, "project_start": start,
                "project_end": start + datetime.timedelta(days=540),
                "scaling_mode": ScalingMode.PARTENARIAT,
                "scaling_partners": "Les services des collectivités d’accueil et une association locale par "
                                    "territoire, engagés par une lettre d’intention.",
                "transfer_kit": "Guide de mise en œuvre, modèles de conventions, deux jours de formation et un "
                                "appui à distance pendant six mois.",
                "scaling_budget": (budget * Decimal("0.7")).quantize(Decimal("1")),
                "success_indicators": "Nombre de territoires où le dispositif fonctionne (cible : 3) ; usagers "
                                      "servis au bout d’un an (cible : 1 500)."},
        target_territories=territories,
        fundings=[("Fonds propres et collectivités partenaires", cofunding, secured)],
        budget_lines=[("Personnel d’accompagnement", (budget * Decimal("0.6")).quantize(Decimal("1"))),
                      ("Formation et kit de transfert", budget - (budget * Decimal("0.6")).quantize(Decimal("1")))],
        milestones=[
            {"title": "Premier territoire lancé", "kind": MilestoneKind.REPLICATION,
             "due_date": start + datetime.timedelta(days=180), "deliverable": "Déclaration d’essaimage publiée.",
             "tranche_amount": first},
            {"title": "Rapport final et compte rendu financier", "kind": MilestoneKind.FINAL_REPORT,
             "due_date": start + datetime.timedelta(days=540), "deliverable": "Bilan et compte rendu financier.",
             "tranche_amount": amount - first},
        ],
        republican_contract=True if services.needs_republican_contract(application) else None,
    )
    application = services.application_save(application=application, by=owner, data=data)
    for label in application.call.required_documents:
        services.document_add(application=application, by=owner, upload=ContentFile(
            tiny_pdf(f"{label} - {application.innovation.title}"), name="piece.pdf"),
            content_type="application/pdf", required_label=label)
    return application


def _owner(innovation: Innovation) -> User:
    return innovation.members.select_related("user").order_by("role", "pk").first().user


def load() -> list[tuple[str, str]]:
    accounts = _accounts()
    if Programme.objects.filter(slug=PROGRAMME_SLUG).exists():
        return accounts
    published = list(Innovation.objects.filter(status=InnovationStatus.PUBLISHED).exclude(organisation=None)
                     .select_related("organisation").order_by("pk"))
    agent = User.objects.filter(email="agent@demo.essaimage.fr").first()
    if len(published) < 12 or agent is None:
        return accounts  # the catalogue's demo data first
    instructeur = User.objects.get(email=ACCOUNTS[0][0])
    territories = list(Territory.objects.filter(level="departement", code__in=["33", "59", "69"]))
    with services.notifications_muted():
        programme = services.programme_save(
            programme=None, by=instructeur,
            data={"funder": instructeur.organisation, "title": "Essaimer les innovations territoriales",
                  "description": "Le programme national de subventions d’essaimage : il finance la reprise "
                                 "d’innovations publiques et sociales éprouvées sur de nouveaux territoires.",
                  "total_envelope": Decimal("2000000")})
        Programme.objects.filter(pk=programme.pk).update(slug=PROGRAMME_SLUG)
        programme.refresh_from_db()
        calls = {}
        for slug, title, summary, opens, closes, envelope, low, high, documents in CALLS:
            call = services.call_save(call=None, programme=programme, by=instructeur, data={
                "title": title, "summary": summary, "description": summary + "\n\nLes demandes présentent un plan "
                "d’essaimage complet ; les tranches sont versées à la validation des jalons.",
                "opens_at": _paris(opens, 9), "closes_at": _paris(closes), "envelope": envelope, "min_amount": low,
                "max_amount": high, "eligible_kinds": [], "min_stage": "", "required_documents": documents,
                "reviewers_per_application": 2})
            Call.objects.filter(pk=call.pk).update(slug=slug)
            call.refresh_from_db()
            calls[slug] = call

        mine = [i for i in published if agent.pk in set(i.members.values_list("user_id", flat=True))]
        others = [i for i in published if i not in mine]
        plan = [  # (call, innovation, final action sequence)
            (OPEN_CALL, mine[0] if mine else others.pop(), []),  # a draft of the demo agent
            (OPEN_CALL, mine[1] if len(mine) > 1 else others.pop(), [ApplicationAction.SUBMIT,
                                                                    ApplicationAction.REQUEST_INFO]),
            (OPEN_CALL, others.pop(0), [ApplicationAction.SUBMIT]),
            (OPEN_CALL, others.pop(0), [ApplicationAction.SUBMIT, ApplicationAction.START_REVIEW]),
            (OPEN_CALL, others.pop(0), [ApplicationAction.SUBMIT, ApplicationAction.WITHDRAW]),
            (REVIEW_CALL, others.pop(0), [ApplicationAction.SUBMIT, ApplicationAction.START_REVIEW]),
            (REVIEW_CALL, others.pop(0), [ApplicationAction.SUBMIT, ApplicationAction.START_REVIEW]),
            (REVIEW_CALL, others.pop(0), [ApplicationAction.SUBMIT, ApplicationAction.START_REVIEW,
                                          ApplicationAction.REQUEST_INFO, ApplicationAction.COMPLETE]),
            (PAST_CALL, others.pop(0), [ApplicationAction.SUBMIT, ApplicationAction.START_REVIEW,
                                        ApplicationAction.ACCEPT]),
            (PAST_CALL, others.pop(0), [ApplicationAction.SUBMIT, ApplicationAction.START_REVIEW,
                                        ApplicationAction.ACCEPT]),
            (PAST_CALL, others.pop(0), [ApplicationAction.SUBMIT, ApplicationAction.START_REVIEW,
                                        ApplicationAction.REFUSE]),
            (PAST_CALL, others.pop(0), [ApplicationAction.SUBMIT, ApplicationAction.DISMISS]),
        ]
        for index, (slug, innovation, actions) in enumerate(plan):
            _application(calls[slug], innovation, actions, instructeur, index, territories)
    return accounts


MESSAGES = {
    ApplicationAction.REQUEST_INFO: "Merci de détailler le budget de la formation et de joindre les lettres "
                                    "d’intention des partenaires du Nord.",
    ApplicationAction.REFUSE: "Le plan d’essaimage ne précise pas les partenaires dans les territoires cibles ; "
                              "l’enveloppe de l’appel a été attribuée à des projets plus avancés.",
    ApplicationAction.DISMISS: "Les compléments demandés n’ont pas été transmis dans le délai.",
    ApplicationAction.WITHDRAW: "Nous redéposerons au prochain appel, une fois nos partenaires confirmés.",
    ApplicationAction.ACCEPT: "Plan d’essaimage solide et partenaires engagés.",
}


def _application(call, innovation, actions, instructeur, index, territories):
    owner = _owner(innovation)
    opened = call.opens_at + datetime.timedelta(days=3 + index)
    application = services.application_create(call=call, innovation=innovation, by=owner, now=opened)
    amount = min(call.max_amount, Decimal(15000 + 5000 * (index % 6)))
    if not actions:  # the draft: something missing, so the checklist has lines
        services.application_save(application=application, by=owner, data=services.ApplicationInput(
            fields={"summary": "Essaimer le dispositif dans deux départements voisins.", "amount_requested": amount,
                    "total_budget": amount * 2}))
        return application
    application = _complete(application, owner, amount, territories=territories[: 1 + index % 3])
    moment = opened + datetime.timedelta(days=1)
    for action in actions:
        kw = {}
        by = owner if action in (ApplicationAction.SUBMIT, ApplicationAction.COMPLETE,
                                 ApplicationAction.WITHDRAW) else instructeur
        if action == ApplicationAction.REQUEST_INFO:
            kw = {"parts": [ApplicationPart.BUDGET, ApplicationPart.DOCUMENTS],
                  "due_date": (max(moment, timezone.now()) + datetime.timedelta(days=15)).date()}
        message = MESSAGES.get(action, "")
        moment = min(moment + datetime.timedelta(days=4), timezone.now())
        if action == ApplicationAction.COMPLETE:
            services.message_post(application=application, by=owner,
                                  body="Voici le budget détaillé de la formation ; les lettres d’intention sont "
                                       "jointes à la demande.")
        application = services.application_transition(application=application, action=action, by=by,
                                                       message=message, now=moment, **kw)
        if action == ApplicationAction.REQUEST_INFO:
            services.message_post(application=application, by=owner,
                                  body="Bien reçu : nous rassemblons les lettres d’intention cette semaine.")
    if application.state.is_pending:
        services.annotation_add(application=application, by=instructeur,
                                body="Dossier à rapprocher de l’essaimage déjà financé par la région.")
    return application
