"""The kinds of notice the catalogue sends, and innovations as something one may follow
(registered with the notifications core from InnovationsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications import registry

SUBMITTED = "innovation_submitted"
MODERATED = "innovation_moderated"
REPLICATION_DECLARED = "replication_declared"
REPLICATION_UPDATED = "replication_updated"
FOLLOWED_NEW_VERSION = "followed_new_version"
FOLLOWED_REPLICATION = "followed_replication"


def register():
    from innovations.models import Innovation

    registry.register_followable(
        Innovation, view_permission="innovations.view_innovation", follow_label=_("Suivre cette innovation"),
        following_text=_("Vous suivez cette innovation : ses nouvelles versions et ses essaimages vous sont signalés."),
        followed_message=_("Vous suivez « %(object)s » : vous serez averti de ses nouvelles versions et de ses "
                           "essaimages."))
    see_sheet, see_replications = _("Voir la fiche"), _("Voir les essaimages")
    for code, label, description, template, action_label in [
        (SUBMITTED, _("Innovations à relire"), _("Modérateurs : une équipe soumet une innovation à la relecture."),
         "submitted", _("Relire la fiche")),
        (MODERATED, _("Décisions de modération"),
         _("Votre innovation est publiée, archivée, ou des modifications sont demandées."), "moderated", see_sheet),
        (REPLICATION_DECLARED, _("Essaimages de mes innovations"),
         _("Une organisation déclare reprendre une innovation de votre équipe."), "replication_declared",
         see_replications),
        (REPLICATION_UPDATED, _("Suivi des essaimages de mes innovations"),
         _("Une déclaration d’essaimage change d’état, ou son auteur vous écrit."), "replication_updated",
         see_replications),
        (FOLLOWED_NEW_VERSION, _("Nouvelles versions des innovations que je suis"),
         _("Une innovation que vous suivez publie une nouvelle version."), "followed_new_version", see_sheet),
        (FOLLOWED_REPLICATION, _("Essaimages des innovations que je suis"),
         _("Une innovation que vous suivez est reprise sur un nouveau territoire."), "followed_replication",
         see_replications),
    ]:
        registry.register_kind(code=code, label=label, description=description,
                               template=f"innovations/emails/{template}", action_label=action_label)
