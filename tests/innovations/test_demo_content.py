"""The demo catalogue `innovations/demo_content.py` (loaded by `load_demo_data`) holds together:
every field filled as the forms expect it, real COG communes, unique titles and slugs, the mix of
statuses, stages and owners the demo accounts are described with in the README."""

import re
from collections import Counter

from django.utils.text import slugify

from innovations.demo_content import INNOVATIONS

THEMES = {
    "sante", "emploi", "education", "numerique", "transition-ecologique", "mobilite", "logement",
    "solidarites", "participation-citoyenne", "rh-publiques", "culture", "securite",
    "alimentation-agriculture", "ess", "simplification", "ruralite",
}
STAGES = {"idee", "experimentation", "eprouvee", "en_essaimage", "generalisee"}
STATUSES = {"draft", "submitted", "changes_requested", "published"}
KINDS = {"ministere", "service_deconcentre", "operateur", "collectivite", "association", "entreprise_ess",
         "autre"}
MODES = {"diffusion", "partenariat", "affiliation", "filiale"}
REPLICATION_STATUSES = {"interesse", "en_cours", "realise", "abandonne"}
KEYS = {"title", "summary", "themes", "stage", "problem", "solution", "public_concerned", "results",
        "evidence", "costs", "links", "commune", "organisation", "grid", "funding", "replications",
        "status", "owner", "owner_name", "moderation_message"}
GRID_KEYS = {"value_proposition", "beneficiaries", "key_partners", "key_resources", "cost_structure",
             "revenue_model", "transfer_skills", "transfer_budget", "transfer_time", "transfer_legal"}
REPLICATION_KEYS = {"organisation", "commune", "mode", "status", "adaptations"}
# INSEE codes used in this file, checked against the official geographic code (COG).
COMMUNES = {
    "59512": "Roubaix", "59350": "Lille", "33063": "Bordeaux", "69123": "Lyon", "35238": "Rennes",
    "13055": "Marseille", "31555": "Toulouse", "44109": "Nantes", "67482": "Strasbourg",
    "34172": "Montpellier", "06088": "Nice", "97411": "Saint-Denis", "97209": "Fort-de-France",
    "97105": "Basse-Terre", "97302": "Cayenne", "63113": "Clermont-Ferrand", "21231": "Dijon",
    "87085": "Limoges", "29019": "Brest", "64445": "Pau", "80021": "Amiens", "25056": "Besançon",
    "45234": "Orléans", "2A004": "Ajaccio", "48095": "Mende", "23096": "Guéret", "12202": "Rodez",
    "05061": "Gap", "08105": "Charleville-Mézières", "76540": "Rouen", "86194": "Poitiers",
    "37261": "Tours", "57463": "Metz", "38185": "Grenoble", "30189": "Nîmes", "51454": "Reims",
    "14118": "Caen", "72181": "Le Mans", "49007": "Angers", "62041": "Arras", "03185": "Montluçon",
    "03190": "Moulins", "46042": "Cahors", "09122": "Foix", "15014": "Aurillac", "24322": "Périgueux",
    "79191": "Niort", "54395": "Nancy", "10387": "Troyes", "18033": "Bourges",
}
DEMO_ACCOUNTS = {"agent@demo.essaimage.fr": ("Camille", "Martin"),
                 "agente2@demo.essaimage.fr": ("Inès", "Benali")}
LONG_FIELDS = ("problem", "solution", "public_concerned", "results", "evidence", "costs")
MARKUP = re.compile(r"<[a-zA-Z/!]|\*\*|__|`|^\s*[#>*-]\s|\[[^\]]*\]\(", re.MULTILINE)


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ0-9«])", text.strip()) if s]


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from strings(v)


