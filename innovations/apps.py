from django.apps import AppConfig


class InnovationsConfig(AppConfig):
    """Proposals 8 and 4: the catalogue of innovations, their business-model grid, replications."""

    name = "innovations"
    verbose_name = "Catalogue des innovations"
