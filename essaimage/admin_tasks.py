"""The task queue in the admin (« Tâches de fond ») in French: what ran, what waits, what failed
and why; read-only, as django-tasks-db's own admin, which this one replaces. An e-mail that
failed shows one failed row per attempt and, while retries remain, a waiting row with the next
attempt's number and time."""

import json

from django.contrib import admin
from django.tasks import TaskResultStatus
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tasks_db import admin as tasks_db_admin  # registers its admin first, replaced below
from django_tasks_db.models import DBTaskResult, get_date_max

TASK_LABELS = {
    "essaimage.tasks.deliver_email": _("Envoi d’un e-mail"),
    "essaimage.tasks.prune_finished_tasks": _("Suppression des tâches terminées"),
    "essaimage.scheduling.run_scheduled": _("Lancement d’une tâche quotidienne"),
}
HIDDEN_ARGUMENTS = {"body", "html"}


class StatusFilter(admin.SimpleListFilter):
    title = _("statut")
    parameter_name = "statut"

    def lookups(self, request, model_admin):
        return TaskResultStatus.choices

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


class TaskResultAdmin(tasks_db_admin.DBTaskResultAdmin):
    list_display = ["task_label", "status_label", "attempt", "enqueued", "due", "finished"]
    list_filter = [StatusFilter]
    ordering = ["-enqueued_at"]
    date_hierarchy = None
    detail_fields = ["task_label", "status_label", "attempt", "enqueued", "due", "started", "finished",
                     "arguments", "returned", "exception", "formatted_traceback"]

    def get_readonly_fields(self, request, obj=None):
        return self.detail_fields

    def get_fields(self, request, obj=None):
        return self.detail_fields

    @admin.display(description=_("tâche"), ordering="task_path")
    def task_label(self, obj):
        return TASK_LABELS.get(obj.task_path) or obj.task_path

    @admin.display(description=_("statut"), ordering="status")
    def status_label(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("tentative"))
    def attempt(self, obj):
        return obj.args_kwargs.get("kwargs", {}).get("attempt", 1)

    @admin.display(description=_("mise en file"), ordering="enqueued_at")
    def enqueued(self, obj):
        return obj.enqueued_at

    @admin.display(description=_("pas avant"), ordering="run_after")
    def due(self, obj):
        return None if obj.run_after == get_date_max() else obj.run_after

    @admin.display(description=_("commencée"))
    def started(self, obj):
        return obj.started_at

    @admin.display(description=_("terminée"), ordering="finished_at")
    def finished(self, obj):
        return obj.finished_at

    @admin.display(description=_("arguments"))
    def arguments(self, obj):
        """An e-mail's text stays out of sight: it may hold a sign-up or password reset link."""
        kwargs = dict(obj.args_kwargs.get("kwargs", {}))
        for hidden in HIDDEN_ARGUMENTS & kwargs.keys():
            kwargs[hidden] = _("(texte masqué, %(count)s caractères)") % {"count": len(kwargs[hidden] or "")}
        shown = {**obj.args_kwargs, "kwargs": kwargs}
        return format_html("<pre>{}</pre>", json.dumps(shown, ensure_ascii=False, indent=2))

    @admin.display(description=_("valeur renvoyée"))
    def returned(self, obj):
        return obj.return_value

    @admin.display(description=_("erreur"))
    def exception(self, obj):
        return obj.exception_class_path

    @admin.display(description=_("trace de l’erreur"))
    def formatted_traceback(self, obj):
        return format_html("<pre>{}</pre>", obj.traceback) if obj.traceback else None


admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, TaskResultAdmin)
