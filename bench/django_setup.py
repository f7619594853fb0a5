"""Django set up for the benchmark scripts run as `python -m bench.<script>`."""

import os


def setup() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaimage.settings")
    django.setup()
