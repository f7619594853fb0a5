from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contact.enums import MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH, SUBJECT_MAX_LENGTH, ContactKind


class ContactMessage(models.Model):
    """One relayed message (the log of the relay): who wrote to whom, about what, when."""

    kind = models.CharField(_("destinataire"), max_length=20, choices=ContactKind.choices)
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("expéditeur (compte)"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="contact_messages_sent")
    sender_name = models.CharField(_("nom de l’expéditeur"), max_length=NAME_MAX_LENGTH)
    sender_email = models.EmailField(_("adresse de l’expéditeur"))
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("destinataire (compte)"), null=True,
                                  blank=True, on_delete=models.SET_NULL, related_name="contact_messages_received")
    innovation = models.ForeignKey("innovations.Innovation", verbose_name=_("innovation"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    replication = models.ForeignKey("innovations.Replication", verbose_name=_("déclaration d’essaimage"),
                                    null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    subject = models.CharField(_("objet"), max_length=SUBJECT_MAX_LENGTH)
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    recipient_count = models.PositiveSmallIntegerField(_("nombre de destinataires"), default=1)
    created_at = models.DateTimeField(_("envoyé le"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("message de contact")
        verbose_name_plural = _("messages de contact")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ContactKind.values), name="contactmessage_kind_valid"),
        ]

    def __str__(self):
        return f"{self.sender_name} – {self.subject}"
