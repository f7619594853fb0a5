"""Reads of reviews, decisions and follow-up, each with a bounded number of queries: the
reviewer's queue, an application's scores, a call's ranking (one query, `reviewing.aggregation`),
the dashboards of a call and of a programme, the open data of conventions."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from grants.enums import CONVENTION_THRESHOLD, ApplicationStatus, GrantStatus
from grants.models import (
    Application, Call, CallCriterion, Decision, Grant, Milestone, ReviewAssignment, ReviewScore, ReviewSheet,
    TrancheRelease,
)
from reviewing.aggregation import RankedItem, ranking
from reviewing.enums import ConflictAnswer, Opinion, SheetStatus

ZERO = Decimal("0.00")


# --- Reviewer -----------------------------------------------------------------------------

def reviewer_queue(user):
    """The evaluator's files still assigned (a declared conflict or a removal takes them away),
    with their call, innovation and sheet: one query."""
    return (ReviewAssignment.objects.filter(evaluator=user, removed_at__isnull=True)
            .exclude(conflict=ConflictAnswer.DECLARED)
            .select_related("application__call", "application__innovation", "sheet")
            .order_by("application__call__closes_at", "application__reference"))


def assignment_for_reviewer_queryset():
    return ReviewAssignment.objects.select_related(
        "application__call__programme", "application__innovation", "application__organisation").prefetch_related(
        "application__milestones", "application__budget_lines", "application__fundings",
        "application__target_territories")


# --- Scores -------------------------------------------------------------------------------

def _scores_sql(where: str) -> str:
    score, sheet, assignment, criterion, application = (
        ReviewScore._meta.db_table, ReviewSheet._meta.db_table, ReviewAssignment._meta.db_table,
        CallCriterion._meta.db_table, Application._meta.db_table)
    return f"""
        SELECT a.application_id AS item_id, a.evaluator_id AS evaluator_id, 'review' AS panel,
               s.criterion_id AS criterion_id, c.weight AS weight, c.scale_max AS scale_max, s.value AS value
        FROM {score} s
        JOIN {sheet} sh ON sh.id = s.sheet_id
        JOIN {assignment} a ON a.id = sh.assignment_id
        JOIN {criterion} c ON c.id = s.criterion_id
        JOIN {application} ap ON ap.id = a.application_id
        WHERE sh.status = '{SheetStatus.SUBMITTED.value}' AND a.removed_at IS NULL AND {where}"""


def call_scores(call: Call) -> list[RankedItem]:
    """The ranking of the call's reviewed applications: one query."""
    return ranking(_scores_sql("ap.call_id = %s"), [call.pk])


def application_score(application: Application) -> RankedItem | None:
    items = ranking(_scores_sql("ap.id = %s"), [application.pk])
    return items[0] if items else None


def opinions_by_application(application_ids) -> dict[int, dict[str, int]]:
    """application id -> {opinion: count} over the sent sheets: one query."""
    result: dict[int, dict[str, int]] = {}
    rows = (ReviewSheet.objects.filter(assignment__application_id__in=application_ids, status=SheetStatus.SUBMITTED,
                                       assignment__removed_at__isnull=True)
            .values_list("assignment__application_id", "opinion").annotate(n=Count("id")))
    for application_id, opinion, count in rows:
        result.setdefault(application_id, {})[opinion] = count
    return result


@dataclass
class OpinionCount:
    opinion: Opinion
    count: int


def opinion_list(counts: dict[str, int]) -> list[OpinionCount]:
    return [OpinionCount(opinion, counts.get(opinion.value, 0)) for opinion in Opinion if counts.get(opinion.value)]


@dataclass
class RankingLine:
    application: Application
    score: RankedItem | None
    opinions: list[OpinionCount]
    cumulative: Decimal  # requested amounts from the first line to this one
    within_envelope: bool
    left_after: Decimal


