"""Reads of the scoring: the evaluators' to-do lists, the deliberation ranking (one SQL query for
the whole campaign, through `reviewing.aggregation.ranking`), the explanation given to each
entrant team, the organiser's view of the jury."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext

from evaluations.enums import Aggregation, EntryStatus, Panel
from evaluations.models import (
    Assignment, Campaign, Category, ConflictRecord, Criterion, Entry, JurorInvitation, Score, ScoreSheet,
)
from reviewing import aggregation
from reviewing.aggregation import PanelScore, RankedItem
from reviewing.assignment import order_for
from reviewing.criteria import weight_shares
from reviewing.enums import ConflictAnswer, SheetStatus

TWO_PLACES = Decimal("0.01")
# A normalised score this far (points on 20) from the raw median is flagged for the deliberation.
LARGE_GAP = Decimal("2")


def panel_weights(campaign: Campaign) -> dict[str, Decimal]:
    """The weight of each panel in the final score: the peers' (when the campaign has a peer
    phase) and the jury's (the rest)."""
    if not campaign.has_peer_review:
        return {Panel.JURY.value: Decimal("1")}
    return {Panel.JURY.value: campaign.jury_weight, Panel.PEER.value: campaign.peer_weight}


def panel_weights_text(campaign: Campaign) -> str:
    """« jury 70 %, pairs 30 % » for the pages."""
    return ", ".join(f"{str(Panel(panel).label).lower()} {number(weight * 100)}\u00a0%"
                     for panel, weight in panel_weights(campaign).items())


def number(value, *, fixed: bool = False) -> str:
    """A Decimal as French text: 3.00 → « 3 », 1.50 → « 1,5 »; `fixed`: two decimals (« 16,80 »)."""
    if value is None:
        return "–"
    value = Decimal(value).quantize(TWO_PLACES)
    return format(value if fixed else value.normalize(), "f").replace(".", ",")


def scores_sql(campaign: Campaign, *, entry_id: int | None = None) -> tuple[str, list]:
    """The score rows of the campaign's sent sheets, in the columns `reviewing.aggregation` reads.
    A peer team is one evaluator (its entry's id: any member may have filled the sheet); a juror
    is their user id. Withdrawn assignments and entries no longer eligible are left out."""
    score, sheet, assignment = Score._meta.db_table, ScoreSheet._meta.db_table, Assignment._meta.db_table
    criterion, entry = Criterion._meta.db_table, Entry._meta.db_table
    sql = f"""
SELECT a.entry_id AS item_id,
       CASE WHEN a.panel = %s THEN a.peer_entry_id ELSE a.evaluator_id END AS evaluator_id,
       a.panel AS panel, s.criterion_id AS criterion_id, c.weight AS weight, c.scale_max AS scale_max,
       s.value AS value
FROM {score} s
JOIN {sheet} sh ON sh.id = s.sheet_id
JOIN {assignment} a ON a.id = sh.assignment_id
JOIN {criterion} c ON c.id = s.criterion_id
JOIN {entry} e ON e.id = a.entry_id
WHERE a.campaign_id = %s AND sh.status = %s AND a.removed_at IS NULL AND e.status = %s"""
    params = [Panel.PEER.value, campaign.pk, SheetStatus.SUBMITTED.value, EntryStatus.ELIGIBLE.value]
    if entry_id is not None:
        sql += " AND a.entry_id = %s"
        params.append(entry_id)
    return sql, params


@dataclass
class RankingRow:
    entry: Entry
    item: RankedItem | None  # None: no sent sheet yet
    rank: int | None = None
    tied: bool = False
    expected: dict = field(default_factory=dict)  # panel -> active assignments
    received: dict = field(default_factory=dict)  # panel -> sent sheets
    raw_median: Decimal | None = None

    @property
    def score(self) -> Decimal | None:
        """The score the ranking uses (final, or median in « médiane » mode)."""
        return getattr(self, "_score", None)

    @property
    def jury(self) -> PanelScore | None:
        return self.item.panels.get(Panel.JURY.value) if self.item else None

    @property
    def peer(self) -> PanelScore | None:
        return self.item.panels.get(Panel.PEER.value) if self.item else None

    @property
    def missing(self) -> int:
        return sum(max(0, self.expected.get(p, 0) - self.received.get(p, 0)) for p in self.expected)

    @property
    def missing_panels(self) -> list[str]:
        if self.item is None:
            return [str(Panel(p).label) for p in self.expected]
        return [str(Panel(p).label) for p in self.item.missing_panels]

    @property
    def large_gap(self) -> bool:
        return (self.score is not None and self.raw_median is not None
                and abs(self.score - self.raw_median) >= LARGE_GAP)


