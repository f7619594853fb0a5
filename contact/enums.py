from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    PLATFORM = "platform", _("Équipe de la plateforme")
    TEAM = "team", _("Équipe d’une innovation")
    DECLARER = "declarer", _("Auteur d’une déclaration d’essaimage")


# Bounded lengths of what a sender types.
SUBJECT_MAX_LENGTH = 150
MESSAGE_MIN_LENGTH = 10
MESSAGE_MAX_LENGTH = 5000
NAME_MAX_LENGTH = 150
