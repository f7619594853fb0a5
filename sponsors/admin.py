import sponsors.events.admin  # noqa: F401  (rencontres: sponsors/events/admin.py)
