"""Demo prize campaigns: one in each phase, with entries, rulings, votes and prizes, made through
the services (`load_demo_data`, refused in production). Idempotent: a campaign whose title exists
is skipped.

Each campaign is created in draft, set up and published, then « lived »: its dates are moved so
that the next phase is due and `services.campaign_phase_advance` takes the transition, as the
daily task would. Part 2 adds peer and jury scores in `fill_scores(campaign)` (below), called
while a campaign is in its jury phase, before the deliberation."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from essaimage.demo import create_demo_user
from essaimage.enums import OrganisationKind, Role
from essaimage.models import Territory, User
from essaimage.services import organisation_get_or_create, user_set_roles
from evaluations import services
from evaluations.enums import CampaignPhase, EntryAction, EntryStatus, PhaseAction
from evaluations.models import Campaign
from innovations.enums import Status
from innovations.models import Innovation

ORGANISER_EMAIL = "organisateur@demo.essaimage.fr"
JUROR_EMAIL = "jure@demo.essaimage.fr"
DAY = timedelta(days=1)
DATED = [CampaignPhase.CANDIDATURES, CampaignPhase.PEER_REVIEW, CampaignPhase.JURY, CampaignPhase.DELIBERATION,
         CampaignPhase.RESULTS]
DATE_FIELDS = ["candidatures_start", "peer_review_start", "jury_start", "deliberation_start", "results_start"]

QUESTIONS = [
    ("Qu’est-ce qui rend votre innovation transférable dans un autre territoire ?",
     "Kit, guides, formation, outils : ce qu’une autre équipe reçoit pour la reprendre."),
    ("Quels résultats mesurés pouvez-vous présenter ?", "Chiffres, évaluations, avant/après."),
]
ANSWERS = [
    "Un kit de transfert complet : guide pas à pas, modèles de conventions, tableau de suivi et deux demi-journées "
    "de formation à distance. Trois collectivités l’ont déjà repris sans notre aide.",
    "Délai de traitement divisé par deux en dix-huit mois ; 87 % des usagers satisfaits (enquête de 2025 auprès de "
    "412 personnes).",
]

# title, phase, settings, categories (name, prizes, labels)
CAMPAIGNS = [
    ("Prix de l’innovation sociale 2027", CampaignPhase.DRAFT, {},
     [("Solidarités", 2, ["Premier prix", "Mention"])]),
    ("Trophées de la transition écologique 2027", CampaignPhase.ANNOUNCED, {"peers_per_entry": 2},
     [("Sobriété", 1, ["Trophée de la sobriété"]), ("Mobilités", 1, ["Trophée des mobilités"])]),
    ("Prix Essaimer 2026 — services aux usagers", CampaignPhase.CANDIDATURES, {"public_prize": True},
     [("Accueil et accès aux droits", 2, ["Premier prix", "Prix spécial du jury"]),
      ("Santé et autonomie", 1, ["Premier prix"])]),
    ("Prix des territoires ruraux", CampaignPhase.PEER_REVIEW, {"peers_per_entry": 2},
     [("Services de proximité", 2, ["Premier prix", "Mention"])]),
    ("Prix de la santé de proximité", CampaignPhase.JURY, {"public_prize": True, "normalise": True},
     [("Accès aux soins", 2, ["Premier prix", "Mention"])]),
    ("Prix de l’inclusion numérique", CampaignPhase.DELIBERATION, {},
     [("Médiation numérique", 2, ["Premier prix", "Coup de cœur"])]),
    ("Prix Essaimer 2025", CampaignPhase.RESULTS, {"public_prize": True, "peer_weight": Decimal("0.40")},
     [("Innovations éprouvées", 2, ["Premier prix", "Mention spéciale"]),
      ("Innovations en essaimage", 1, ["Prix de l’essaimage"])]),
]
CITATIONS = [
    "Pour un dispositif simple, documenté et déjà repris dans trois départements : un modèle d’essaimage.",
    "Pour la qualité de son kit de transfert et l’engagement de ses partenaires locaux.",
    "Pour des résultats mesurés avec rigueur et un modèle économique qui tient dans la durée.",
]


def dates_due(phase: CampaignPhase, now) -> dict:
    """Dates ten days apart that make `phase` the current one (the draft: everything to come)."""
    current = DATED.index(phase) if phase in DATED else -1
    return {field: now + (index - current) * 10 * DAY - (DAY if index <= current else timedelta(0))
            for index, field in enumerate(DATE_FIELDS)}


def _people():
    commune = Territory.objects.filter(level="commune", code="75056").first()
    organisation = organisation_get_or_create(name="Agence nationale de la cohésion des territoires",
                                              kind=OrganisationKind.OPERATEUR, territory=commune)
    people = {}
    for email, first, last, roles in [
        (ORGANISER_EMAIL, "Aline", "Perret", [Role.AGENT, Role.ORGANISATEUR]),
        (JUROR_EMAIL, "Bruno", "Caradec", [Role.AGENT, Role.JURE]),
    ]:
        user = User.objects.filter(email=email).first() or create_demo_user(
            email=email, first_name=first, last_name=last, organisation=organisation, territory=commune)
        user_set_roles(user=user, roles=roles)
        people[email] = user
    return people


def fill_scores(campaign: Campaign) -> None:
    """Part 2 (scoring): the demo's peer and jury scores of `campaign`, in its jury phase."""
    try:
        from evaluations import demo_scores
    except ImportError:
        return
    demo_scores.fill(campaign)


