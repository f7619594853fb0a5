from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    """Proposals 1 and 9: scaling grants (programmes, calls, applications). Not built yet."""

    name = "grants"
    verbose_name = _("Subventions d'essaimage")

    def ready(self):
        from grants import review_notices, review_rules  # noqa: F401

        review_notices.register()
