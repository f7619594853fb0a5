"""Demo accounts: created by `load_demo_data` only, refused in production mode."""

from functools import lru_cache

from django.contrib.auth.hashers import make_password

from essaimage import services
from essaimage.enums import OrganisationKind, Role
from essaimage.models import Territory, User

DEMO_PASSWORD = "essaimage-demo"


@lru_cache(maxsize=1)
def demo_password_hash() -> str:
    """Hashed once: every demo account shares the password, and hashing costs ~0.5 s on purpose."""
    return make_password(DEMO_PASSWORD)


def create_demo_user(*, email, first_name, last_name, **extra) -> User:
    user = User(email=email, first_name=first_name, last_name=last_name, password=demo_password_hash(), **extra)
    user.save()
    return user

# email, first name, last name, roles, organisation (name, kind, commune code)
DEMO_USERS = [
    ("agent@demo.essaimage.fr", "Camille", "Martin", [Role.AGENT],
     ("Mairie de Roubaix", OrganisationKind.COLLECTIVITE, "59512")),
    ("agente2@demo.essaimage.fr", "Inès", "Benali", [Role.AGENT],
     ("Département de la Gironde", OrganisationKind.COLLECTIVITE, "33063")),
    ("moderateur@demo.essaimage.fr", "Julien", "Moreau", [Role.AGENT, Role.MODERATEUR],
     ("Direction interministérielle de la transformation publique", OrganisationKind.MINISTERE, "75056")),
    ("admin@demo.essaimage.fr", "Claire", "Dubois", [Role.AGENT, Role.ADMINISTRATEUR],
     ("Agence nationale de la cohésion des territoires", OrganisationKind.OPERATEUR, "75056")),
]


def demo_users_ensure() -> list[tuple[str, str]]:
    accounts = []
    for email, first, last, roles, (org_name, org_kind, commune) in DEMO_USERS:
        territory = Territory.objects.filter(level="commune", code=commune).first()
        user = User.objects.filter(email=email).first()
        if user is None:
            organisation = services.organisation_get_or_create(name=org_name, kind=org_kind, territory=territory)
            user = create_demo_user(
                email=email, first_name=first, last_name=last, organisation=organisation, territory=territory,
                is_staff=Role.ADMINISTRATEUR in roles, is_superuser=Role.ADMINISTRATEUR in roles,
            )
        services.user_set_roles(user=user, roles=roles)
        accounts.append((email, ", ".join(str(r.label) for r in roles)))
    return accounts