def _live_until(campaign: Campaign, phase: CampaignPhase) -> Campaign:
    """Moves the campaign's dates so that `phase` is due now, and lets the phase catch up."""
    dates = dates_due(phase, timezone.now())
    if campaign.public_prize:  # the vote spans the evaluation
        dates.update(public_vote_start=dates["peer_review_start"], public_vote_end=dates["deliberation_start"])
    Campaign.objects.filter(pk=campaign.pk).update(**dates)
    campaign.refresh_from_db()
    return services.campaign_phase_advance(campaign)


def _campaign(title, phase, settings, categories, organiser, juror, innovations, voters):
    now = timezone.now()
    campaign = services.campaign_create(by=organiser, title=title, organisation=organiser.organisation,
                                        summary="Faire connaître et essaimer les innovations publiques qui marchent.",
                                        description=(
                                            "Ce prix distingue des innovations publiées dans le catalogue, déjà "
                                            "éprouvées, et prêtes à être reprises ailleurs. Les équipes candidates "
                                            "évaluent d’autres candidatures, un jury note chacune, puis délibère."),
                                        **dates_due(CampaignPhase.DRAFT, now), **_vote_dates(settings, now),
                                        **settings)
    campaign.jurors.add(juror)
    for name, count, labels in categories:
        services.category_save(campaign=campaign, by=organiser, name=name, prizes_count=count, prize_labels=labels,
                               description="")
    for label, help_text in QUESTIONS:
        services.question_save(campaign=campaign, by=organiser, label=label, help_text=help_text, required=True)
    if phase == CampaignPhase.DRAFT:
        return campaign
    campaign = services.campaign_transition(campaign=campaign, action=PhaseAction.PUBLISH, by=organiser)
    if phase == CampaignPhase.ANNOUNCED:
        return campaign
    campaign = _live_until(campaign, CampaignPhase.CANDIDATURES)
    entries = _enter(campaign, innovations, keep_one_back=phase == CampaignPhase.CANDIDATURES)
    if phase == CampaignPhase.CANDIDATURES:
        return campaign
    _rule(campaign, entries, organiser)
    campaign = _live_until(campaign, CampaignPhase.PEER_REVIEW)
    if phase == CampaignPhase.PEER_REVIEW:
        return campaign
    campaign = _live_until(campaign, CampaignPhase.JURY)
    _vote(campaign, voters)
    fill_scores(campaign)
    if phase == CampaignPhase.JURY:
        return campaign
    campaign = _live_until(campaign, CampaignPhase.DELIBERATION)
    _award(campaign, organiser, all_categories=phase == CampaignPhase.RESULTS)
    if phase == CampaignPhase.DELIBERATION:
        return campaign
    return _live_until(campaign, CampaignPhase.RESULTS)


