from django import template
from django.utils.translation import gettext_lazy as _

from innovations import wording
from innovations.enums import ModerationAction, ReplicationStatus, Status

register = template.Library()

ACTION_LABELS = {
    ModerationAction.SUBMIT: _("soumission"),
    ModerationAction.PUBLISH: _("publication"),
    ModerationAction.REQUEST_CHANGES: _("modifications demandées"),
    ModerationAction.ARCHIVE: _("archivage"),
    ModerationAction.RESTORE: _("republication"),
    "declare": _("déclaration"),
    "status": _("changement d'état"),
}


@register.filter
def action_label(action):
    return ACTION_LABELS.get(action, action)


@register.filter
def history_line(entry):
    """One moderation-history entry in words: « Publiée par Camille Martin »."""
    name = entry.actor.full_name if entry.actor_id and entry.actor else ""
    return wording.history_line(entry.action, name)


@register.filter
def status_label(value):
    for enum in (Status, ReplicationStatus):
        if value in enum.values:
            return enum(value).label
    return value


FIELD_LABELS = {
    "title": _("titre"), "summary": _("résumé"), "stage": _("stade"), "problem": _("problème"),
    "solution": _("solution"), "public_concerned": _("public"), "results": _("résultats"),
    "evidence": _("preuves"), "costs": _("coûts"), "links": _("liens"), "themes": _("thèmes"),
    "territory": _("territoire"), "organisation": _("organisation"),
}


@register.filter
def field_labels(names):
    """The changed fields of a version, in words."""
    return ", ".join(str(FIELD_LABELS.get(name, name)) for name in names)


@register.filter
def field_label(name):
    return FIELD_LABELS.get(name, name)


@register.simple_tag
def fr_count(number, singular, plural):
    """« 0 essaimage réalisé », « 1 … », « 2 essaimages réalisés »: French takes the singular
    for 0 and 1, whatever the catalogue (an untranslated ngettext would say « 0 essaimages »)."""
    number = number or 0
    return f"{number}\u00a0{singular if number <= 1 else plural}"
