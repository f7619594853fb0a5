"""What the prize campaigns add to the shared pages (see essaimage/hooks.py)."""

URL_PREFIX = "prix/"
