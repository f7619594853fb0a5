"""Proposal 10, « Espaces et temps de rencontre »: events, registrations, waiting list, iCalendar.

A sub-package of the `sponsors` app (its models are registered through `sponsors/models.py`,
its URLs mounted under « rencontres/ » by `sponsors/urls.py`, its rules imported by
`sponsors/rules.py`, its kinds of notice registered from `SponsorsConfig.ready`)."""
