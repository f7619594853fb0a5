"""Daily task of the grants' follow-up (settings.SCHEDULED_TASKS)."""

from django.tasks import task


@task
def remind_financial_reports() -> int:
    """E-mail the teams whose compte rendu financier is due soon or late; returns how many."""
    from grants.followup_services import send_report_reminders

    return send_report_reminders()
