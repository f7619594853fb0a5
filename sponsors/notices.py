"""The kinds of notice the sponsors send (registered with the notifications core from
SponsorsConfig.ready). Every kind shares one e-mail template: the service writes the subject,
the sentence and the quoted message (sponsors.services._notify)."""

from django.utils.translation import gettext_lazy as _

from notifications import registry

PROFILE_SUBMITTED = "sponsor_profile_submitted"
PROFILE_MODERATED = "sponsor_profile_moderated"
REQUEST_RECEIVED = "sponsorship_request_received"
REQUEST_ANSWERED = "sponsorship_request_answered"
CHECKIN_ADDED = "sponsorship_checkin_added"
SPONSORSHIP_ENDED = "sponsorship_ended"
SPONSOR_REMINDER = "sponsor_reminder"

TEMPLATE = "sponsors/emails/notice"


def register():
    for code, label, description, action_label in [
        (PROFILE_SUBMITTED, _("Profils de parrains à valider"),
         _("Modérateurs : un agent propose de devenir parrain ou marraine."), _("Voir le profil")),
        (PROFILE_MODERATED, _("Mon profil de parrain ou marraine"),
         _("Votre profil est approuvé, refusé ou suspendu."), _("Voir mon profil")),
        (REQUEST_RECEIVED, _("Demandes de parrainage reçues"),
         _("Parrains et marraines : une équipe vous demande d’accompagner son innovation, ou retire sa demande."),
         _("Voir la demande")),
        (REQUEST_ANSWERED, _("Réponses à mes demandes de parrainage"),
         _("Un parrain ou une marraine accepte ou décline la demande de votre équipe."), _("Voir la demande")),
        (CHECKIN_ADDED, _("Points d’étape des parrainages"),
         _("Un point d’étape est ajouté à un parrainage auquel vous participez."), _("Voir le parrainage")),
        (SPONSORSHIP_ENDED, _("Fin des parrainages"),
         _("Un parrainage auquel vous participez se termine."), _("Voir le bilan")),
        (SPONSOR_REMINDER, _("Rappels de suivi des parrainages"),
         _("Parrains et marraines : aucun point d’étape depuis 60 jours sur un parrainage en cours."),
         _("Ajouter un point d’étape")),
    ]:
        registry.register_kind(code=code, label=label, description=description, template=TEMPLATE,
                               action_label=action_label)
