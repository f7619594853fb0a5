"""A relayed message also lands in the recipient's notices (the e-mail is the message itself,
always sent by the relay with the sender as Reply-To: the kind sends no e-mail of its own)."""

from django.utils.translation import gettext_lazy as _

from notifications import registry

MESSAGE_RECEIVED = "contact_message_received"


def register():
    registry.register_kind(
        code=MESSAGE_RECEIVED, label=_("Messages reçus"),
        description=_("Un agent vous écrit au sujet de votre innovation ou de votre déclaration d’essaimage."),
        sends_email=False)
