from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_cache_table(using="default", **kwargs):
    """The database cache's table (CACHE_URL=db), created by every `migrate`, as tests do."""
    from django.core.management import call_command

    call_command("createcachetable", database=using)


class EssaimageConfig(AppConfig):
    name = "essaimage"
    verbose_name = "Essaimage (comptes et référentiels)"

    def ready(self):
        from essaimage import signals  # noqa: F401

        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="essaimage_create_cache_table")

    def load_reference_data(self):
        from essaimage.reference_data import load

        return load()

    def load_demo_data(self):
        from essaimage.demo import demo_users_ensure

        return demo_users_ensure()
