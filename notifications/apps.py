from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Shared core: in-app notices, follows, e-mail preferences, the daily digest, unsubscribe.
    Feature apps register their kinds of notice and their followable models here (their
    AppConfig.ready); this app imports no feature app."""

    name = "notifications"
    verbose_name = _("Notifications")
    core = True  # part of the shared core, not a feature app (tests/essaimage/test_hooks.py)
