"""Templates never compare status strings: they ask `has_perm`, read the allowed actions, or
the enum's display helpers (`innovation.state.badge_class`, `.is_public`...)."""

import re
from pathlib import Path

from contact.enums import ContactKind
from evaluations.enums import CampaignPhase, EntryStatus
from innovations.enums import ReplicationStatus, Status

ROOT = Path(__file__).resolve().parents[1]
STATE_VALUES = "|".join(sorted({*Status.values, *ReplicationStatus.values, *CampaignPhase.values,
                                *EntryStatus.values}))
LITERAL = rf"""["'](?:{STATE_VALUES})["']"""
COMPARISONS = [
    re.compile(rf"(?:==|!=|\bin)\s*{LITERAL}"),        # x == "published", x in "draft"
    re.compile(rf"{LITERAL}\s*(?:==|!=|\bin\b)"),      # "published" == x
    re.compile(r"\.(?:status|phase)\s*(?:==|!=)"),     # innovation.status == anything
]


def templates():
    for folder in ("templates", "innovations/templates", "essaimage/templates", "contact/templates",
                   "evaluations/templates"):
        yield from (ROOT / folder).rglob("*.html")


def test_no_template_compares_a_status_string():
    offences = []
    for path in templates():
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if any(pattern.search(line) for pattern in COMPARISONS):
                offences.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:120]}")
    assert offences == []


def test_the_grep_catches_a_comparison():
    for line in ['{% if innovation.status == "published" %}', "{% if 'draft' != s %}", "{% if status == 'en_cours' %}"]:
        assert any(pattern.search(line) for pattern in COMPARISONS), line
    assert not any(pattern.search(line) for pattern in COMPARISONS
                   for line in ['{% if innovation.state.is_public %}', '<p role="status">'])


def test_every_status_has_a_badge_and_a_label():
    for status in [*Status, *ReplicationStatus, *CampaignPhase, *EntryStatus]:
        assert isinstance(status.badge_class, str) and str(status.label)
    assert ContactKind.values  # the contact app has kinds, no status: no transition table