def test_the_demo_catalogue_holds_together():
    assert isinstance(INNOVATIONS, list) and len(INNOVATIONS) >= 32, len(INNOVATIONS)
    titles, slugs, names_by_email = set(), set(), {}
    for item in INNOVATIONS:
        where = item.get("title", "?")
        assert set(item) == KEYS, (where, set(item) ^ KEYS)
        for text in strings(item):
            assert text == text.strip() and "\n" not in text and "  " not in text, (where, text)
            assert not MARKUP.search(text), (where, text)
        title = item["title"]
        assert 0 < len(title) <= 120 and title not in titles, where
        slug = slugify(title)[:80].strip("-")
        assert slug and slug not in slugs, where
        titles.add(title)
        slugs.add(slug)
        assert 0 < len(item["summary"]) <= 480, (where, len(item["summary"]))
        assert 1 <= len(item["themes"]) <= 3 and len(set(item["themes"])) == len(item["themes"]), where
        assert set(item["themes"]) <= THEMES, where
        assert item["stage"] in STAGES and item["status"] in STATUSES, where
        for field in LONG_FIELDS:
            text = item[field]
            if field == "evidence" and text == "":
                continue
            assert 2 <= len(sentences(text)) <= 5, (where, field, len(sentences(text)))
        assert re.search(r"\d", item["results"]), where
        assert 0 <= len(item["links"]) <= 2, where
        for link in item["links"]:
            assert re.fullmatch(r"https://[a-z0-9.-]+\.fr(/[A-Za-z0-9._~/-]*)?", link), (where, link)
        assert isinstance(item["commune"], str) and item["commune"] in COMMUNES, (where, item["commune"])
        name, kind = item["organisation"]
        assert name and kind in KINDS, where
        assert set(item["grid"]) == GRID_KEYS, where
        assert all(v == "" or 1 <= len(sentences(v)) <= 3 for v in item["grid"].values()), where
        assert all(isinstance(v, str) for v in item["grid"].values()), where
        shares = [share for _, share in item["funding"]]
        assert not shares or sum(shares) == 100, (where, sum(shares))
        assert all(isinstance(s, int) and 1 <= s <= 100 for s in shares), where
        assert all(0 < len(label) <= 120 for label, _ in item["funding"]), where
        assert len(item["funding"]) == len({label for label, _ in item["funding"]}), where
        assert 0 <= len(item["replications"]) <= 4, where
        for position, rep in enumerate(item["replications"]):
            assert set(rep) - {"inspired_by"} == REPLICATION_KEYS, where
            assert "inspired_by" not in rep or rep["inspired_by"] in range(position), (where, "inspired_by")
            assert rep["commune"] in COMMUNES and rep["commune"] != item["commune"], (where, rep["commune"])
            assert rep["organisation"][0] and rep["organisation"][1] in KINDS, where
            assert rep["mode"] in MODES and rep["status"] in REPLICATION_STATUSES, where
            assert 1 <= len(sentences(rep["adaptations"])) <= 2, (where, rep["adaptations"])
        if item["status"] != "published":
            assert not item["replications"], where
        if item["stage"] in {"en_essaimage", "generalisee"}:
            assert len(item["replications"]) >= 2, where
        assert (item["moderation_message"] != "") == (item["status"] == "changes_requested"), where
        email, owner_name = item["owner"], item["owner_name"]
        assert re.fullmatch(r"[a-z0-9.-]+@demo\.essaimage\.fr", email), where
        assert len(owner_name) == 2 and all(owner_name), where
        assert names_by_email.setdefault(email, owner_name) == owner_name, (where, email)
        if email in DEMO_ACCOUNTS:
            assert owner_name == DEMO_ACCOUNTS[email], where
        else:
            expected = "{}.{}".format(*(slugify(part).replace("-", "") for part in owner_name))
            assert email.split("@")[0].replace("-", "") == expected, (where, email)

    statuses = Counter(item["status"] for item in INNOVATIONS)
    assert statuses["draft"] == 3 and statuses["submitted"] == 2 and statuses["changes_requested"] == 1, statuses
    assert statuses["published"] == len(INNOVATIONS) - 6, statuses
    owners = Counter(item["owner"] for item in INNOVATIONS)
    assert owners["agent@demo.essaimage.fr"] == 7 and owners["agente2@demo.essaimage.fr"] == 5, owners
    mine = [item for item in INNOVATIONS if item["owner"] == "agent@demo.essaimage.fr"]
    assert sum(item["status"] == "draft" for item in mine) == 2, "agent drafts"
    assert sum(item["status"] == "changes_requested" for item in mine) == 1, "agent changes_requested"
    assert sum(item["status"] == "published" for item in mine) >= 3, "agent published"
    others = set(owners) - set(DEMO_ACCOUNTS)
    assert 6 <= len(others) <= 10, others
    published = [item for item in INNOVATIONS if item["status"] == "published"]
    with_replications = sum(bool(item["replications"]) for item in published)
    assert 0.6 <= with_replications / len(published) <= 0.75, (with_replications, len(published))
    no_funding = sum(not item["funding"] for item in INNOVATIONS)
    assert 3 <= no_funding <= 5, no_funding
    incomplete = [item for item in INNOVATIONS if sum(v == "" for v in item["grid"].values())]
    assert 4 <= len(incomplete) <= 6, len(incomplete)
    assert all(3 <= sum(v == "" for v in item["grid"].values()) <= 4 for item in incomplete), "grid gaps"
    assert 1 <= sum(item["evidence"] == "" for item in INNOVATIONS) <= 8, "evidence"
    stages = Counter(item["stage"] for item in INNOVATIONS)
    assert all(stages[stage] >= 3 for stage in STAGES), stages
