"""Signed one-click unsubscribe links: per person and kind of notice, no log-in needed
(django.core.signing: the token is the protection; it expires after
settings.NOTICE_UNSUBSCRIBE_MAX_AGE seconds)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "notifications.unsubscribe"
# In place of a kind: the daily digest as a whole (every kind the person gets in the digest).
DIGEST = "*digest"


def make_token(user, kind: str) -> str:
    return signing.dumps([user.pk, kind], salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str]:
    """(user id, kind) of a token; raises signing.BadSignature when tampered or expired."""
    value = signing.loads(token, salt=SALT, max_age=settings.NOTICE_UNSUBSCRIBE_MAX_AGE)
    if (not isinstance(value, list) or len(value) != 2 or not isinstance(value[0], int)
            or not isinstance(value[1], str)):
        raise signing.BadSignature("Malformed unsubscribe token")
    return value[0], value[1]


def absolute_url(user, kind: str) -> str:
    return settings.SITE_URL + reverse("notifications:unsubscribe", args=[make_token(user, kind)])


def headers(url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail clients offer « unsubscribe » and POST to the link."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
