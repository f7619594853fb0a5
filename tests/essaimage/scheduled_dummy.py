"""A task to schedule in the tests of essaimage.scheduling (the core names no feature app)."""

from django.tasks import task

calls: list[str] = []


@task
def ping() -> str:
    calls.append("ping")
    return "pong"


def not_a_task() -> None:
    """A plain function: scheduling it is a configuration error."""
