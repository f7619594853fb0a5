"""Every write on notices, follows and preferences, and the one way the apps tell people
something: `notify()` (an in-app notice for each person, and the e-mail by their preference)."""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from essaimage import mail
from essaimage.permissions import require_perm
from notifications import registry, unsubscribe
from notifications.enums import Frequency
from notifications.models import Follow, Notice, NoticePreference

SUBJECT_PREFIX = "[Essaimage] "

_muted: ContextVar[bool] = ContextVar("notifications_muted", default=False)


@contextmanager
def muted():
    """Nothing is notified inside (the demo-data loader)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def _absolute(url: str) -> str:
    return settings.SITE_URL + url if url.startswith("/") else url


def _footer(user, kind: str) -> dict:
    unsubscribe_url = unsubscribe.absolute_url(user, kind)
    return {"preferences_url": settings.SITE_URL + reverse("notifications:preferences"),
            "unsubscribe_url": unsubscribe_url}


def _json(value):
    return value if value is None or isinstance(value, (bool, int)) else str(value)


def notice_emails_send(*, kind: str, user_ids: list[int], context: dict, url: str, reply_to: list[str]) -> int:
    """The e-mails of one notice to the people who want it at once, one per person (each
    carries their own unsubscribe link); run by the notifications.tasks.send_notice_emails task,
    so that a notice to many followers costs the request nothing. Returns how many were sent."""
    notice_kind = registry.kind(kind)
    sent = 0
    for user in get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("pk"):
        footer = _footer(user, kind)
        sent += mail.send(template=notice_kind.template, recipients=[user.email], reply_to=reply_to,
                          headers=unsubscribe.headers(footer["unsubscribe_url"]),
                          context={**context, **footer, "action_url": _absolute(url) if url else "",
                                   "action_label": str(notice_kind.action_label)})
    return sent


@transaction.atomic
def notify(recipients, kind: str, obj=None, *, title: str = "", text: str = "", url: str = "",
           context: dict | None = None, reply_to=None, exclude=()) -> list[Notice]:
    """Tell `recipients` (users, the inactive skipped, each once) about `obj`: a Notice each, and
    an e-mail by their preference for `kind`: now (sent once the transaction commits), in the
    daily digest, or never. `context`: what the kind's e-mail template needs; `reply_to`: a
    person the recipients may answer directly (in the Reply-To header only). `title`: by
    default the e-mail's subject without its « [Essaimage] » prefix."""
    if _muted.get():
        return []
    notice_kind = registry.kind(kind)
    excluded = {user.pk for user in exclude or ()}
    users = {user.pk: user for user in recipients if user.is_active and user.pk not in excluded}
    if not users:
        return []
    if not title and not notice_kind.sends_email:
        raise ValueError(f"The kind of notice {kind!r} has no e-mail to take a title from: give one.")
    if not title:
        title = mail.render_subject(notice_kind.template, context or {}).removeprefix(SUBJECT_PREFIX)
    chosen = {}
    if notice_kind.sends_email:
        chosen = dict(NoticePreference.objects.filter(user_id__in=users, kind=kind).values_list("user_id", "frequency"))
    target = {}
    if obj is not None:
        target = {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk}
    now = timezone.now()
    notices = Notice.objects.bulk_create([
        Notice(recipient_id=pk, kind=kind, title=title[:200], text=text[:500], url=url[:500], created_at=now,
               in_digest=chosen.get(pk) == Frequency.DIGEST, **target)
        for pk in sorted(users)
    ])
    now_ids = [pk for pk in sorted(users) if notice_kind.sends_email
               and chosen.get(pk, Frequency.IMMEDIATE) == Frequency.IMMEDIATE]
    if now_ids:
        # Imported here: the task module imports this one.
        from notifications.tasks import send_notice_emails

        arguments = {"kind": kind, "user_ids": now_ids, "url": url,
                     "reply_to": [reply_to.email] if reply_to is not None else [],
                     "context": {key: _json(value) for key, value in
                                 {"notice_title": title, "notice_text": text, **(context or {})}.items()}}
        transaction.on_commit(lambda: send_notice_emails.enqueue(**arguments))
    return notices


def followers(obj):
    return get_user_model().objects.filter(
        follows__content_type=ContentType.objects.get_for_model(obj), follows__object_id=obj.pk, is_active=True)


def notify_followers(obj, kind: str, *, exclude=(), **arguments) -> list[Notice]:
    """`notify()` everyone who follows `obj` (but `exclude`, the person who acted)."""
    return notify(followers(obj), kind, obj, exclude=exclude, **arguments)


# --- Follows -----------------------------------------------------------------------------

def _check_followable(user, obj) -> None:
    entry = registry.followable(obj._meta.label_lower)
    if entry is None or not user.is_authenticated:  # a visitor sees the object but follows nothing
        raise PermissionDenied
    require_perm(user, entry.view_permission, obj)


