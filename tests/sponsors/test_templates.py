"""The sponsors' templates never compare status strings (they read the enums' helpers and the
allowed actions), like the grep of tests/test_templates.py for the other apps."""

import re
from pathlib import Path

from sponsors.enums import Outcome, ProfileStatus, RequestStatus, SponsorshipStatus

ROOT = Path(__file__).resolve().parents[2] / "sponsors" / "templates"
VALUES = "|".join(sorted({*ProfileStatus.values, *RequestStatus.values, *SponsorshipStatus.values, *Outcome.values}))
LITERAL = rf"""["'](?:{VALUES})["']"""
COMPARISONS = [re.compile(rf"(?:==|!=|\bin)\s*{LITERAL}"), re.compile(rf"{LITERAL}\s*(?:==|!=|\bin\b)"),
               re.compile(r"\.(?:status|outcome)\s*(?:==|!=)")]


def test_no_template_compares_a_status_string():
    offences = [f"{path.name}:{number}" for path in ROOT.rglob("*.html")
                for number, line in enumerate(path.read_text().splitlines(), 1)
                if any(pattern.search(line) for pattern in COMPARISONS)]
    assert offences == []
    assert any(pattern.search('{% if req.status == "en_attente" %}') for pattern in COMPARISONS)