def call_ranking(call: Call) -> list[RankingLine]:
    """Every reviewable or decided application of the call, best score first (unscored last),
    with the envelope consumed line by line if the applications above were accepted: a granted
    application counts for its amount granted, a pending one for the amount it asks, a refused
    or dismissed one for nothing. Three queries: the ranking, the applications (with their
    grant), the opinions."""
    scores = {item.item_id: item for item in call_scores(call)}
    applications = list(Application.objects.filter(call=call)
                        .exclude(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN])
                        .select_related("innovation", "organisation", "grant")
                        .only("pk", "call_id", "reference", "status", "amount_requested", "innovation__title",
                              "innovation__slug", "organisation__name", "grant__amount_granted"))
    opinions = opinions_by_application([a.pk for a in applications])
    order = {item_id: index for index, item_id in enumerate(scores)}
    applications.sort(key=lambda a: (order.get(a.pk, len(order)), a.reference))
    lines, cumulative = [], ZERO
    for application in applications:
        grant = getattr(application, "grant", None)
        if grant is not None:
            cumulative += grant.amount_granted
        elif application.state.is_pending:
            cumulative += application.amount_requested or ZERO
        lines.append(RankingLine(application, scores.get(application.pk),
                                 opinion_list(opinions.get(application.pk, {})),
                                 cumulative, cumulative <= call.envelope, call.envelope - cumulative))
    return lines


def application_review_summary(application: Application) -> dict:
    """For the instructeur: the assignments with their sheets and scores, the weighted score,
    spread, count and opinions. Bounded: 4 queries."""
    assignments = list(ReviewAssignment.objects.filter(application=application)
                       .select_related("evaluator__organisation", "sheet")
                       .prefetch_related(Prefetch("sheet__scores", queryset=ReviewScore.objects.select_related(
                           "criterion").order_by("criterion__order", "criterion_id")))
                       .order_by("created_at", "pk"))
    sent = [a for a in assignments if a.removed_at is None and getattr(a, "sheet", None) is not None
            and a.sheet.status == SheetStatus.SUBMITTED]
    counts: dict[str, int] = {}
    for assignment in sent:
        counts[assignment.sheet.opinion] = counts.get(assignment.sheet.opinion, 0) + 1
    return {"assignments": assignments, "score": application_score(application), "opinions": opinion_list(counts),
            "sent": len(sent), "active": sum(1 for a in assignments if a.removed_at is None)}


# --- Envelope and dashboards --------------------------------------------------------------

def _median_days(queryset) -> Decimal | None:
    """The median number of days from submission to decision: one query."""
    sql, params = queryset.filter(submitted_at__isnull=False, decided_at__isnull=False).values(
        "decided_at", "submitted_at").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (d.decided_at - d.submitted_at))) "
            f"FROM ({sql}) d", params)
        seconds = cursor.fetchone()[0]
    if seconds is None:
        return None
    return (Decimal(seconds) / Decimal(86400)).quantize(Decimal("0.1"))


def median_days_to_decision(call: Call) -> Decimal | None:
    """Median time to decision of a call, in days (for the public call page too): one query."""
    return _median_days(Application.objects.filter(call=call))


@dataclass
class Envelope:
    total: Decimal
    committed: Decimal
    released: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.total - self.committed

    @property
    def committed_percent(self) -> int:
        return int(self.committed * 100 / self.total) if self.total else 0


@dataclass
class Dashboard:
    by_status: list = field(default_factory=list)  # (ApplicationStatus, count)
    envelope: Envelope | None = None
    median_days: Decimal | None = None
    reviewers: list = field(default_factory=list)  # dicts: evaluator, assigned, sent, pending_conflict
    reports_due: list = field(default_factory=list)  # grants with a report due
    applications: int = 0