@transaction.atomic
def follow(*, user, obj) -> None:
    """`user` follows `obj` (twice is once)."""
    _check_followable(user, obj)
    Follow.objects.bulk_create(
        [Follow(user=user, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)],
        ignore_conflicts=True)


@transaction.atomic
def unfollow(*, user, obj) -> None:
    Follow.objects.filter(user=user, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk).delete()


# --- Reading -----------------------------------------------------------------------------

@transaction.atomic
def notice_mark_read(*, notice: Notice, by) -> Notice:
    require_perm(by, "notifications.read_notice", notice)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        Notice.objects.filter(pk=notice.pk, read_at__isnull=True).update(read_at=notice.read_at)
    return notice


@transaction.atomic
def notices_purge(*, now=None) -> int:
    """Deletes notices read more than NOTICE_READ_KEEP_DAYS ago, and unread ones older than
    NOTICE_KEEP_DAYS; a notice still waiting for the digest stays. Returns how many went."""
    now = now or timezone.now()
    read_before = now - timedelta(days=settings.NOTICE_READ_KEEP_DAYS)
    created_before = now - timedelta(days=settings.NOTICE_KEEP_DAYS)
    deleted, _details = (
        Notice.objects.filter(in_digest=False)
        .filter(Q(read_at__lt=read_before) | Q(read_at__isnull=True, created_at__lt=created_before))
        .delete()
    )
    return deleted


def notices_mark_all_read(*, user) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


# --- Preferences -------------------------------------------------------------------------

@transaction.atomic
def preferences_set(*, user, frequencies: dict[str, str]) -> None:
    """Set the person's frequency for each registered kind given in `frequencies`."""
    rows = [NoticePreference(user=user, kind=kind, frequency=Frequency(frequency))
            for kind, frequency in frequencies.items() if registry.is_kind(kind)]
    NoticePreference.objects.bulk_create(rows, update_conflicts=True, unique_fields=["user", "kind"],
                                         update_fields=["frequency", "updated_at"])


@transaction.atomic
def unsubscribe_apply(*, user, kind: str) -> list[str]:
    """No more e-mail of `kind` (or, for unsubscribe.DIGEST, of every kind in the digest);
    returns the kinds turned to « never »."""
    if kind == unsubscribe.DIGEST:
        current = dict(NoticePreference.objects.filter(user=user).values_list("kind", "frequency"))
        kinds = [k.code for k in registry.email_kinds() if current.get(k.code) == Frequency.DIGEST]
    else:
        kinds = [kind]
    preferences_set(user=user, frequencies=dict.fromkeys(kinds, Frequency.NEVER))
    # What was waiting for a digest is no longer e-mailed either.
    Notice.objects.filter(recipient=user, kind__in=kinds, in_digest=True).update(in_digest=False)
    return kinds


# --- Daily digest ------------------------------------------------------------------------

def _digest_send(user, notices: list[Notice]) -> None:
    footer = _footer(user, unsubscribe.DIGEST)
    entries = [{"title": n.title, "text": n.text, "url": _absolute(n.url) if n.url else "",
                "kind": str(registry.kind(n.kind).label) if registry.is_kind(n.kind) else ""}
               for n in notices]
    mail.send(template="notifications/emails/digest", recipients=[user.email],
              headers=unsubscribe.headers(footer["unsubscribe_url"]),
              context={**footer, "notices": entries, "count": len(entries),
                       "unsubscribe_label": _("Ne plus recevoir ce récapitulatif"),
                       "action_url": settings.SITE_URL + reverse("notifications:list"),
                       "action_label": _("Voir toutes mes notifications")})


def digest_send_for(user_id: int) -> int:
    """One person's digest: their notices waiting for it, e-mailed once (a second worker
    running at the same time skips the rows this one holds); returns how many it listed."""
    with transaction.atomic():
        pending = list(Notice.objects.select_for_update(skip_locked=True)
                       .filter(recipient_id=user_id, in_digest=True).order_by("created_at", "id"))
        if not pending:
            return 0
        Notice.objects.filter(pk__in=[n.pk for n in pending]).update(in_digest=False)
        user = get_user_model().objects.get(pk=user_id)
        never = set(NoticePreference.objects.filter(user=user, frequency=Frequency.NEVER)
                    .values_list("kind", flat=True))
        listed = [n for n in pending if n.kind not in never]
        if listed and user.is_active:
            transaction.on_commit(partial(_digest_send, user, listed))
            return len(listed)
    return 0


def digests_send() -> int:
    """Every digest due; returns how many e-mails were sent (none for nobody waiting)."""
    user_ids = (Notice.objects.filter(in_digest=True).order_by("recipient_id")
                .values_list("recipient_id", flat=True).distinct())
    return sum(1 for user_id in list(user_ids) if digest_send_for(user_id))
