from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    """Proposals 3 and 6: prize campaigns, entries, peer and jury evaluation, results."""

    name = "evaluations"
    verbose_name = _("Prix et évaluations")

    def ready(self):
        from evaluations import notices, scoring_notices, scoring_rules  # noqa: F401

        notices.register()
        scoring_notices.register()

    def load_demo_data(self):
        from evaluations.demo import load

        return load()
