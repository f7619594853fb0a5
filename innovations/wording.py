"""Natural French sentences for moderation decisions: the message after a decision, the
history of a sheet, the e-mail to its team. Typography: U+00A0 inside « » and before « : »."""

from django.utils.translation import gettext_lazy as _

from innovations.enums import ModerationAction

# Shown to the moderator once the decision is recorded ({title} is the sheet's title).
DECISION_DONE = {
    ModerationAction.PUBLISH: _("La fiche «\u00a0%(title)s\u00a0» est publiée\u00a0: elle apparaît dans le catalogue."),
    ModerationAction.REQUEST_CHANGES: _("Modifications demandées à l’équipe de «\u00a0%(title)s\u00a0»\u00a0: "
                                        "elle a reçu votre message par e-mail."),
    ModerationAction.ARCHIVE: _("La fiche «\u00a0%(title)s\u00a0» est archivée\u00a0: "
                                "elle n’apparaît plus dans le catalogue."),
    ModerationAction.RESTORE: _("La fiche «\u00a0%(title)s\u00a0» est republiée\u00a0: "
                                "elle apparaît de nouveau dans le catalogue."),
}

# One line of the moderation history, with and without the person who acted.
HISTORY_BY = {
    ModerationAction.SUBMIT: _("Soumise à la modération par %(name)s"),
    ModerationAction.PUBLISH: _("Publiée par %(name)s"),
    ModerationAction.REQUEST_CHANGES: _("Modifications demandées par %(name)s"),
    ModerationAction.ARCHIVE: _("Archivée par %(name)s"),
    ModerationAction.RESTORE: _("Republiée par %(name)s"),
}
HISTORY_ALONE = {
    ModerationAction.SUBMIT: _("Soumise à la modération"),
    ModerationAction.PUBLISH: _("Publiée"),
    ModerationAction.REQUEST_CHANGES: _("Modifications demandées"),
    ModerationAction.ARCHIVE: _("Archivée"),
    ModerationAction.RESTORE: _("Republiée"),
}


def decision_done(action: str, title: str) -> str:
    return str(DECISION_DONE[ModerationAction(action)]) % {"title": title}


def history_line(action: str, name: str = "") -> str:
    """« Publiée par Camille Martin »; "" for an action that is not a moderation decision (the
    caller then shows the entry's label, essaimage.audit_labels)."""
    try:
        action = ModerationAction(action)
    except ValueError:
        return ""
    if name:
        return str(HISTORY_BY[action]) % {"name": name}
    return str(HISTORY_ALONE[action])
