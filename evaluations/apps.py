from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    """Proposals 3, 5 and 6: prizes, self-evaluation, peer review. Not built yet."""

    name = "evaluations"
    verbose_name = _("Prix et évaluations")