def _vote_dates(settings, now) -> dict:
    if not settings.get("public_prize"):
        return {}
    dates = dates_due(CampaignPhase.DRAFT, now)
    return {"public_vote_start": dates["peer_review_start"], "public_vote_end": dates["deliberation_start"]}


def _enter(campaign, innovations, keep_one_back=False):
    """Entries of the published demo innovations, shared between the categories; some submitted,
    one still a draft. `keep_one_back`: agent@demo's last innovation stays free to enter."""
    categories = list(campaign.categories.all())
    questions = list(campaign.questions.all())
    entries = []
    pool = innovations[:-1] if keep_one_back else innovations
    for index, innovation in enumerate(pool):
        owner = innovation.members.order_by("pk").first().user
        entry = services.entry_create(campaign=campaign, innovation=innovation,
                                      category=categories[index % len(categories)], by=owner)
        services.entry_save(entry=entry, by=owner, answers={q.pk: ANSWERS[i % len(ANSWERS)]
                                                            for i, q in enumerate(questions)})
        if index == len(pool) - 1 and len(pool) > 2:
            continue  # a draft, not handed in
        entries.append(services.entry_transition(entry=entry, action=EntryAction.SUBMIT, by=owner))
    return entries


def _rule(campaign, entries, organiser):
    for index, entry in enumerate(entries):
        if index == 2:
            services.entry_transition(entry=entry, action=EntryAction.REJECT, by=organiser,
                                      reason="L’innovation n’a pas encore été reprise ailleurs : la campagne est "
                                             "réservée aux innovations éprouvées. Présentez-la l’an prochain !")
        else:
            services.entry_transition(entry=entry, action=EntryAction.ACCEPT, by=organiser,
                                      reason="Candidature complète et conforme au règlement.")


def _vote(campaign, voters):
    if not campaign.public_prize:
        return
    eligible = list(campaign.entries.filter(status=EntryStatus.ELIGIBLE).select_related("innovation"))
    for index, voter in enumerate(voters):
        choices = [e for e in eligible if not voter.has_perm("innovations.team_innovation", e.innovation)]
        if choices:
            services.vote_cast(entry=choices[index % len(choices)], by=voter)


def _award(campaign, organiser, all_categories):
    eligible = list(campaign.entries.filter(status=EntryStatus.ELIGIBLE).select_related("category", "innovation")
                    .order_by("pk"))
    done = set()
    for index, entry in enumerate(eligible):
        if entry.category_id in done:
            continue
        services.award_save(entry=entry, by=organiser, rank=1, citation=CITATIONS[index % len(CITATIONS)])
        done.add(entry.category_id)
        if not all_categories:
            return


def load() -> list[tuple[str, str]]:
    people = _people()
    organiser, juror = people[ORGANISER_EMAIL], people[JUROR_EMAIL]
    published = list(Innovation.objects.filter(status=Status.PUBLISHED).order_by("pk"))
    if len(published) < 4:
        return [(ORGANISER_EMAIL, "Agent, organisateur"), (JUROR_EMAIL, "Agent, juré")]
    # agent@demo's innovations last, so that one of them stays free in the open campaign.
    published.sort(key=lambda innovation: innovation.created_by.email == "agent@demo.essaimage.fr")
    voters = list(User.objects.filter(email__endswith="@demo.essaimage.fr", is_active=True).order_by("pk")[:12])
    with services.notifications_muted():
        for offset, (title, phase, settings, categories) in enumerate(CAMPAIGNS):
            if Campaign.objects.filter(title=title).exists():
                continue
            start = (offset * 2) % max(1, len(published) - 5)
            chosen = published[start:start + 6]
            if phase == CampaignPhase.CANDIDATURES:
                chosen = published[-4:]  # agent@demo's: one stays free to enter
            _campaign(title, phase, settings, categories, organiser, juror, chosen, voters)
    return [(ORGANISER_EMAIL, "Agent, organisateur"), (JUROR_EMAIL, "Agent, juré")]
