from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationsConfig(AppConfig):
    """Proposals 8 and 4: the catalogue of innovations, their business-model grid, replications."""

    name = "innovations"
    verbose_name = _("Catalogue des innovations")

    def ready(self):
        from innovations import notices, signals  # noqa: F401

        notices.register()

    def load_reference_data(self):
        from innovations.reference_data import load

        return load()

    def load_demo_data(self):
        from innovations.demo import load

        return load()
