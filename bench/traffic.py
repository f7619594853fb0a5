"""The URLs of the load benchmark: realistic mixed traffic on the catalogue, drawn from a fixed
number of distinct URLs, in fixed shares (home page, innovation pages, catalogue pages, filters,
searches). Seeded: two runs on the same data replay the same traffic."""

import random
from urllib.parse import urlencode

from essaimage.enums import OrganisationKind, TerritoryLevel
from essaimage.models import Territory
from innovations.enums import Sort, Stage, Status
from innovations.models import Innovation, Theme

LAYOUT_PATH = "/mentions-legales/"  # a page that is the layout and a little text: no query
HOME_PATH = "/"

# Share of each kind of page in the mixed traffic, and how many distinct URLs of each it draws from.
SHARES = {"accueil": 0.10, "innovation": 0.25, "catalogue": 0.20, "filtres": 0.20, "recherche": 0.25}
DISTINCT = {"accueil": 1, "innovation": 2000, "catalogue": 800, "filtres": 1000, "recherche": 1199}

SEARCH_WORDS = [
    "sante", "santé", "covoiturage", "epiceries solidaires", "tiers-lieux", "tiers lieu", "cantines circuit court",
    "insertion jeunes", "mobilité rurale", "numerique", "numérique", "jardins partages", "maisons de sante rurales",
    "covoiturrage", "aines isoles", "budget participatif", "ressourcerie", "mediation", "fablab", "garage solidaire",
    "navette", "mentorat", "colocation", "artistes", "permanence juridique", "france services", "guichet unique",
    "renovation energetique", "marche de producteurs", "chantier d'insertion", "teletravail", "epicerie",
    "isolement", "precarite alimentaire", "decrochage scolaire", "acces aux droits", "medecins", "zero dechet",
    "bretagne", "lyon", "occitanie", "commune rurale", "cantine", "jeunes", "personnes agees", "handicap",
    "\"maison de santé\"", "santé -rural", "mobilite or transport", "alimentation",
]


def _catalogue(rng, count):
    sorts = [None, Sort.MOST_REPLICATED, Sort.TITLE, Sort.NEWEST]
    urls = set()
    while len(urls) < count:
        # Most visitors stay on the first pages; a few go deep.
        page = rng.choice([1, 1, 2, 2, 3, 4, 5]) if rng.random() < 0.7 else rng.randint(6, 400)
        sort = rng.choice(sorts)
        params = {"page": page} if page > 1 else {}
        if sort:
            params["tri"] = sort
        urls.add("/innovations/" + (f"?{urlencode(params)}" if params else ""))
    return sorted(urls)


def _filters(rng, count, choices):
    urls = set()
    while len(urls) < count:
        names = rng.sample(list(choices), rng.choice([1, 1, 1, 2, 2, 3]))
        params = [(name, rng.choice(choices[name])) for name in sorted(names)]
        if rng.random() < 0.2:
            params.append(("page", rng.randint(2, 5)))
        if rng.random() < 0.15:
            params.append(("tri", rng.choice([Sort.MOST_REPLICATED, Sort.TITLE])))
        urls.add(f"/innovations/?{urlencode(params)}")
    return sorted(urls)


def _searches(rng, count, choices):
    urls = set()
    while len(urls) < count:
        params = [("q", rng.choice(SEARCH_WORDS))]
        if rng.random() < 0.35:
            name = rng.choice(list(choices))
            params.append((name, rng.choice(choices[name])))
        if rng.random() < 0.25:
            params.append(("page", rng.randint(2, 4)))
        if rng.random() < 0.15:
            params.append(("tri", rng.choice([Sort.MOST_REPLICATED, Sort.NEWEST, Sort.TITLE])))
        urls.add(f"/innovations/?{urlencode(params)}")
    return sorted(urls)


def url_pools(seed: int = 2026) -> dict[str, list[str]]:
    """The distinct URLs of each kind of page (5,000 in all)."""
    rng = random.Random(seed)
    choices = {
        "theme": list(Theme.objects.order_by("slug").values_list("slug", flat=True)),
        "stage": list(Stage.values),
        "region": list(Territory.objects.filter(level=TerritoryLevel.REGION).order_by("code")
                       .values_list("code", flat=True)),
        "departement": list(Territory.objects.filter(level=TerritoryLevel.DEPARTEMENT).order_by("code")
                            .values_list("code", flat=True)),
        "kind": list(OrganisationKind.values),
        "replicated": ["oui", "non"],
    }
    slugs = list(Innovation.objects.filter(status=Status.PUBLISHED).order_by("?")
                 .values_list("slug", flat=True)[:DISTINCT["innovation"]])
    return {
        "accueil": [HOME_PATH],
        "innovation": [f"/innovations/{slug}/" for slug in slugs],
        "catalogue": _catalogue(rng, DISTINCT["catalogue"]),
        "filtres": _filters(rng, DISTINCT["filtres"], choices),
        "recherche": _searches(rng, DISTINCT["recherche"], choices),
    }


def mixed(pools: dict[str, list[str]], *, length: int = 100_000, seed: int = 2027) -> list[str]:
    """A sequence of requests: each picks a kind of page by its share, then one of its URLs."""
    rng = random.Random(seed)
    kinds = list(SHARES)
    weights = [SHARES[kind] for kind in kinds]
    return [rng.choice(pools[kind]) for kind in rng.choices(kinds, weights, k=length)]
