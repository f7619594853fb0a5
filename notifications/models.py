from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.enums import Frequency

KIND_MAX_LENGTH = 50


class Notice(models.Model):
    """One thing a person is told, in the site (the bell, /notifications/) and, by their
    preference, by e-mail at once or in the daily digest."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("destinataire"), on_delete=models.CASCADE,
                                  related_name="notices")
    kind = models.CharField(_("type"), max_length=KIND_MAX_LENGTH)
    title = models.CharField(_("titre"), max_length=200)
    text = models.CharField(_("texte"), max_length=500, blank=True)
    url = models.CharField(_("adresse de l’objet"), max_length=500, blank=True)
    content_type = models.ForeignKey(ContentType, verbose_name=_("type d’objet"), null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(_("identifiant de l’objet"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)
    # Waiting for the next daily digest (the person chose the digest for this kind).
    in_digest = models.BooleanField(_("en attente du récapitulatif"), default=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notice_recipient_newest"),
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notice_unread"),
            models.Index(fields=["recipient"], condition=Q(in_digest=True), name="notice_digest_pending"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Follow(models.Model):
    """A person follows an object (an innovation today; a call, a campaign, an event later)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.CASCADE,
                             related_name="follows")
    content_type = models.ForeignKey(ContentType, verbose_name=_("type d’objet"), on_delete=models.CASCADE,
                                     related_name="+")
    object_id = models.PositiveBigIntegerField(_("identifiant de l’objet"))
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("suivi depuis le"), default=timezone.now)

    class Meta:
        verbose_name = _("suivi")
        verbose_name_plural = _("suivis")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="follow_once"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target")]

    def __str__(self):
        return f"{self.user} → {self.content_type.model} {self.object_id}"

    @property
    def target_label(self) -> str:
        """« innovations.innovation »: how the follow URL names the kind of object."""
        return f"{self.content_type.app_label}.{self.content_type.model}"


class NoticePreference(models.Model):
    """How a person wants a kind of notice by e-mail; no row means immediately."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.CASCADE,
                             related_name="notice_preferences")
    kind = models.CharField(_("type"), max_length=KIND_MAX_LENGTH)
    frequency = models.CharField(_("fréquence"), max_length=20, choices=Frequency.choices,
                                 default=Frequency.IMMEDIATE)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notice_preference_once"),
            models.CheckConstraint(condition=Q(frequency__in=Frequency.values), name="notice_preference_frequency"),
        ]

    def __str__(self):
        return f"{self.user} · {self.kind} · {self.get_frequency_display()}"
