"""Background work of prize campaigns: the phases follow the dates (settings.SCHEDULED_TASKS, every
day; every read of a campaign's page catches its phase up too)."""

from django.tasks import task

from evaluations import services


@task
def advance_campaign_phases() -> int:
    """Moves every campaign whose dates have passed into its next phase(s); returns how many moved."""
    return services.campaigns_advance_all()
