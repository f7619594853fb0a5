from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class EssaimageConfig(AppConfig):
    default = True  # this module also holds TaskQueueConfig
    name = "essaimage"
    verbose_name = _("Essaimage (comptes et référentiels)")
    hooks_module = "essaimage.core_hooks"  # essaimage.hooks is the registry itself

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
