"""Helpers shared by the innovation tests: the edit form's data as a browser posts it, a draft
saved through the service, a published catalogue of a given size."""

from innovations import services
from tests.factories import UserFactory
from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory, ReplicationFactory


def form_data(**overrides):
    data = {
        "title": "Tiers-lieux numériques en milieu rural", "summary": "Des lieux ouverts pour les démarches en ligne.",
        "themes": [], "stage": "experimentation", "problem": "Fracture numérique.", "solution": "Des médiateurs.",
        "public_concerned": "Habitants éloignés du numérique.", "territory": "59350",
        "organisation_name": "Mairie de Lille", "organisation_kind": "collectivite", "organisation_siret": "",
        "coauthors": "", "results": "", "evidence": "", "costs": "", "links": "",
        "grid-value_proposition": "Un accompagnement humain.", "grid-beneficiaries": "Les habitants.",
        "funding-TOTAL_FORMS": "2", "funding-INITIAL_FORMS": "0", "funding-MIN_NUM_FORMS": "0",
        "funding-MAX_NUM_FORMS": "1000",
        "funding-0-label": "Commune", "funding-0-share": "70", "funding-1-label": "État", "funding-1-share": "30",
        "action": "save",
    }
    for part in ["key_partners", "key_resources", "cost_structure", "revenue_model", "transfer_skills",
                 "transfer_budget", "transfer_time", "transfer_legal"]:
        data[f"grid-{part}"] = ""
    data.update(overrides)
    return data


def make_published(n, themes, agent=None):
    """n published innovations (two themes each) with one declared replication each."""
    for _ in range(n):
        innovation = InnovationFactory(created_by=agent or UserFactory(), themes=[themes["sante"], themes["emploi"]])
        ReplicationFactory(innovation=innovation)


GRID = {"value_proposition": "Moins de trajets.", "beneficiaries": "Les aînés isolés."}


def save_draft(user, themes, **data):
    territory = territory_tree()
    base = {"title": "Covoiturage solidaire rural", "summary": "Des bénévoles conduisent.", "stage": "eprouvee",
            "problem": "Isolement.", "solution": "Plateforme de bénévoles.", "public_concerned": "Aînés.",
            "territory": territory, "organisation": user.organisation}
    base.update(data)
    return services.innovation_save(innovation=None, by=user, data=base, themes=[themes["mobilite"]], grid=GRID,
                                    funding=[("Département", 60), ("CAF", 40)], coauthors=[])
