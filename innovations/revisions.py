"""Comparison of a version of an innovation with the one before it, word by word.

The word diff is bounded: texts are first compared sentence by sentence (lines count as
sentences), then word by word only inside the blocks of sentences that changed, as long as
the work stays under a budget; a block past it shows as removed then added. At the largest
text the form accepts, a comparison stays well under a second."""

import difflib
import re
from dataclasses import dataclass

from django.db.models import Q

from innovations.enums import Stage
from innovations.models import BusinessModel, Innovation, Revision
from innovations.services import REVISION_FIELDS

# In the order of the form.
FIELDS = [*REVISION_FIELDS, "themes", "territory", "organisation", "coauthors", *BusinessModel.TEXT_PARTS, "funding"]

# A sentence or a line, with the spaces after it: the pieces add up to the text.
SENTENCES = re.compile(r"[^.!?…\n]*(?:[.!?…]+[»\")\]]*|\n|$)\s*")
# A word with the spaces after it (or leading spaces).
WORDS = re.compile(r"\s+|\S+\s*")

# Work allowed for word-level matching, counted as (words before) × (words after) of each
# block compared: a block is compared word by word only if it fits in BLOCK_CAP, and all
# the blocks of a comparison (one DiffWork) together in TEXT_BUDGET.
BLOCK_CAP = 250_000
TEXT_BUDGET = 600_000
# Sentences compared one to one per text (after the common start and end): ~20 times what a
# 20,000-character text of real prose holds, a bound for texts of many tiny "sentences".
SENTENCE_CAP = 360_000
# Sentence pairs matched for a whole comparison (all the fields of a version together).
SENTENCE_BUDGET = 300_000


@dataclass
class DiffWork:
    """How much matching a comparison did (the tests bound it, instead of timing it)."""

    sentence_pairs: int = 0  # sum of (sentences before × sentences after) over texts matched
    word_pairs: int = 0  # sum of (words before × words after) over blocks compared word by word
    blocks_too_large: int = 0  # blocks shown as removed then added, past a cap or the budget


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


def split_sentences(text: str) -> list[str]:
    return [piece for piece in SENTENCES.findall(text) if piece]


def _add(segments: list, op: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1][0] == op:
        segments[-1] = (op, segments[-1][1] + text)
    else:
        segments.append((op, text))


def _common_ends(old: list[str], new: list[str]) -> tuple[int, int]:
    """How many items both lists start with, and then end with (linear)."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def _common_start(a: str, b: str) -> int:
    """Length of the longest common start of two texts (binary search on C-level compares)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _space_before_end(text: str, end: int) -> bool:
    """Whether the last `end` characters of the text start a word."""
    index = len(text) - end - 1
    return index < 0 or text[index].isspace()


def _words(before: str, after: str, segments: list, work: DiffWork) -> None:
    """Word-level diff of one changed block, if the budget allows; else removed then added."""
    # Keep the words both start and end with (cut at a space, so that words stay whole).
    start = _common_start(before, after)
    while start and not (before[start - 1].isspace() or start in (len(before), len(after))):
        start -= 1
    end = _common_start(before[start:][::-1], after[start:][::-1])
    while end and not (_space_before_end(before, end) and _space_before_end(after, end)):
        end -= 1
    _add(segments, "equal", before[:start])
    tail = before[len(before) - end:] if end else ""
    before, after = before[start:len(before) - end], after[start:len(after) - end]
    estimate = (len(before.split()) + 1) * (len(after.split()) + 1)  # cheap, before tokenising
    if estimate > BLOCK_CAP or work.word_pairs + estimate > TEXT_BUDGET:
        work.blocks_too_large += 1
        _add(segments, "delete", before)
        _add(segments, "insert", after)
    else:
        old, new = WORDS.findall(before), WORDS.findall(after)
        work.word_pairs += len(old) * len(new)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op == "equal":
                _add(segments, "equal", "".join(old[i1:i2]))
            else:
                _add(segments, "delete", "".join(old[i1:i2]))
                _add(segments, "insert", "".join(new[j1:j2]))
    _add(segments, "equal", tail)


def word_diff(before: str, after: str, work: DiffWork | None = None) -> list[tuple[str, str]]:
    """The texts as runs of kept, removed and added words (whitespace kept as typed)."""
    work = work if work is not None else DiffWork()
    old, new = split_sentences(before), split_sentences(after)
    prefix, suffix = _common_ends(old, new)
    segments: list[tuple[str, str]] = []
    _add(segments, "equal", "".join(old[:prefix]))
    tail = "".join(old[len(old) - suffix:])
    old, new = old[prefix:len(old) - suffix], new[prefix:len(new) - suffix]
    pairs = len(old) * len(new)
    if pairs > SENTENCE_CAP or work.sentence_pairs + pairs > SENTENCE_BUDGET:
        opcodes = [("replace", 0, len(old), 0, len(new))]  # then bounded by the word budget
    else:
        work.sentence_pairs += pairs
        # Sentences are nearly all distinct, so this pass is about linear; autojunk drops a
        # sentence repeated so often that it would make it quadratic.
        opcodes = difflib.SequenceMatcher(None, old, new).get_opcodes()
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            _add(segments, "equal", "".join(old[i1:i2]))
        else:
            _words("".join(old[i1:i2]), "".join(new[j1:j2]), segments, work)
    _add(segments, "equal", tail)
    return segments


def comparison(innovation: Innovation, revision_id: int, work: DiffWork | None = None,
               ) -> tuple[Revision, Revision | None, list[FieldChange]]:
    """A version of this innovation (Revision.DoesNotExist if it belongs to another), the version
    before it, and each field that differs between them."""
    revision = innovation.revisions.select_related("author").get(pk=revision_id)
    earlier = Q(created_at__lt=revision.created_at) | Q(created_at=revision.created_at, id__lt=revision.pk)
    previous = innovation.revisions.filter(earlier).order_by("-created_at", "-id").first()
    before_data = previous.data if previous else {}
    work = work if work is not None else DiffWork()
    changes = []
    for name in FIELDS:
        if previous is not None and name not in before_data:
            continue  # a part older versions did not record: unknown, not changed
        if name not in revision.data:
            continue
        before, after = _text(name, before_data.get(name)), _text(name, revision.data.get(name))
        if before != after:
            changes.append(FieldChange(name, before, after, word_diff(before, after, work)))
    return revision, previous, changes
