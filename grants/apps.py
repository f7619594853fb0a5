from django.apps import AppConfig


class GrantsConfig(AppConfig):
    """Proposals 1 and 9: scaling grants (programmes, calls, applications). Not built yet."""

    name = "grants"
    verbose_name = "Subventions d'essaimage"
