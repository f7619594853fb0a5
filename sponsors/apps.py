from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorsConfig(AppConfig):
    """Proposals 2 and 10: sponsors (« parrains et marraines ») and meetings."""

    name = "sponsors"
    verbose_name = _("Parrains et rencontres")

    def ready(self):
        from sponsors import notices

        notices.register()

    def load_demo_data(self):
        from sponsors.demo import load

        return load()
