from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from essaimage import mail, throttle
from essaimage.addresses import normalize_email_address
from essaimage.enums import Role
from essaimage.models import AuditEntry, Organisation, Territory, User, organisation_name_key
from essaimage.tokens import signup_token_generator
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


@dataclass(frozen=True)
class OrganisationInput:
    """An organisation as typed in a form (name, kind, optional SIRET): the service that takes
    it finds or creates the row, inside its own transaction (forms never create rows)."""

    name: str
    kind: str
    siret: str = ""
    territory: Territory | None = None


def organisation_resolve(value: "OrganisationInput | Organisation | None") -> Organisation | None:
    """The Organisation row for what a form typed (created if new); a row or None as given."""
    if isinstance(value, OrganisationInput):
        return organisation_get_or_create(name=value.name, kind=value.kind, siret=value.siret,
                                          territory=value.territory)
    return value


@transaction.atomic
def profile_update(*, user: User, first_name: str, last_name: str,
                   organisation: OrganisationInput | Organisation | None, territory) -> User:
    user.first_name = first_name
    user.last_name = last_name
    user.organisation = organisation_resolve(organisation)
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
# Every attempt is counted (atomically, essaimage.throttle) BEFORE the password is checked, per
# account (the normal form of the address) and per client address: parallel guesses cannot all
# slip under the limit. An attempt that succeeds clears its account's counter and takes back its
# IP hit, so a shared NAT is only limited by its failures. A locked account is unlocked by a
# successful password reset, which logs its owner in: a lock cannot be used to keep someone out.

LOGIN_SCOPE_ACCOUNT = "login-account"
LOGIN_SCOPE_IP = "login-ip"


def _login_window_seconds() -> int:
    return settings.LOGIN_FAILURE_WINDOW_MINUTES * 60


def login_attempt_allowed(*, email: str, ip_address: str | None) -> bool:
    """Count one log-in attempt; False: refuse it without checking the password."""
    window = _login_window_seconds()
    count = throttle.hit(scope=LOGIN_SCOPE_ACCOUNT, key=normalize_email_address(email), window_seconds=window)
    allowed = count <= settings.LOGIN_MAX_FAILURES
    if ip_address:
        count = throttle.hit(scope=LOGIN_SCOPE_IP, key=ip_address, window_seconds=window)
        allowed = allowed and count <= settings.LOGIN_MAX_FAILURES_PER_IP
    return allowed


def login_attempt_succeeded(*, email: str, ip_address: str | None) -> None:
    throttle.reset(scope=LOGIN_SCOPE_ACCOUNT, key=normalize_email_address(email))
    if ip_address:
        throttle.release(scope=LOGIN_SCOPE_IP, key=ip_address, window_seconds=_login_window_seconds())


def login_lock_lift(*, email: str) -> None:
    """After a successful password reset: the owner proved they hold the mailbox."""
    throttle.reset(scope=LOGIN_SCOPE_ACCOUNT, key=normalize_email_address(email))


# --- Mail sent to an address someone typed ----------------------------------------------
# Sign-up and password reset send one e-mail to the address typed in the form, whoever typed
# it: at most MAIL_MAX_PER_ADDRESS to one address and MAIL_MAX_PER_IP from one sender per
# MAIL_LIMIT_WINDOW_MINUTES. Beyond, nothing is sent and the page answers the same.

MAIL_SCOPE_ADDRESS = "mail-address"
MAIL_SCOPE_IP = "mail-ip"


def typed_address_mail_allowed(*, email: str, ip_address: str | None) -> bool:
    """Count one e-mail to `email` asked from `ip_address`; False: do not send it."""
    window = settings.MAIL_LIMIT_WINDOW_MINUTES * 60
    count = throttle.hit(scope=MAIL_SCOPE_ADDRESS, key=normalize_email_address(email), window_seconds=window)
    allowed = count <= settings.MAIL_MAX_PER_ADDRESS
    if ip_address:
        count = throttle.hit(scope=MAIL_SCOPE_IP, key=ip_address, window_seconds=window)
        allowed = allowed and count <= settings.MAIL_MAX_PER_IP
    return allowed


