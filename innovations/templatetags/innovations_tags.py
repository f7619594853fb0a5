from django import template
from django.utils.translation import gettext_lazy as _

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
def status_label(value):
    for enum in (Status, ReplicationStatus):
        if value in enum.values:
            return enum(value).label
    return value
