from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorsConfig(AppConfig):
    """Proposals 2 and 10: sponsors ("parrains") and meetings (« rencontres », sponsors/events/)."""

    name = "sponsors"
    verbose_name = _("Parrains et rencontres")

    def ready(self):
        from sponsors.events import notices

        notices.register()

    def load_demo_data(self):
        from sponsors.events.demo import load as load_events

        return load_events()
