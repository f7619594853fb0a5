from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from essaimage.enums import Role
from essaimage.models import AuditEntry, LoginAttempt, Organisation, User


def audit_record(*, obj, action: str, actor=None, from_state: str = "", to_state: str = "",
                 message: str = "") -> AuditEntry:
    """Append one entry to the audit trail; call it inside the transition's transaction."""
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        from_state=from_state,
        to_state=to_state,
        message=message,
    )


def roles_ensure() -> int:
    """Create the role groups that are missing; return how many were created."""
    created = 0
    for role in Role:
        _, was_created = Group.objects.get_or_create(name=role.value)
        created += was_created
    return created


def user_set_roles(*, user: User, roles: list[Role | str]) -> None:
    groups = [Group.objects.get_or_create(name=str(role))[0] for role in roles]
    user.groups.add(*groups)
    user.__dict__.pop("_role_names", None)


@transaction.atomic
def user_register(*, email: str, password: str, first_name: str, last_name: str,
                  organisation: Organisation | None = None, territory=None) -> User:
    user = User.objects.create_user(
        email=email, password=password, first_name=first_name, last_name=last_name,
        organisation=organisation, territory=territory,
    )
    user_set_roles(user=user, roles=[Role.AGENT])
    return user


@transaction.atomic
def profile_update(*, user: User, first_name: str, last_name: str,
                   organisation: Organisation | None, territory) -> User:
    user.first_name = first_name
    user.last_name = last_name
    user.organisation = organisation
    user.territory = territory
    user.save(update_fields=["first_name", "last_name", "organisation", "territory"])
    return user


def organisation_get_or_create(*, name: str, kind: str, siret: str = "", territory=None) -> Organisation:
    """Reuse an organisation by SIRET, else by exact name and kind, else create it."""
    name = " ".join(name.split())
    if siret:
        existing = Organisation.objects.filter(siret=siret).first()
        if existing:
            return existing
    existing = Organisation.objects.filter(name__iexact=name, kind=kind).first()
    if existing:
        return existing
    return Organisation.objects.create(name=name, kind=kind, siret=siret, territory=territory)


# --- Log-in throttling -----------------------------------------------------------------

def _window_start():
    return timezone.now() - timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def login_is_throttled(*, email: str, ip_address: str | None) -> bool:
    recent = LoginAttempt.objects.filter(attempted_at__gte=_window_start())
    limit = settings.LOGIN_MAX_FAILURES
    if recent.filter(email=email.strip().lower()).count() >= limit:
        return True
    # Many addresses tried from one IP: a wider limit, so that a shared NAT is not locked out.
    return bool(ip_address) and recent.filter(ip_address=ip_address).count() >= limit * 4


def login_record_failure(*, email: str, ip_address: str | None) -> None:
    LoginAttempt.objects.create(email=email.strip().lower()[:254], ip_address=ip_address or None)
    LoginAttempt.objects.filter(attempted_at__lt=timezone.now() - timedelta(days=1)).delete()


def login_clear_failures(*, email: str) -> None:
    LoginAttempt.objects.filter(email=email.strip().lower()).delete()
