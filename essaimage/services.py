from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaimage.enums import Role
from essaimage.models import AuditEntry, LoginAttempt, Organisation, User, organisation_name_key
from essaimage.validators import normalise_siret


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


def organisation_siret_problem(*, name: str, kind: str, siret: str) -> str:
    """Why this SIRET cannot go with this organisation ("" when it can): it is another
    organisation's, or the organisation already has another one."""
    siret = normalise_siret(siret)
    if not siret:
        return ""
    key = organisation_name_key(name)
    holder = Organisation.objects.filter(siret=siret).first()
    if holder is not None and (holder.name_key, holder.kind) != (key, kind):
        return _("Ce SIRET est celui de « %(name)s » : corrigez le SIRET, ou indiquez cette organisation.") % {
            "name": holder.name}
    named = Organisation.objects.filter(name_key=key, kind=kind).exclude(siret="").first()
    if named is not None and named.siret != siret:
        return _("« %(name)s » est déjà enregistrée avec le SIRET %(siret)s : vérifiez votre saisie.") % {
            "name": named.name, "siret": named.siret}
    return ""


def organisation_get_or_create(*, name: str, kind: str, siret: str = "", territory=None) -> Organisation:
    """The organisation of this SIRET, or of this name and kind (accents, case and spaces aside),
    else a new one. A SIRET typed for an organisation that has none is kept on it; a SIRET that
    contradicts what is known raises a ValidationError (never silently dropped).

    Safe under concurrency: the unique constraints on (name_key, kind) and SIRET decide, and the
    loser of a race finds the winner's row on its next look."""
    name = " ".join(name.split())
    siret = normalise_siret(siret)
    key = organisation_name_key(name)
    for _attempt in range(5):  # each new attempt follows a row another request just committed
        problem = organisation_siret_problem(name=name, kind=kind, siret=siret)
        if problem:
            raise ValidationError(problem, code="siret_conflict")
        existing = Organisation.objects.filter(name_key=key, kind=kind).first()
        if existing is not None:
            if siret and not existing.siret:
                try:
                    with transaction.atomic():
                        updated = Organisation.objects.filter(pk=existing.pk, siret="").update(siret=siret)
                except IntegrityError:
                    continue  # given to another organisation meanwhile
                if not updated:
                    continue  # the organisation received a SIRET meanwhile
                existing.siret = siret
            return existing
        try:
            with transaction.atomic():
                return Organisation.objects.create(name=name, kind=kind, siret=siret, territory=territory)
        except IntegrityError:
            continue  # created at the same instant by another request
    raise ValidationError(_("L’organisation n’a pas pu être enregistrée : réessayez."), code="organisation_busy")


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
