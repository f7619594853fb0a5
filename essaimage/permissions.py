"""The one way a view fetches an object and checks a permission on it, and the one way a
service refuses an action. An object one may not see, or may not act on, answers 404 (its
existence is not revealed); the rules themselves live in each app's `rules.py`."""

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404


def get_object_for(user, perm: str | None, queryset: QuerySet | type[Model], **lookup):
    """The object of `queryset` matching `lookup` if `user` has `perm` on it; else Http404,
    whether it is missing or forbidden. `perm=None`: the queryset alone decides (use it only
    for querysets already narrowed to what the user may see)."""
    if isinstance(queryset, type) and issubclass(queryset, Model):
        queryset = queryset._default_manager.all()
    try:
        obj = queryset.get(**lookup)
    except (queryset.model.DoesNotExist, queryset.model.MultipleObjectsReturned, ValueError, TypeError):
        raise Http404 from None
    if perm is not None and not user.has_perm(perm, obj):
        raise Http404
    return obj


def require_perm(user, perm: str, obj=None) -> None:
    """For services: refuse (PermissionDenied) unless `user` has `perm` on `obj`."""
    if user is None or not user.has_perm(perm, obj):
        raise PermissionDenied
