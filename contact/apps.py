from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    """The contact relay: messages to the platform, to an innovation's team or to a declarer,
    sent by e-mail without ever showing the recipient's address."""

    name = "contact"
    verbose_name = _("Messages de contact")

    def ready(self):
        from contact import notices

        notices.register()
