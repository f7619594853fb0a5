from django.apps import AppConfig


class SponsorsConfig(AppConfig):
    """Proposals 2 and 10: sponsors ("parrains") and meetings. Not built yet."""

    name = "sponsors"
    verbose_name = "Parrains et rencontres"
