from sponsors.events.models import Event, Registration  # noqa: F401  (rencontres: sponsors/events/)