@dataclass
class CategoryRanking:
    category: Category
    rows: list[RankingRow]

    @property
    def ranked(self) -> int:
        return sum(1 for row in self.rows if row.rank is not None)


def _rank(rows: list[RankingRow], by_median: bool) -> list[RankingRow]:
    """RANK() within one category: equal scores share a rank and are flagged; rows without a
    score come last."""
    for row in rows:
        row._score = None if row.item is None else (row.item.median if by_median else row.item.final)
    scored = sorted((row for row in rows if row.score is not None),
                    key=lambda row: (-row.score, -(row.item.mean or 0), row.entry.pk))
    counts = defaultdict(int)
    for row in scored:
        counts[row.score] += 1
    previous, rank = None, 0
    for position, row in enumerate(scored, start=1):
        if row.score != previous:
            rank, previous = position, row.score
        row.rank, row.tied = rank, counts[row.score] > 1
    unscored = sorted((row for row in rows if row.score is None), key=lambda row: row.entry.pk)
    return scored + unscored


def campaign_ranking(campaign: Campaign, *, category: Category | None = None) -> list[CategoryRanking]:
    """The ranking of each category (or of one): the eligible entries with their aggregated
    score (the campaign's aggregation, normalisation and panel weights), raw median, panel scores,
    spread, number of sheets received and expected; ties flagged; entries without any score last.

    Queries: the ranking itself (one, whatever the number of entries; a second one for the raw
    medians when the scores are normalised), the entries, the assignment counts, the categories."""
    sql, params = scores_sql(campaign)
    items = aggregation.ranking(sql, params, normalise=campaign.normalise, panel_weights=panel_weights(campaign))
    by_entry = {item.item_id: item for item in items}
    raw_medians = {}
    if campaign.normalise and items and getattr(items[0], "raw_median", None) is None:
        # reviewing's RankedItem has no raw median yet: read them apart (a second, lighter query).
        raw_medians = _raw_medians(sql, params)
    elif campaign.normalise:
        raw_medians = {item.item_id: item.raw_median for item in items}
    entries = (Entry.objects.filter(campaign=campaign, status=EntryStatus.ELIGIBLE)
               .select_related("innovation", "organisation")
               .only("pk", "campaign_id", "category_id", "status", "innovation__title", "innovation__slug",
                     "organisation__name").order_by("pk"))
    if category is not None:
        entries = entries.filter(category=category)
    counts = defaultdict(dict)
    received = defaultdict(dict)
    for entry_id, panel, total, sent in (
            Assignment.objects.filter(campaign=campaign, removed_at__isnull=True)
            .values_list("entry_id", "panel").annotate(
                total=Count("pk"), sent=Count("pk", filter=Q(sheet__status=SheetStatus.SUBMITTED)))):
        counts[entry_id][panel] = total
        received[entry_id][panel] = sent
    categories = [category] if category is not None else list(campaign.categories.all())
    rows_by_category = defaultdict(list)
    for entry in entries:
        item = by_entry.get(entry.pk)
        rows_by_category[entry.category_id].append(RankingRow(
            entry=entry, item=item, expected=counts.get(entry.pk, {}), received=received.get(entry.pk, {}),
            raw_median=raw_medians.get(entry.pk, item.median if item else None)))
    by_median = campaign.aggregation == Aggregation.MEDIAN
    return [CategoryRanking(cat, _rank(rows_by_category.get(cat.pk, []), by_median)) for cat in categories]


def _raw_medians(sql: str, params: list) -> dict:
    """item id -> median of its sheets' raw totals on 20 (reviewing.aggregation's own `sheets` step)."""
    query = (f"WITH scores AS ({sql}),{aggregation.SHEETS} "
             "SELECT item_id, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY total::float8)::numeric, 2) "
             "FROM sheets GROUP BY item_id")
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return dict(cursor.fetchall())


# --- Evaluators ----------------------------------------------------------------------------------

