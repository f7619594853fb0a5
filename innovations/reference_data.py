"""The theme taxonomy of the catalogue (loaded idempotently by `load_reference_data`)."""

from innovations.models import Theme

THEMES = [
    ("sante", "Santé"),
    ("emploi", "Emploi et insertion"),
    ("education", "Éducation et jeunesse"),
    ("numerique", "Numérique"),
    ("transition-ecologique", "Transition écologique"),
    ("mobilite", "Mobilité"),
    ("logement", "Logement"),
    ("solidarites", "Solidarités et inclusion"),
    ("participation-citoyenne", "Participation citoyenne"),
    ("rh-publiques", "Ressources humaines publiques"),
    ("culture", "Culture"),
    ("securite", "Sécurité et prévention"),
    ("alimentation-agriculture", "Alimentation et agriculture"),
    ("ess", "Économie sociale et solidaire"),
    ("simplification", "Simplification administrative"),
    ("ruralite", "Ruralité et cohésion des territoires"),
]


def themes_ensure() -> int:
    created = 0
    for position, (slug, name) in enumerate(THEMES):
        _, was_created = Theme.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})
        created += was_created
    return created


def load() -> list[str]:
    return [f"Thèmes : {themes_ensure()} créé(s), {len(THEMES)} au total."]
