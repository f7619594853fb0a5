"""Keeps the facet cache honest: any saved or deleted innovation or replication (through the
services, the admin or anything else) bumps the catalogue version."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from innovations.cache import bump_version
from innovations.models import Innovation, Replication


@receiver([post_save, post_delete], sender=Innovation)
@receiver([post_save, post_delete], sender=Replication)
def catalogue_changed(sender, **kwargs):
    bump_version()
