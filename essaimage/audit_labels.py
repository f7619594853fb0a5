"""French labels for the codes the audit journal stores (actions and states), resolved by the
audited object's content type: two apps (or two models) that both record « submit » or « draft »
each read with their own words. A new app's journal reads right with no change here.

- a state is labelled by the choices of the audited model's fields (its `status` first);
- an action by the model's own `audit_actions` (a `TextChoices`, when the model names one), then
  by the `TextChoices` of `<app>.enums` whose name ends in « Action », then by the generic
  actions below, then by the other enums of the app.

Used by the admin's journal and by `AuditEntry.action_label` / `from_label` / `to_label`
(essaimage.selectors.audit_entries_for).
"""

import importlib
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# Actions that services record without an enum of their own.
GENERIC_ACTIONS = {
    "create": _("Création"),
    "declare": _("Déclaration"),
    "status": _("Changement d’état"),
    "delete": _("Suppression"),
    "team": _("Équipe modifiée"),
    "test": _("Essai"),
}


def _model(content_type_id: int):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def _enums_of(app_label: str) -> list[type[models.TextChoices]]:
    try:
        module = importlib.import_module(f"{app_label}.enums")
    except ImportError:
        return []
    return [value for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, models.Choices) and value is not models.Choices
            and value.__module__ == module.__name__]


@cache
def _action_labels(content_type_id: int) -> dict[str, str]:
    model = _model(content_type_id)
    enums = _enums_of(model._meta.app_label) if model else []
    own = getattr(model, "audit_actions", None)
    actions = [dict(enum.choices) for enum in ([own] if own else []) + enums if enum.__name__.endswith("Action")
               or enum is own]
    others = [dict(enum.choices) for enum in enums if not enum.__name__.endswith("Action")]
    labels: dict[str, str] = {}
    for source in [*actions, GENERIC_ACTIONS, *others]:
        for value, label in source.items():
            labels.setdefault(str(value), label)
    return labels


@cache
def _state_labels(content_type_id: int) -> dict[str, str]:
    model = _model(content_type_id)
    if model is None:
        return {}
    fields = sorted((field for field in model._meta.fields if field.choices),
                    key=lambda field: field.name not in ("status", "state"))
    labels: dict[str, str] = {}
    for field in fields:
        for value, label in field.flatchoices:
            labels.setdefault(str(value), label)
    return labels


def action_label(content_type_id: int, code: str) -> str:
    return str(_action_labels(content_type_id).get(code, code))


def state_label(content_type_id: int, code: str) -> str:
    if not code:
        return ""
    return str(_state_labels(content_type_id).get(code, code))


def content_type_name(content_type_id: int) -> str:
    model = _model(content_type_id)
    if model is None:
        return ContentType.objects.get_for_id(content_type_id).model
    return str(capfirst(model._meta.verbose_name))