def _account_mail(template: str, *, to: str, **context) -> None:
    """Send one account e-mail once the current transaction commits."""
    context = {key: str(value) for key, value in context.items()}  # rendered as the texts they were
    mail.send(template=f"essaimage/emails/{template}", context=context, recipients=[to])


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


# --- Sign-up and password reset: one answer, the same work, whoever owns the address ----

def signup_request(*, email: str, password: str, first_name: str, last_name: str, territory=None,
                   ip_address: str | None = None,
                   organisation: OrganisationInput | Organisation | None = None) -> None:
    """Ask for an account. The caller always shows the same page: « check your mailbox ».

    A new address gets an inactive account and a confirmation link; a sign-up still waiting
    for its confirmation is replaced (so someone who typed another's address cannot block its
    owner, and the older link stops working); an existing account gets an e-mail telling its
    owner that someone tried, with the way to log in or reset the password. The password is
    hashed in every case, so the answer takes the same time. `organisation` (as typed) is
    found or created only when the account is created or renewed."""
    email = normalize_email_address(email)
    password_hash = make_password(password)
    if not typed_address_mail_allowed(email=email, ip_address=ip_address):
        return
    with transaction.atomic():
        user = User.objects.select_for_update().filter(email=email).first()
        if user is not None and not user.is_pending_signup:
            _account_mail("signup_existing", to=user.email, first_name=user.first_name,
                          login_url=_absolute(reverse("login")), reset_url=_absolute(reverse("password_reset")))
            return
        fields = {"first_name": first_name, "last_name": last_name, "territory": territory,
                  "organisation": organisation_resolve(organisation), "password": password_hash}
        if user is None:
            try:
                with transaction.atomic():  # a parallel sign-up may take the address first
                    user = User.objects.create(email=email, is_active=False, email_confirmed_at=None, **fields)
            except IntegrityError:
                return  # that sign-up's own link goes to the same mailbox
            user_set_roles(user=user, roles=[Role.AGENT])
        else:
            for name, value in fields.items():
                setattr(user, name, value)
            user.date_joined = timezone.now()
            user.save(update_fields=[*fields, "date_joined"])
        token = signup_token_generator.make_token(user)
        url = reverse("signup_confirm", args=[urlsafe_base64_encode(force_bytes(user.pk)), token])
        _account_mail("signup_confirm", to=user.email, first_name=user.first_name, confirm_url=_absolute(url))


@transaction.atomic
def signup_confirm(*, user: User) -> User:
    """Activate a sign-up whose link was followed (the one status change of an account)."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.email_confirmed_at is not None and locked.is_active:
        return locked  # a double click: the first request, with the same valid link, confirmed it
    if not locked.is_pending_signup:
        raise ValueError("Ce compte n’attend pas de confirmation.")
    locked.is_active = True
    locked.email_confirmed_at = timezone.now()
    locked.save(update_fields=["is_active", "email_confirmed_at"])
    audit_record(obj=locked, action="signup_confirmed", actor=locked, from_state="en_attente", to_state="actif")
    return locked


def password_reset_request(*, email: str, ip_address: str | None = None) -> None:
    """Send the reset link, or to an address without an active account an e-mail saying so:
    one e-mail and the same work either way, and the caller shows the same page."""
    email = normalize_email_address(email)
    if not typed_address_mail_allowed(email=email, ip_address=ip_address):
        return
    user = User.objects.filter(email=email, is_active=True).first()
    if user is not None and user.has_usable_password():
        token = default_token_generator.make_token(user)
        url = reverse("password_reset_confirm", args=[urlsafe_base64_encode(force_bytes(user.pk)), token])
        _account_mail("password_reset", to=user.email, first_name=user.first_name, email=user.email,
                      reset_url=_absolute(url))
    else:
        _account_mail("password_reset_unknown", to=email, email=email,
                      signup_url=_absolute(reverse("signup")))