def evaluator_assignments(user, campaign: Campaign):
    """The active assignments of this person in the campaign: theirs as a juror, their teams' as peers."""
    return (Assignment.objects.filter(campaign=campaign, removed_at__isnull=True, entry__status=EntryStatus.ELIGIBLE)
            .filter(Q(panel=Panel.JURY, evaluator=user)
                    | Q(panel=Panel.PEER, peer_entry__innovation__members__user=user,
                        peer_entry__status=EntryStatus.ELIGIBLE))
            .select_related("sheet", "campaign", "peer_entry__innovation", "entry")
            .annotate(sent_on_entry=Count("entry__assignments", distinct=True, filter=Q(
                entry__assignments__removed_at__isnull=True,
                entry__assignments__sheet__status=SheetStatus.SUBMITTED)))
            .distinct())


def in_evaluator_order(user, assignments) -> list[Assignment]:
    """Each evaluator's own order (reviewing.assignment.order_for): a juror by their id, a peer
    team by its entry."""
    assignments = list(assignments)
    ranks = {}
    for key, group in _by_evaluator_key(user, assignments).items():
        for position, entry_id in enumerate(order_for(key, sorted(a.entry_id for a in group),
                                                      seed=group[0].campaign_id)):
            ranks[(key, entry_id)] = position
    return sorted(assignments, key=lambda a: (a.panel != Panel.JURY, a.peer_entry_id or 0,
                                              ranks[(_key(user, a), a.entry_id)]))


def _key(user, assignment) -> str:
    return f"jury-{user.pk}" if assignment.panel == Panel.JURY else f"peer-{assignment.peer_entry_id}"


def _by_evaluator_key(user, assignments) -> dict:
    groups = defaultdict(list)
    for assignment in assignments:
        groups[_key(user, assignment)].append(assignment)
    return groups


def next_assignment(user, current: Assignment) -> Assignment | None:
    """« Enregistrer et suivante »: among this evaluator's other assignments of the same panel
    (and peer team) whose sheet is not sent and whose conflict is not declared, the one whose entry
    has the fewest sent sheets; ties in the evaluator's own order."""
    candidates = evaluator_assignments(user, current.campaign).filter(panel=current.panel).exclude(
        pk=current.pk).exclude(sheet__status=SheetStatus.SUBMITTED).exclude(conflict=ConflictAnswer.DECLARED)
    if current.panel == Panel.PEER:
        candidates = candidates.filter(peer_entry_id=current.peer_entry_id)
    ordered = in_evaluator_order(user, candidates)
    if not ordered:
        return None
    return min(ordered, key=lambda a: (a.sent_on_entry, ordered.index(a)))


@dataclass
class TaskGroup:
    """One list of the « Mes évaluations » page: the juror's, or one peer team's."""

    panel: Panel
    assignments: list
    peer_entry: Entry | None = None

    @property
    def is_jury(self) -> bool:
        return self.panel == Panel.JURY

    @property
    def done(self) -> int:
        return sum(1 for a in self.assignments if a.sheet.state.is_locked)

    @property
    def total(self) -> int:
        return len(self.assignments)


def evaluator_tasks(user, campaign: Campaign) -> list[TaskGroup]:
    ordered = in_evaluator_order(user, evaluator_assignments(user, campaign))
    groups: dict = {}
    for assignment in ordered:
        key = _key(user, assignment)
        if key not in groups:
            groups[key] = TaskGroup(Panel(assignment.panel), [], assignment.peer_entry)
        groups[key].assignments.append(assignment)
    for group in groups.values():
        for index, assignment in enumerate(group.assignments, start=1):
            assignment.number = index
    return list(groups.values())


def assignment_number(user, assignment: Assignment) -> int:
    """The assignment's position in its evaluator's own list (« Candidature n° 3 »)."""
    group = evaluator_assignments(user, assignment.campaign).filter(panel=assignment.panel)
    if assignment.panel == Panel.PEER:
        group = group.filter(peer_entry_id=assignment.peer_entry_id)
    ordered = in_evaluator_order(user, group)
    return next((index for index, other in enumerate(ordered, start=1) if other.pk == assignment.pk), 1)


def assignment_page(assignment_id: int):
    """The queryset the evaluator's page fetches from (with what the permission and page read)."""
    return (Assignment.objects.filter(pk=assignment_id)
            .select_related("campaign", "entry__innovation__territory", "entry__innovation__departement",
                            "entry__innovation__region", "entry__innovation__organisation", "entry__organisation",
                            "entry__category", "entry__campaign", "peer_entry__innovation", "sheet")
            .prefetch_related("entry__innovation__members__user", "entry__answers__question",
                              Prefetch("sheet__scores", queryset=Score.objects.order_by("criterion_id"))))


