"""Cache invalidation only (no domain logic): the home page's figures count active agents and
organisations (essaimage.selectors.home_figures); a user who joins, leaves or is (de)activated,
and an organisation created, renamed or deleted, move the « directory » generation that keys
them (essaimage.versioned_cache). A log-in (which saves `last_login` only) changes nothing."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from essaimage.models import Organisation
from essaimage.versioned_cache import bump_generation

DIRECTORY = "directory"


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def user_saved(sender, instance, created, update_fields=None, **kwargs):
    if created or update_fields is None or "is_active" in update_fields:
        bump_generation(DIRECTORY)


@receiver(post_delete, sender=settings.AUTH_USER_MODEL)
@receiver([post_save, post_delete], sender=Organisation)
def directory_changed(sender, **kwargs):
    bump_generation(DIRECTORY)
