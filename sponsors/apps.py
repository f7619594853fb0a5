from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorsConfig(AppConfig):
    """Proposals 2 and 10: sponsors (« parrains et marraines ») and meetings (« rencontres »,
    sponsors/events/)."""

    name = "sponsors"
    verbose_name = _("Parrains et rencontres")

    def ready(self):
        from sponsors import notices
        from sponsors.events import notices as event_notices

        notices.register()
        event_notices.register()

    def load_demo_data(self):
        from sponsors.demo import load
        from sponsors.events.demo import load as load_events

        return load() + load_events()