# --- Organiser: the jury ---------------------------------------------------------------------------

@dataclass
class JurorRow:
    juror: object
    assigned: int
    sent: int
    conflicts: int


def jury_overview(campaign: Campaign) -> dict:
    from evaluations.enums import CampaignPhase

    jurors = list(campaign.jurors.order_by("last_name", "first_name", "pk"))
    stats = {row["evaluator_id"]: row for row in Assignment.objects.filter(campaign=campaign, panel=Panel.JURY)
             .values("evaluator_id").annotate(
                 assigned=Count("pk", filter=Q(removed_at__isnull=True)),
                 sent=Count("pk", filter=Q(removed_at__isnull=True, sheet__status=SheetStatus.SUBMITTED)),
                 conflicts=Count("pk", filter=Q(conflict=ConflictAnswer.DECLARED)))}
    rows = [JurorRow(juror, stats.get(juror.pk, {}).get("assigned", 0), stats.get(juror.pk, {}).get("sent", 0),
                     stats.get(juror.pk, {}).get("conflicts", 0)) for juror in jurors]
    counted = Entry.objects.filter(campaign=campaign, status=EntryStatus.ELIGIBLE).annotate(
        jurors=Count("assignments", filter=Q(assignments__panel=Panel.JURY, assignments__removed_at__isnull=True)),
        peers=Count("assignments", filter=Q(assignments__panel=Panel.PEER, assignments__removed_at__isnull=True)),
    ).select_related("innovation").only("pk", "campaign_id", "innovation__title").order_by("pk")
    short, short_peers = [], []
    for entry in counted:
        if entry.jurors < campaign.jurors_per_entry:
            short.append(entry)
        if campaign.has_peer_review and entry.peers < campaign.peers_per_entry:
            short_peers.append(entry)
    return {
        "jurors": rows,
        "invitations": list(JurorInvitation.objects.filter(campaign=campaign, accepted_at__isnull=True)
                            .order_by("-created_at")),
        "conflicts": list(ConflictRecord.objects.filter(campaign=campaign).select_related(
            "entry__innovation", "evaluator").order_by("-recorded_at", "-pk")[:200]),
        "short": short,
        "short_peers": short_peers if CampaignPhase(campaign.phase).order >= CampaignPhase.PEER_REVIEW.order else [],
        "peers": Assignment.objects.filter(campaign=campaign, panel=Panel.PEER, removed_at__isnull=True).aggregate(
            assigned=Count("pk"), sent=Count("pk", filter=Q(sheet__status=SheetStatus.SUBMITTED))),
    }


# --- The explanation (CRPA L311-3-1) -----------------------------------------------------------

@dataclass
class SheetLine:
    criterion: Criterion
    value: int
    comment: str

    @property
    def contribution(self) -> Decimal:
        return Decimal(self.criterion.weight) * Decimal(self.value) / Decimal(self.criterion.scale_max)


@dataclass
class ExplainedSheet:
    label: str
    panel: Panel
    lines: list[SheetLine]
    comment: str
    total: Decimal  # on 20, before normalisation
    normalised: Decimal | None = None

    @property
    def weight_sum(self) -> Decimal:
        return sum((Decimal(line.criterion.weight) for line in self.lines), Decimal(0))

    @property
    def formula(self) -> str:
        """« (3 × 4 / 5 + 2 × 3 / 5 + …) / 10 × 20 = 13,6 » with this sheet's own numbers."""
        terms = " + ".join(f"{number(line.criterion.weight)} × {line.value} / {line.criterion.scale_max}"
                           for line in self.lines)
        return f"({terms}) / {number(self.weight_sum)} × 20 = {number(self.total, fixed=True)}"


def sheet_total(lines: list[SheetLine]) -> Decimal:
    """Σ(weight × value / scale_max) / Σ weight × 20, as reviewing.aggregation computes it."""
    weights = sum((Decimal(line.criterion.weight) for line in lines), Decimal(0))
    if not weights:
        return Decimal(0)
    return (sum((line.contribution for line in lines), Decimal(0)) / weights * 20).quantize(TWO_PLACES)


def _normalised_scores(campaign: Campaign, entry: Entry) -> dict:
    """(panel, evaluator key) -> the sheet's normalised score, computed as the ranking does it
    (the same SQL of reviewing.aggregation, over the whole campaign, read for this entry)."""
    sql, params = scores_sql(campaign)
    query = (f"WITH scores AS ({sql}),{aggregation.SHEETS},{aggregation.NORMALISED} "
             "SELECT panel, evaluator_id, round(score, 2) FROM adjusted WHERE item_id = %s")
    with connection.cursor() as cursor:
        cursor.execute(query, [*params, entry.pk])
        return {(panel, evaluator): value for panel, evaluator, value in cursor.fetchall()}


