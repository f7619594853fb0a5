"""The kinds of notice and the models one may follow, registered by the feature apps in their
AppConfig.ready (the core imports none of them).

A kind: a code (stored on each Notice and preference), a French label and description shown on
the preferences page, and the e-mail template sent when the person wants it at once
(`<template>_subject.txt`, `<template>.txt`, `<template>.html`)."""

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


def register_kind(*, code: str, label, description, template: str,
                  action_label=DEFAULT_ACTION_LABEL) -> NoticeKind:
    kind = NoticeKind(code=code, label=label, description=description, template=template,
                      action_label=action_label)
    _kinds[code] = kind
    return kind


def kind(code: str) -> NoticeKind:
    return _kinds[code]


def is_kind(code: str) -> bool:
    return code in _kinds


def kinds() -> list[NoticeKind]:
    """Every registered kind, in the order apps registered them."""
    return list(_kinds.values())


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
