from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    """Proposals 1 and 9: scaling grants (programmes, calls, applications, instruction, review,
    decisions, follow-up)."""

    name = "grants"
    verbose_name = _("Subventions d’essaimage")

    def ready(self):
        from grants import notices, review_notices, review_rules, rules  # noqa: F401

        notices.register()
        review_notices.register()

    def load_demo_data(self):
        from grants.demo import load
        from grants.review_demo import load_reviews

        accounts = load()
        return accounts + load_reviews()
