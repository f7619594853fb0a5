"""The article before an organisation's name, so that messages read as French:
« le Département des Landes déclare… », « l’Agence nationale… », « la Mairie de Roubaix ».

The gender comes from the first word of the name (the kind of body it names); a name that is a
proper noun (« Emmaüs Connect », « Brest métropole ») takes no article, except associations and
companies, introduced by what they are (« l’association Emmaüs Connect »).
"""

import re
import unicodedata

FEMININE = {
    "académie", "administration", "agence", "association", "autorité", "caisse", "chambre", "collectivité",
    "commission", "communauté", "commune", "compagnie", "coopérative", "cour", "délégation", "direction",
    "division", "école", "entreprise", "épicerie", "fabrique", "fédération", "fondation", "inspection", "ligue",
    "maison", "mairie", "métropole", "mission", "mutuelle", "plateforme", "préfecture", "recyclerie",
    "régie", "région", "ressourcerie", "société", "sous-préfecture", "structure", "union", "université",
    "ville",
}
MASCULINE = {
    "atelier", "bureau", "cabinet", "campus", "ccas", "centre", "chu", "cias", "club", "collectif", "collège",
    "comité", "commissariat", "conseil", "conservatoire", "crous", "département", "espace", "établissement",
    "fonds", "foyer", "gip", "groupement", "haut-commissariat", "hôpital", "incubateur", "institut",
    "laboratoire", "lycée", "ministère", "musée", "observatoire", "office", "parc", "pays", "pôle", "rectorat",
    "réseau", "sdis", "secrétariat", "service", "syndicat", "territoire", "théâtre", "tiers-lieu", "tribunal",
}
H_ASPIRE = {"haut-commissariat"}  # no elision: « le Haut-Commissariat »
EXISTING_ARTICLE = re.compile(r"^(le|la|les|l['’])(\s|(?<=['’]))", re.IGNORECASE)
# Kinds (essaimage.enums.OrganisationKind) whose proper names are introduced by a common noun.
KIND_NOUNS = {"association": "l’association", "entreprise_ess": "l’entreprise"}


def _starts_with_vowel_sound(word: str) -> bool:
    if word in H_ASPIRE:
        return False
    plain = unicodedata.normalize("NFKD", word)[:1].lower()
    return plain in "aeiouyh"


def with_article(name: str, kind: str = "") -> str:
    """« Département des Landes » → « le Département des Landes » (lower case: use capfirst
    at the start of a sentence); a name already starting with an article is left as it is."""
    name = " ".join((name or "").split())
    if not name or EXISTING_ARTICLE.match(name):
        return name
    first = re.split(r"[\s,(]", name, maxsplit=1)[0].lower()
    if first in FEMININE or first in MASCULINE:
        if _starts_with_vowel_sound(first):
            return f"l’{name}"
        return f"{'la' if first in FEMININE else 'le'} {name}"
    if kind in KIND_NOUNS:
        return f"{KIND_NOUNS[kind]} {name}"
    return name


def organisation_with_article(organisation) -> str:
    """The same for an Organisation (or None: an empty string)."""
    if organisation is None:
        return ""
    return with_article(organisation.name, organisation.kind)
