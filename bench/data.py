"""Benchmark data: N published innovations with realistic French text, grids and replications
(`python -m bench.catalogue`, `make bench`)."""

import random

from django.db import connection, transaction
from django.utils import timezone

from essaimage.enums import OrganisationKind, TerritoryLevel
from essaimage.models import Organisation, Territory, User, organisation_name_key
from innovations.enums import ReplicationStatus, ScalingMode, Stage, Status, TeamRole
from innovations.models import BusinessModel, FundingSource, Innovation, Replication, TeamMember, Theme

SUBJECTS = [
    ("Maison de santé", "sante"), ("Centre de santé", "sante"), ("Covoiturage", "mobilite"),
    ("Navette à la demande", "mobilite"), ("Épicerie", "solidarites"), ("Tiers-lieu", "numerique"),
    ("Cantine", "alimentation-agriculture"), ("Conseillers numériques", "numerique"),
    ("Budget participatif", "participation-citoyenne"), ("Jardins partagés", "transition-ecologique"),
    ("Guichet unique", "simplification"), ("Ressourcerie", "ess"), ("Chantier d'insertion", "emploi"),
    ("Médiation", "securite"), ("Résidence d'artistes", "culture"), ("Colocation intergénérationnelle", "logement"),
    ("Mentorat", "education"), ("Télétravail partagé", "rh-publiques"),
    ("Marché de producteurs", "alimentation-agriculture"),
    ("Rénovation énergétique", "transition-ecologique"), ("Bus France services", "ruralite"),
    ("Garage solidaire", "mobilite"), ("Permanence juridique", "solidarites"), ("Fablab", "numerique"),
]
QUALIFIERS = ["solidaire", "itinérant", "rural", "intercommunal", "numérique", "participatif", "de proximité",
              "pour les jeunes", "pour les aînés", "en circuit court", "inclusif", "mutualisé", "coopératif",
              "des quartiers", "sans rendez-vous", "zéro déchet", "en milieu rural", "pour les familles"]
PUBLICS = ["les habitants des quartiers prioritaires", "les personnes âgées isolées", "les jeunes sans emploi",
           "les familles monoparentales", "les agriculteurs", "les agents publics", "les élèves du collège",
           "les demandeurs d'emploi de longue durée", "les personnes en situation de handicap", "les étudiants"]
PROBLEMS = ["l'éloignement des services publics", "le non-recours aux droits", "l'isolement social",
            "la précarité alimentaire", "le manque de médecins", "la fracture numérique", "le coût des transports",
            "le décrochage scolaire", "la vacance des logements", "le gaspillage alimentaire"]
ACTIONS = ["mutualise les moyens de plusieurs communes", "s'appuie sur des bénévoles formés",
           "associe les usagers dès la conception", "réunit l'État, le département et les associations",
           "utilise des locaux publics inoccupés", "propose un accompagnement individuel",
           "organise des permanences hebdomadaires", "forme des agents d'accueil polyvalents"]
FUNDERS = ["Commune", "Département", "Région", "État", "CAF", "Fondation", "Fonds européens", "Recettes propres"]


def _text(rng, subject, qualifier, place):
    problem, public, action = rng.choice(PROBLEMS), rng.choice(PUBLICS), rng.choice(ACTIONS)
    return {
        "summary": f"{subject} {qualifier} créé à {place} pour répondre à {problem} : le dispositif {action} "
                   f"et touche {public}.",
        "problem": f"À {place}, {problem} pèse sur {public}. "
                   "Les solutions existantes étaient dispersées et mal connues.",
        "solution": f"Le dispositif {action}. "
                    "Il fonctionne toute l'année avec une équipe réduite et des partenaires locaux.",
        "public_concerned": f"Principalement {public}, et plus largement {rng.choice(PUBLICS)}.",
        "results": f"{rng.randint(80, 4000)} personnes accompagnées en {rng.randint(2017, 2025)}, "
                   f"{rng.randint(10, 90)} % de satisfaction, {rng.randint(2, 40)} partenaires mobilisés.",
        "evidence": "Évaluation interne annuelle et suivi d'indicateurs partagés avec les financeurs.",
        "costs": f"{rng.randint(10, 400)} 000 euros par an, dont {rng.randint(1, 6)} équivalents temps plein.",
    }


