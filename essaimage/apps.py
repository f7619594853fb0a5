from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig
from django.db.models.signals import post_migrate


def create_cache_table(using="default", **kwargs):
    """The database cache's table (CACHE_URL=db), created by every `migrate`, as tests do."""
    from django.core.management import call_command

    call_command("createcachetable", database=using)


class EssaimageConfig(AppConfig):
    default = True  # this module also holds TaskQueueConfig
    name = "essaimage"
    verbose_name = _("Essaimage (comptes et référentiels)")
    hooks_module = "essaimage.core_hooks"  # essaimage.hooks is the registry itself

    def ready(self):
        from essaimage import signals  # noqa: F401

        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="essaimage_create_cache_table")

    def load_reference_data(self):
        from essaimage.reference_data import load

        return load()

    def load_demo_data(self):
        from essaimage.demo import demo_users_ensure

        return demo_users_ensure()


class TaskQueueConfig(TasksAppConfig):
    """django-tasks-db (the task queue in PostgreSQL), named in French in the admin; its admin
    is replaced by essaimage.admin_tasks (French columns and fields)."""

    default = False
    verbose_name = _("Tâches de fond")

    def ready(self):
        super().ready()
        from django_tasks_db.models import DBTaskResult

        # The model's names only (not its fields' labels: migrations would see those change).
        DBTaskResult._meta.verbose_name = _("tâche")
        DBTaskResult._meta.verbose_name_plural = _("tâches")
