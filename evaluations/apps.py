from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    """Proposals 3, 5 and 6: prizes, self-evaluation, peer review. Not built yet."""

    name = "evaluations"
    verbose_name = "Prix et évaluations"