def generate(count: int, *, seed: int = 42, batch: int = 2000, log=print) -> None:
    rng = random.Random(seed)
    themes = {t.slug: t for t in Theme.objects.all()}
    communes = list(Territory.objects.filter(level=TerritoryLevel.COMMUNE).select_related("parent__parent")
                    .order_by("?")[:3000])
    author, _ = User.objects.get_or_create(email="bench@bench.essaimage.fr",
                                           defaults={"first_name": "Banc", "last_name": "D'essai"})
    kinds = list(OrganisationKind.values)
    start_organisations = Organisation.objects.count()
    names = [(f"{rng.choice(['Mairie', 'Association', 'CCAS', 'Département', 'Préfecture'])} de {commune.name} "
              f"{start_organisations + i}", commune) for i, commune in enumerate(communes[:2000])]
    # bulk_create skips save(): the normalised name (unique with the kind) is set here.
    organisations = Organisation.objects.bulk_create([
        Organisation(name=name, name_key=organisation_name_key(name), kind=rng.choice(kinds), territory=commune)
        for name, commune in names
    ])
    stages = list(Stage.values)
    start = Innovation.objects.count()
    now = timezone.now()
    made = 0
    while made < count:
        size = min(batch, count - made)
        rows, grids = [], []
        for i in range(size):
            n = start + made + i
            subject, theme_slug = rng.choice(SUBJECTS)
            qualifier = rng.choice(QUALIFIERS)
            commune = rng.choice(communes)
            organisation = rng.choice(organisations)
            title = f"{subject} {qualifier} de {commune.name}"
            extra_theme = rng.choice(list(themes))
            dept = commune.parent
            innovation = Innovation(
                slug=f"bench-{n}", title=title, stage=rng.choice(stages), status=Status.PUBLISHED,
                territory=commune, region_id=dept.parent_id if dept else None, departement_id=commune.parent_id,
                organisation=organisation, created_by=author, published_at=now - timezone.timedelta(minutes=n),
                submitted_at=now, links="https://www.exemple.gouv.fr/innovation",
                search_extra=" ".join([themes[theme_slug].name, themes[extra_theme].name, commune.name,
                                       dept.name if dept else "", organisation.name]),
                **_text(rng, subject, qualifier, commune.name),
            )
            innovation.theme_ids = sorted({themes[theme_slug].pk, themes[extra_theme].pk})
            rows.append(innovation)
        with transaction.atomic():
            created = Innovation.objects.bulk_create(rows)
            for innovation in created:
                grids.append(BusinessModel(
                    innovation=innovation, value_proposition="Un service de proximité simple et rapide.",
                    beneficiaries="Les habitants du territoire.", key_partners="Communes, associations, État.",
                    key_resources="Une équipe de coordination et des bénévoles.",
                    cost_structure="Personnel, locaux, communication.",
                    transfer_skills="Coordination de projet, animation de réseau.",
                ))
            TeamMember.objects.bulk_create(
                [TeamMember(innovation=i, user=author, role=TeamRole.OWNER) for i in created])
            grids = BusinessModel.objects.bulk_create(grids)
            FundingSource.objects.bulk_create([
                FundingSource(business_model=g, label=label, share=share)
                for g in grids for label, share in zip(rng.sample(FUNDERS, 2), (60, 40), strict=True)
            ])
            replications, counts = [], {}
            for innovation in created:
                if rng.random() < 0.3:
                    for place in rng.sample(communes, rng.randint(1, 3)):
                        replications.append(Replication(
                            innovation=innovation, organisation=rng.choice(organisations), territory=place,
                            declared_by=author, scaling_mode=rng.choice(ScalingMode.values),
                            status=rng.choice(ReplicationStatus.values), adaptations="Adapté au contexte local.",
                        ))
                        if replications[-1].status != ReplicationStatus.ABANDONNE:
                            counts[innovation.pk] = counts.get(innovation.pk, 0) + 1
            Replication.objects.bulk_create(replications, ignore_conflicts=True)
            for pk, value in counts.items():
                Innovation.objects.filter(pk=pk).update(replication_count=value)
        made += size
        log(f"  {start + made} innovations")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SELECT nextval('innovations_catalogue_version')")  # bulk writes send no signal
