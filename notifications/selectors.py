"""Reads of notices, follows and preferences, each in a bounded number of queries."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from notifications import registry
from notifications.enums import Frequency
from notifications.models import Follow, Notice, NoticePreference


def unread_count(user) -> int:
    """The bell's figure: one query (zero, and none, for an anonymous visitor)."""
    if not user.is_authenticated:
        return 0
    return Notice.objects.filter(recipient=user, read_at__isnull=True).count()


def notices_for(user) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=user).order_by("-created_at", "-id")


def follows_for(user) -> QuerySet[Follow]:
    """What the person follows, with each object (one more query per kind of object)."""
    models = registry.followable_models()
    types = ContentType.objects.get_for_models(*models).values() if models else []
    return (Follow.objects.filter(user=user, content_type__in=list(types))
            .select_related("content_type").prefetch_related("target").order_by("-created_at", "-id"))


def is_following(user, obj) -> bool:
    if not user.is_authenticated:
        return False
    return Follow.objects.filter(user=user, content_type=ContentType.objects.get_for_model(obj),
                                 object_id=obj.pk).exists()


def frequencies_for(user) -> dict[str, str]:
    """Every registered kind → the person's frequency (immediately when never chosen)."""
    chosen = dict(NoticePreference.objects.filter(user=user).values_list("kind", "frequency"))
    return {kind.code: chosen.get(kind.code, Frequency.IMMEDIATE) for kind in registry.email_kinds()}
