"""What would reveal an entering team in an anonymised campaign: the team members' names, the
organisation's name, the commune. The entry form warns (without blocking) when an answer
contains one of them, accents and case aside; part 2's anonymity tests search pages and e-mails
for the same terms."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from essaimage.enums import TerritoryLevel
from essaimage.models import User, fold
from innovations.models import Innovation

MIN_TERM_LENGTH = 3  # « Le », « Li » would match everywhere


@dataclass(frozen=True)
class Term:
    kind: str  # what it is, in words (« le nom d’un membre de l’équipe »…)
    text: str  # as written on the site

    @property
    def folded(self) -> str:
        return fold(self.text)


def identifying_terms(innovation: Innovation) -> list[Term]:
    """The words that identify the team of `innovation` (3 queries at most)."""
    terms = []
    member = _("le nom d’un membre de l’équipe")
    for user in User.objects.filter(innovation_memberships__innovation=innovation).only("first_name", "last_name"):
        if user.full_name:
            terms.append(Term(member, user.full_name))
        if user.last_name:
            terms.append(Term(member, user.last_name))
    organisation = innovation.organisation
    if organisation is not None:
        terms.append(Term(_("le nom de l’organisation"), organisation.name))
    communes = {innovation.territory} if innovation.territory_id else set()
    if organisation is not None and organisation.territory_id:
        communes.add(organisation.territory)
    for territory in communes:
        if territory.level == TerritoryLevel.COMMUNE:
            terms.append(Term(_("la commune"), territory.name))
    seen, unique = set(), []
    for term in terms:
        if len(term.folded) >= MIN_TERM_LENGTH and term.folded not in seen:
            seen.add(term.folded)
            unique.append(term)
    return unique


def found_terms(text: str, terms: list[Term]) -> list[Term]:
    """The terms `text` contains as whole words, accents, case, hyphens and apostrophes aside."""
    folded = f" {fold(text)} "
    found = []
    for term in terms:
        if re.search(rf"(?<![0-9a-z]){re.escape(term.folded)}(?![0-9a-z])", folded):
            found.append(term)
    return found


def answer_warnings(answers: dict, terms: list[Term]) -> dict:
    """{key: [terms found]} for each answer (any key: question id, field name) that contains a term."""
    warnings = {}
    for key, text in answers.items():
        found = found_terms(text or "", terms)
        if found:
            warnings[key] = found
    return warnings
