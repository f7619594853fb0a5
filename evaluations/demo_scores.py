"""Demo peer and jury scores (part 2), called by `evaluations.demo` while a demo campaign is in
its jury phase: the peer and jury assignments are completed (two more demo jurors join
jure@demo.essaimage.fr so that every entry gets its jurors), every sheet is filled with
plausible scores and comments and sent, except two of jure@demo's, left to do (the demo juror
finds work waiting, the deliberation shows missing sheets)."""

from django.utils import timezone

from essaimage.demo import create_demo_user
from essaimage.enums import Role
from essaimage.models import User
from essaimage.services import user_set_roles
from evaluations import scoring_services
from evaluations.demo import JUROR_EMAIL
from evaluations.enums import EntryStatus, Panel
from evaluations.models import Assignment, Campaign, Entry, Score, ScoreSheet
from reviewing.assignment import order_for
from reviewing.enums import ConflictAnswer, SheetStatus

EXTRA_JURORS = [
    ("jure2@demo.essaimage.fr", "Hélène", "Marchetti"),
    ("jure3@demo.essaimage.fr", "Karim", "Bensaïd"),
]
LEFT_TO_DO = 2  # jure@demo's sheets left as drafts in each campaign

COMMENTS = [
    "Le kit de transfert est clair ; il manque un calendrier type pour les équipes qui reprennent.",
    "Résultats solides et bien documentés. Les partenaires locaux restent à confirmer par écrit.",
    "Très bonne idée, mais le budget de l’essaimage paraît sous-estimé pour un territoire rural.",
    "Les indicateurs sont précis, avec une valeur de départ : c’est rare et précieux.",
    "Dossier convaincant, déjà repris ailleurs ; le modèle économique après la subvention est à préciser.",
]
GENERAL = [
    "Une innovation mûre, prête à essaimer.",
    "Prometteuse ; à revoir après une première reprise.",
    "Un dossier sérieux, dont nous aimerions nous inspirer.",
]


def _jurors(campaign: Campaign) -> None:
    for email, first, last in EXTRA_JURORS:
        user = User.objects.filter(email=email).first()
        if user is None:
            demo_juror = User.objects.filter(email=JUROR_EMAIL).first()
            user = create_demo_user(email=email, first_name=first, last_name=last,
                                    organisation=demo_juror.organisation if demo_juror else None)
        user_set_roles(user=user, roles=[Role.AGENT, Role.JURE])
        campaign.jurors.add(user)


def _value(entry_id: int, evaluator_key: int, criterion_index: int, scale_max: int, favourites: set) -> int:
    """A plausible score: the entry's quality, the evaluator's leniency, a little noise. The
    demo's winners (each category's first entry: part 1's demo awards it) are the best."""
    quality = 4 if entry_id in favourites else (entry_id * 7) % 3 + 1  # 1..3, 4 for a favourite
    leniency = (evaluator_key * 5) % 3 - 1  # -1, 0, +1
    noise = (entry_id + evaluator_key + criterion_index * 3) % 3 - 1
    return max(0, min(scale_max, quality + leniency + noise))


def fill(campaign: Campaign) -> int:
    """Assignments completed, sheets filled and sent (see the module's docstring). Returns the
    number of sheets sent."""
    _jurors(campaign)
    scoring_services.peer_assignments_create(campaign)
    scoring_services.jury_assignments_create(campaign)
    criteria = list(campaign.criteria.all())
    favourites = {}
    for entry_id, category_id in Entry.objects.filter(campaign=campaign, status=EntryStatus.ELIGIBLE).order_by(
            "-pk").values_list("pk", "category_id"):
        favourites[category_id] = entry_id
    favourites = set(favourites.values())
    now = timezone.now()
    assignments = list(Assignment.objects.filter(campaign=campaign, removed_at__isnull=True)
                       .select_related("sheet", "evaluator").order_by("pk"))
    demo_juror = [a for a in assignments if a.panel == Panel.JURY and a.evaluator.email == JUROR_EMAIL]
    left = {a.entry_id for a in demo_juror}
    left = set(order_for(f"jury-{demo_juror[0].evaluator_id}", sorted(left), seed=campaign.pk)[:LEFT_TO_DO]) \
        if demo_juror else set()
    sent, scores = [], []
    for index, assignment in enumerate(assignments):
        if assignment.panel == Panel.JURY and assignment.evaluator.email == JUROR_EMAIL \
                and assignment.entry_id in left:
            continue
        key = assignment.peer_entry_id if assignment.panel == Panel.PEER else assignment.evaluator_id
        sheet = assignment.sheet
        if sheet.state.is_locked:
            continue
        for position, criterion in enumerate(criteria):
            scores.append(Score(sheet=sheet, criterion=criterion,
                                value=_value(assignment.entry_id, key, position, criterion.scale_max, favourites),
                                comment=COMMENTS[(index + position) % len(COMMENTS)] if position in (0, 3) else ""))
        sheet.comment = GENERAL[index % len(GENERAL)]
        sheet.status, sheet.submitted_at, sheet.submitted_by = SheetStatus.SUBMITTED, now, assignment.evaluator
        sent.append(sheet)
        assignment.conflict, assignment.conflict_declared_at = ConflictAnswer.NONE, now
    Score.objects.bulk_create(scores, update_conflicts=True, unique_fields=["sheet", "criterion"],
                              update_fields=["value", "comment"])
    ScoreSheet.objects.bulk_update(sent, ["comment", "status", "submitted_at", "submitted_by"])
    Assignment.objects.bulk_update([a for a in assignments if a.conflict == ConflictAnswer.NONE],
                                   ["conflict", "conflict_declared_at"])
    return len(sent)
