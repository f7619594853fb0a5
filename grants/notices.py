"""The kinds of notice the grants app sends, and calls as something one may follow (registered
with the notifications core from GrantsConfig.ready). Private annotations never go into any of
these notices or e-mails."""

from django.utils.translation import gettext_lazy as _

from notifications import registry

RECEIPT = "grant_application_receipt"  # team: the receipt of a deposit, with the reference number
STATUS = "grant_application_status"  # team: instruction, request for information, decision
TO_INSTRUCT = "grant_application_to_instruct"  # instructeurs: deposited, completed, withdrawn
MESSAGE = "grant_message"  # the other side of the thread
FOLLOWED_CALL = "followed_call"  # followers of a call: a grant was awarded


def register():
    from grants.models import Call

    registry.register_followable(
        Call, view_permission="grants.view_call", follow_label=_("Suivre cet appel"),
        following_text=_("Vous suivez cet appel : les subventions qu’il attribue vous sont signalées."),
        followed_message=_("Vous suivez « %(object)s » : vous serez averti des subventions qu’il attribue."))
    see_application = _("Voir la demande")
    for code, label, description, template, action_label in [
        (RECEIPT, _("Accusés de réception de mes demandes de subvention"),
         _("Votre demande de subvention est déposée : son numéro et son récapitulatif."), "receipt",
         see_application),
        (STATUS, _("Suivi de mes demandes de subvention"),
         _("Votre demande passe en instruction, des compléments sont demandés, ou elle est décidée."), "status",
         see_application),
        (TO_INSTRUCT, _("Demandes de subvention à instruire"),
         _("Instructeurs : une demande est déposée, complétée ou retirée dans un de vos programmes."),
         "to_instruct", _("Instruire la demande")),
        (MESSAGE, _("Messages sur les demandes de subvention"),
         _("L’équipe ou l’instruction vous écrit sur une demande de subvention."), "message",
         _("Lire le message")),
        (FOLLOWED_CALL, _("Subventions des appels que je suis"),
         _("Un appel à projets que vous suivez attribue une subvention."), "followed_call", _("Voir l’appel")),
    ]:
        registry.register_kind(code=code, label=label, description=description,
                               template=f"grants/emails/{template}", action_label=action_label)
