import sponsors.events.rules  # noqa: F401  (rencontres: sponsors/events/rules.py)
