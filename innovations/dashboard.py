"""What « Mon espace » shows of the catalogue: what needs the user now, then their innovations
and declarations. Each part is one bounded query, whatever the number of rows."""

from datetime import timedelta

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from essaimage.selectors import audit_entries_of
from innovations.enums import ACTIVE_REPLICATION, ModerationAction, Status
from innovations.models import Innovation, Replication, TeamMember

RECENT_DAYS = 30
SHOWN = 10  # rows per list; the full lists are on « Mes innovations » and the moderation queue

def _latest_change_request(field: str):
    """The newest « request changes » entry of the audit trail for the outer innovation."""
    entries = audit_entries_of(Innovation).filter(
        object_id=OuterRef("pk"), action=ModerationAction.REQUEST_CHANGES,
    ).order_by("-created_at", "-id")
    return Subquery(entries.values(field)[:1])


def sheets_to_correct(user) -> list[Innovation]:
    """The user's sheets sent back by the moderation, each with the moderator's newest message."""
    return list(
        Innovation.objects.filter(members__user=user, status=Status.CHANGES_REQUESTED)
        .annotate(moderator_message=_latest_change_request("message"),
                  changes_requested_at=_latest_change_request("created_at"))
        .order_by("-updated_at", "-pk")[:SHOWN]
    )


def moderation_waiting() -> dict:
    """For a moderator: how many sheets await moderation, and the oldest ones."""
    waiting = Innovation.objects.filter(status=Status.SUBMITTED)
    return {
        "count": waiting.count(),
        "oldest": list(waiting.select_related("organisation").order_by("submitted_at", "updated_at", "pk")[:5]),
    }


def declarations_received(user, days: int = RECENT_DAYS) -> list[Replication]:
    """Replications declared on the user's innovations in the last `days` days, newest first."""
    since = timezone.now() - timedelta(days=days)
    return list(
        Replication.objects.filter(innovation__members__user=user, created_at__gte=since)
        .select_related("innovation", "organisation", "territory", "declared_by")
        .order_by("-created_at", "-pk")[:SHOWN]
    )


def my_innovations(user) -> dict:
    innovations = list(
        Innovation.objects.filter(members__user=user)
        .annotate(active_replications=Count("replications", filter=Q(replications__status__in=ACTIVE_REPLICATION)))
        .prefetch_related(Prefetch("members", queryset=TeamMember.objects.only("innovation_id", "user_id")))
        .order_by("-updated_at", "-pk")[:SHOWN + 1]
    )
    return {"rows": innovations[:SHOWN], "more": len(innovations) > SHOWN}


def my_declarations(user) -> dict:
    declarations = list(
        Replication.objects.filter(declared_by=user)
        .select_related("innovation", "organisation", "territory")
        .order_by("-created_at", "-pk")[:SHOWN + 1]
    )
    return {"rows": declarations[:SHOWN], "more": len(declarations) > SHOWN}