def explanation(entry: Entry) -> dict:
    campaign = entry.campaign
    criteria = list(campaign.criteria.all())
    shares = dict(zip([c.pk for c in criteria], weight_shares(criteria), strict=True))
    sheets = list(ScoreSheet.objects.filter(
        assignment__entry=entry, assignment__removed_at__isnull=True, status=SheetStatus.SUBMITTED)
        .select_related("assignment").prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("criterion").order_by("criterion__order",
                                                                                           "criterion_id")))
        .order_by("assignment__panel", "submitted_at", "pk"))
    normalised = _normalised_scores(campaign, entry) if campaign.normalise else {}
    explained = []
    numbers = defaultdict(int)
    for sheet in sheets:
        panel = Panel(sheet.assignment.panel)
        numbers[panel] += 1
        lines = [SheetLine(score.criterion, score.value, score.comment) for score in sheet.scores.all()]
        key = sheet.assignment.peer_entry_id if panel == Panel.PEER else sheet.assignment.evaluator_id
        label = (_label_jury(numbers[panel]) if panel == Panel.JURY else _label_peer(numbers[panel]))
        explained.append(ExplainedSheet(label, panel, lines, sheet.comment, sheet_total(lines),
                                        normalised.get((panel.value, key))))
    rankings = campaign_ranking(campaign, category=entry.category)
    rows = rankings[0].rows if rankings else []
    row = next((r for r in rows if r.entry.pk == entry.pk), None)
    return {
        "final_formula": _final_formula(campaign, row),
        "criteria": [(criterion, shares[criterion.pk]) for criterion in criteria],
        "weight_total": sum((Decimal(c.weight) for c in criteria), Decimal(0)),
        "sheets": explained,
        "jury_sheets": [s for s in explained if s.panel == Panel.JURY],
        "peer_sheets": [s for s in explained if s.panel == Panel.PEER],
        "row": row,
        "ranked_count": sum(1 for r in rows if r.rank is not None),
        "weights": panel_weights(campaign),
        "by_median": campaign.aggregation == Aggregation.MEDIAN,
        "example": explained[0] if explained else None,
    }


def _final_formula(campaign: Campaign, row: RankingRow | None) -> str:
    """« 70 % × 16,8 + 30 % × 16 = 16,56 » with the entry's own panel scores (weighted mean mode)."""
    if row is None or row.item is None or campaign.aggregation == Aggregation.MEDIAN:
        return ""
    weights = panel_weights(campaign)
    present = [(panel, weight) for panel, weight in weights.items() if panel in row.item.panels and weight > 0]
    if not present:
        return ""
    total = sum((weight for _panel, weight in present), Decimal(0))
    terms = " + ".join(f"{number((weight / total * 100).quantize(Decimal('0.1')))}\u00a0% × "
                       f"{number(row.item.panels[panel].mean, fixed=True)}" for panel, weight in present)
    return f"{terms} = {number(row.score, fixed=True)}"


def _label_jury(position: int) -> str:
    return gettext("Membre du jury n° %(number)s") % {"number": position}


def _label_peer(position: int) -> str:
    return gettext("Équipe paire n° %(number)s") % {"number": position}


def pending_evaluations(user) -> list[dict]:
    """[{slug, title, count}]: per campaign in its panel's phase, the sheets this person (as a
    juror, or for their team) has not sent yet."""
    from evaluations.enums import CampaignPhase

    if not user.is_authenticated:
        return []
    return list(
        Assignment.objects.filter(removed_at__isnull=True, sheet__status=SheetStatus.DRAFT,
                                  entry__status=EntryStatus.ELIGIBLE)
        .exclude(conflict=ConflictAnswer.DECLARED)
        .filter(Q(panel=Panel.JURY, evaluator=user, campaign__phase=CampaignPhase.JURY)
                | Q(panel=Panel.PEER, peer_entry__innovation__members__user=user,
                    peer_entry__status=EntryStatus.ELIGIBLE, campaign__phase=CampaignPhase.PEER_REVIEW))
        .values("campaign__slug", "campaign__title").annotate(count=Count("pk", distinct=True))
        .order_by("campaign__title"))
