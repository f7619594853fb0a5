from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Shared core: in-app notices, follows, e-mail preferences, the daily digest, unsubscribe.
    Feature apps register their kinds of notice and their followable models here (their
    AppConfig.ready); this app imports no feature app."""

    name = "notifications"
    verbose_name = "Notifications"
