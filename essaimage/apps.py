from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EssaimageConfig(AppConfig):
    name = "essaimage"
    verbose_name = _("Essaimage (comptes et référentiels)")
    hooks_module = "essaimage.core_hooks"  # essaimage.hooks is the registry itself

    def load_reference_data(self):
        from essaimage.reference_data import load

        return load()

    def load_demo_data(self):
        from essaimage.demo import demo_users_ensure

        return demo_users_ensure()
