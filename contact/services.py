"""The contact relay: check the limits, log the message, send it by e-mail on commit."""

from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from contact import notices
from contact.enums import ContactKind
from contact.models import ContactMessage
from essaimage import mail, throttle
from innovations.models import Innovation, Replication
from innovations.services import team_users
from notifications.services import notify

HOUR, DAY = 3600, 24 * 3600


@dataclass(frozen=True)
class Sender:
    """Who writes: an account, or an anonymous visitor of the platform contact page."""

    name: str
    email: str
    user: object = None  # the logged-in User, if any
    ip_address: str | None = None

    @classmethod
    def from_user(cls, user, ip_address=None):
        return cls(name=user.full_name or user.email, email=user.email, user=user, ip_address=ip_address)


def _normalised(address: str) -> str:
    return address.strip().casefold()


def _check_limits(*, sender: Sender, recipient_emails: list[str], recipient_limit: int) -> None:
    """Count this message for its sender and each recipient address (atomic counters);
    refuse it, in French, past a limit. Inside the caller's transaction: a refused message
    rolls its own counts back."""
    if sender.user is not None:
        sender_keys = [f"user:{sender.user.pk}"]
    else:
        sender_keys = [f"email:{_normalised(sender.email)}"]
    for key in sender_keys:
        if not throttle.allow(scope="contact-sender", key=key, limit=settings.CONTACT_SENDER_LIMIT_PER_HOUR,
                              window_seconds=HOUR):
            raise ValidationError(
                _("Vous avez envoyé beaucoup de messages en peu de temps : réessayez dans une heure. "
                  "Votre message n’est pas perdu, il est conservé ci-dessous."),
                code="sender_throttled",
            )
    if sender.user is None and sender.ip_address:
        # Anonymous senders may type any address: their network address is counted too, wider.
        if not throttle.allow(scope="contact-sender-ip", key=sender.ip_address,
                              limit=settings.CONTACT_SENDER_LIMIT_PER_HOUR * 4, window_seconds=HOUR):
            raise ValidationError(
                _("Beaucoup de messages sont partis de votre réseau en peu de temps : réessayez dans une heure. "
                  "Votre message n’est pas perdu, il est conservé ci-dessous."),
                code="sender_throttled",
            )
    for email in recipient_emails:
        if not throttle.allow(scope="contact-recipient", key=_normalised(email), limit=recipient_limit,
                              window_seconds=DAY):
            raise ValidationError(
                _("Ce destinataire a déjà reçu beaucoup de messages aujourd’hui : réessayez demain. "
                  "Votre message n’est pas perdu, il est conservé ci-dessous."),
                code="recipient_throttled",
            )


def _relay(*, kind: ContactKind, sender: Sender, recipients: list[str], subject: str, body: str,
           recipient_limit: int, context: dict, recipient_users=(), about=None, **links) -> ContactMessage:
    if not recipients:
        raise PermissionDenied
    _check_limits(sender=sender, recipient_emails=recipients, recipient_limit=recipient_limit)
    message = ContactMessage.objects.create(
        kind=kind, sender=sender.user, sender_name=sender.name, sender_email=sender.email, subject=subject,
        body=body, recipient_count=len(recipients), **links,
    )
    context = {"kind": str(kind), "sender_name": sender.name, "subject": subject, "body": body,
               "organisation": str(getattr(sender.user, "organisation", None) or ""), **context}
    mail.send(template="contact/emails/relayed", context=context, recipients=recipients, reply_to=[sender.email])
    if recipient_users:
        notify(recipient_users, notices.MESSAGE_RECEIVED, about, exclude=[sender.user],
               title=_("Message de %(name)s : %(subject)s") % {"name": sender.name, "subject": subject},
               text=_("Le message vous a été transmis par e-mail ; répondez à cet e-mail pour lui écrire."),
               url=context.get("url", ""))
    return message


@transaction.atomic
def contact_platform(*, sender: Sender, subject: str, body: str) -> ContactMessage:
    """A message to the platform's team (settings.CONTACT_EMAIL)."""
    address = parseaddr(settings.CONTACT_EMAIL)[1] or settings.CONTACT_EMAIL
    return _relay(kind=ContactKind.PLATFORM, sender=sender, recipients=[address], subject=subject, body=body,
                  recipient_limit=settings.CONTACT_PLATFORM_LIMIT_PER_DAY,
                  context={"sender_email": sender.email})


@transaction.atomic
def contact_team(*, innovation: Innovation, sender: Sender, subject: str, body: str) -> ContactMessage:
    """A message to every active member of a published innovation's team."""
    if not sender.user.has_perm("contact.message_team", innovation):
        raise PermissionDenied
    team = sorted(team_users(innovation).filter(is_active=True), key=lambda user: user.email)
    return _relay(kind=ContactKind.TEAM, sender=sender, recipients=[user.email for user in team], subject=subject,
                  body=body, recipient_users=team, about=innovation,
                  recipient_limit=settings.CONTACT_RECIPIENT_LIMIT_PER_DAY, innovation=innovation,
                  context={"title": innovation.title, "url": innovation.get_absolute_url()})


@transaction.atomic
def contact_declarer(*, replication: Replication, sender: Sender, subject: str, body: str) -> ContactMessage:
    """A message to the agent who declared a replication."""
    if not sender.user.has_perm("contact.message_declarer", replication):
        raise PermissionDenied
    innovation = replication.innovation
    return _relay(kind=ContactKind.DECLARER, sender=sender, recipients=[replication.declared_by.email],
                  subject=subject, body=body, recipient_limit=settings.CONTACT_RECIPIENT_LIMIT_PER_DAY,
                  recipient=replication.declared_by, innovation=innovation, replication=replication,
                  recipient_users=[replication.declared_by], about=replication,
                  context={"title": innovation.title, "url": innovation.get_absolute_url(),
                           "territory": replication.territory.name,
                           "organisation_declared": replication.organisation.name})
