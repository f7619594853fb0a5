"""The kinds of notice and the models one may follow, registered by the feature apps in their
AppConfig.ready (the core imports none of them).

A kind: a code (stored on each Notice and preference), a French label and description shown on
the preferences page, and the e-mail template sent when the person wants it at once
(`<template>_subject.txt`, `<template>.txt`, `<template>.html`). A kind registered with
`sends_email=False` only lands in the site (its app sends its own e-mail, as the contact relay
does with the message itself): it has no template and no choice on the preferences page."""

from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NoticeKind:
    code: str
    label: str
    description: str
    template: str
    action_label: str  # the e-mail's button to the object
    sends_email: bool = True


@dataclass(frozen=True)
class Followable:
    model: type[models.Model]
    view_permission: str  # who may see the object may follow it
    follow_label: str  # the button (« Suivre cette innovation »)
    following_text: str  # shown to who follows it
    followed_message: str  # after following; %(object)s is the object


_kinds: dict[str, NoticeKind] = {}
_followables: dict[str, Followable] = {}


DEFAULT_ACTION_LABEL = _("Ouvrir sur Essaimage")


def register_kind(*, code: str, label, description, template: str = "",
                  action_label=DEFAULT_ACTION_LABEL, sends_email: bool = True) -> NoticeKind:
    if sends_email and not template:
        raise ValueError(f"The kind of notice {code!r} sends e-mails: it needs a template.")
    kind = NoticeKind(code=code, label=label, description=description, template=template,
                      action_label=action_label, sends_email=sends_email)
    _kinds[code] = kind
    return kind


def kind(code: str) -> NoticeKind:
    return _kinds[code]


def is_kind(code: str) -> bool:
    return code in _kinds


def kinds() -> list[NoticeKind]:
    """Every registered kind, in the order apps registered them."""
    return list(_kinds.values())


def email_kinds() -> list[NoticeKind]:
    """The kinds a person chooses how to receive by e-mail (the preferences page, the digest)."""
    return [entry for entry in _kinds.values() if entry.sends_email]


def register_followable(model: type[models.Model], *, view_permission: str, follow_label, following_text,
                        followed_message) -> None:
    _followables[model._meta.label_lower] = Followable(model, view_permission, follow_label, following_text,
                                                       followed_message)


def followable(label: str) -> Followable | None:
    """The followable model named `label` (« innovations.innovation »), None if not one."""
    return _followables.get(label)


def is_followable(obj) -> bool:
    return obj._meta.label_lower in _followables


def followable_models() -> list[type[models.Model]]:
    return [entry.model for entry in _followables.values() if apps.is_installed(entry.model._meta.app_label)]
