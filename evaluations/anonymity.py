"""What a juror or a peer may read of an entry in an anonymised campaign.

Nothing that names the team, its organisation or its territory is rendered for an evaluator:
the pages built for them (`scoring_views`) show no name, organisation, place, attachment or link
to the public sheet, and every text of the entry they do show (title, texts, answers) goes through
`Redactor.redact`, which masks, accent- and case-insensitively, the team members' names, the
organisation's name and the names of the commune, département and région (« [masqué] »).
The teams are told to leave them out of their answers (part 1's entry form warns); this is the
safety net for what slips through. E-mails to evaluators carry no detail of any entry."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

MIN_TERM_LENGTH = 3  # shorter words (« Li », « Oô ») would mask too much


def fold(text: str) -> str:
    """Lower case without accents (« Évry » → « evry »); one output character per input one
    at most (combining marks are dropped), so that positions can be mapped back."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).casefold()


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original one."""
    out, positions = [], []
    for index, char in enumerate(text):
        for folded in fold(char):
            out.append(folded)
            positions.append(index)
    return "".join(out), positions


def identifying_terms(entry) -> list[str]:
    """The strings that identify an entry's team: members' full and last names, the organisation's
    name (the entry's and the innovation's), the innovation's commune, département and région,
    and the organisation's territory."""
    innovation = entry.innovation
    terms: list[str] = []
    for member in innovation.members.all():
        user = member.user
        terms += [user.full_name, user.last_name, user.first_name]
    for organisation in (entry.organisation, innovation.organisation):
        if organisation is not None:
            terms.append(organisation.name)
            if getattr(organisation, "territory", None) is not None:
                terms.append(organisation.territory.name)
    for territory in (innovation.territory, innovation.departement, innovation.region):
        if territory is not None:
            terms.append(territory.name)
    seen, result = set(), []
    for term in terms:
        term = " ".join((term or "").split())
        key = fold(term)
        if len(key) >= MIN_TERM_LENGTH and key not in seen:
            seen.add(key)
            result.append(term)
    return result


@dataclass
class Redactor:
    terms: list[str]
    active: bool = True

    def __post_init__(self):
        folded = sorted({fold(term) for term in self.terms}, key=len, reverse=True)
        self.pattern = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(term) for term in folded) + r")(?!\w)")
                        if folded and self.active else None)

    def redact(self, text) -> str:
        text = "" if text is None else str(text)
        if self.pattern is None or not text:
            return text
        folded, positions = _folded_with_positions(text)
        pieces, last = [], 0
        for match in self.pattern.finditer(folded):
            start = positions[match.start()]
            end = positions[match.end() - 1] + 1
            if start < last:
                continue
            pieces += [text[last:start], MASK()]
            last = end
        pieces.append(text[last:])
        return "".join(pieces)


def MASK() -> str:
    return _("[masqué]")


def redactor_for(entry) -> Redactor:
    """The redactor of an entry as its evaluators see it (a no-op when the campaign is not anonymised)."""
    return Redactor(identifying_terms(entry) if entry.campaign.anonymised else [], active=entry.campaign.anonymised)
