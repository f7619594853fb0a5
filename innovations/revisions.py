"""Comparison of a version of an innovation with the one before it, word by word."""

import difflib
import re
from dataclasses import dataclass

from django.db.models import Q

from innovations.enums import Stage
from innovations.models import Innovation, Revision
from innovations.services import REVISION_FIELDS

FIELDS = [*REVISION_FIELDS, "themes", "territory", "organisation"]  # in the order of the form

TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: str
    after: str
    segments: list[tuple[str, str]]  # ("equal" | "delete" | "insert", text)


def _text(name, value) -> str:
    if name == "stage" and value in Stage.values:
        return str(Stage(value).label)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The texts as runs of kept, removed and added words (whitespace kept as typed)."""
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op in ("equal", "delete", "replace") and i2 > i1:
            segments.append(("equal" if op == "equal" else "delete", "".join(old[i1:i2])))
        if op in ("insert", "replace") and j2 > j1:
            segments.append(("insert", "".join(new[j1:j2])))
    return segments


def comparison(innovation: Innovation, revision_id: int) -> tuple[Revision, Revision | None, list[FieldChange]]:
    """A version of this innovation (Revision.DoesNotExist if it belongs to another), the version
    before it, and each field that differs between them."""
    revision = innovation.revisions.select_related("author").get(pk=revision_id)
    earlier = Q(created_at__lt=revision.created_at) | Q(created_at=revision.created_at, id__lt=revision.pk)
    previous = innovation.revisions.filter(earlier).order_by("-created_at", "-id").first()
    before_data = previous.data if previous else {}
    changes = []
    for name in FIELDS:
        before, after = _text(name, before_data.get(name)), _text(name, revision.data.get(name))
        if before != after:
            changes.append(FieldChange(name, before, after, word_diff(before, after)))
    return revision, previous, changes
