from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immédiatement")
    DIGEST = "digest", _("Dans un récapitulatif quotidien")
    NEVER = "never", _("Jamais par e-mail")