def _dashboard(applications, total: Decimal, scope: dict) -> Dashboard:
    """`applications`: the call's or programme's; `scope`: the same filter as seen from an
    application (`{"call": call}`), used through joins rather than `IN (subquery)`."""
    board = Dashboard()
    prefixed = {f"application__{key}": value for key, value in scope.items()}
    # A draft is its team's own: the instructeurs count deposited applications only.
    counts = dict(applications.exclude(status=ApplicationStatus.DRAFT).values_list("status")
                  .annotate(n=Count("id")).order_by())
    board.by_status = [(status, counts.get(status.value, 0)) for status in ApplicationStatus
                       if status != ApplicationStatus.DRAFT]
    board.applications = sum(counts.values())
    grants = Grant.objects.filter(**prefixed)
    committed = grants.aggregate(total=Sum("amount_granted"))["total"] or ZERO
    released = TrancheRelease.objects.filter(**{f"grant__{key}": value for key, value in prefixed.items()}).aggregate(
        total=Sum("amount"))["total"] or ZERO
    board.envelope = Envelope(total or ZERO, committed, released)
    board.median_days = _median_days(applications)
    board.reviewers = list(
        ReviewAssignment.objects.filter(removed_at__isnull=True, **prefixed)
        .values("evaluator_id", "evaluator__first_name", "evaluator__last_name")
        .annotate(assigned=Count("id"),
                  sent=Count("id", filter=Q(sheet__status=SheetStatus.SUBMITTED)),
                  pending=Count("id", filter=Q(conflict=ConflictAnswer.PENDING)))
        .order_by("evaluator__last_name", "evaluator__first_name", "evaluator_id"))
    board.reports_due = list(grants.filter(financial_report_submitted_at__isnull=True,
                                           financial_report_due__isnull=False)
                             .select_related("application__innovation")
                             .only("pk", "financial_report_due", "application__reference",
                                   "application__innovation__title")
                             .order_by("financial_report_due")[:50])
    return board


def call_dashboard(call: Call) -> Dashboard:
    return _dashboard(Application.objects.filter(call=call), call.envelope, {"call": call})


def programme_dashboard(programme) -> Dashboard:
    return _dashboard(Application.objects.filter(call__programme=programme), programme.total_envelope,
                      {"call__programme": programme})


# --- Grants -------------------------------------------------------------------------------

def grant_page_queryset():
    return Grant.objects.select_related(
        "application__call__programme__funder", "application__innovation", "application__organisation",
        "convention_signed_by").prefetch_related(
        Prefetch("application__milestones", queryset=Milestone.objects.select_related(
            "replication__territory", "replication__organisation").order_by("due_date", "pk")),
        "application__budget_lines", "hearings", "releases")


def overdue_reports(innovation_id: int):
    """The team's grants whose compte rendu financier is late (flagged on its next application)."""
    return Grant.objects.filter(application__innovation_id=innovation_id, financial_report_submitted_at__isnull=True,
                                financial_report_due__lt=timezone.localdate())


def open_data_grants():
    """Conventions above 23,000 € signed: the SCDL rows, one query + the milestones."""
    return (Grant.objects.filter(convention_required=True, convention_signed_at__isnull=False,
                                 initial_amount__gt=CONVENTION_THRESHOLD)
            .exclude(status=GrantStatus.WITHDRAWN)
            .select_related("application__call__programme__funder", "application__organisation",
                            "application__innovation")
            .prefetch_related(Prefetch("application__milestones", queryset=Milestone.objects.only(
                "pk", "application_id", "due_date")))
            .order_by("convention_signed_at", "pk"))


def decisions_of_call(call: Call):
    return (Decision.objects.filter(application__call=call)
            .select_related("application__innovation", "application__organisation", "decided_by")
            .order_by("decided_at", "pk"))




def call_envelope(call: Call) -> Envelope:
    """The call's envelope: committed (granted), released (tranches paid): two queries."""
    committed = Grant.objects.filter(application__call=call).aggregate(total=Sum("amount_granted"))["total"] or ZERO
    released = TrancheRelease.objects.filter(grant__application__call=call).aggregate(
        total=Sum("amount"))["total"] or ZERO
    return Envelope(call.envelope, committed, released)


def reviewer_todo(user) -> dict:
    """« Mon espace » of an evaluator: how many files wait for their conflict answer or sheet (one query)."""
    counts = (ReviewAssignment.objects.filter(evaluator=user, removed_at__isnull=True)
              .exclude(conflict=ConflictAnswer.DECLARED)
              .aggregate(pending=Count("id", filter=Q(conflict=ConflictAnswer.PENDING)),
                         to_score=Count("id", filter=Q(conflict=ConflictAnswer.NONE)
                                        & (Q(sheet__isnull=True) | ~Q(sheet__status=SheetStatus.SUBMITTED)))))
    return {"pending": counts["pending"], "to_score": counts["to_score"],
            "count": counts["pending"] + counts["to_score"]}
