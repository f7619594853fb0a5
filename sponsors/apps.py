from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorsConfig(AppConfig):
    """Proposals 2 and 10: sponsors ("parrains") and meetings. Not built yet."""

    name = "sponsors"
    verbose_name = _("Parrains et rencontres")
