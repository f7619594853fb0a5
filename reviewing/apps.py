from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewingConfig(AppConfig):
    """Shared core: the one review mechanism of the apps that score things (grants, evaluations):
    criteria, conflicts of interest, assignment of evaluators, score sheets and their aggregation.
    It holds abstract models only (each app owns its tables) and imports no feature app."""

    name = "reviewing"
    verbose_name = _("Évaluation (mécanisme commun)")
    core = True  # part of the shared core, not a feature app (tests/essaimage/test_hooks.py)
