"""Keeps derived catalogue data honest whatever writes it (services, admin, shell): a write that
changes the published catalogue (an innovation published before or after it, a replication, an
organisation, a theme: `load_reference_data` saves every theme, so it moves it on too) bumps the
catalogue version that keys the facet index and the cached catalogue data (figures, labels), and
a deleted replication recounts its innovation's replications. Drafts and submissions leave the
index alone. This is cache invalidation, not domain logic."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from essaimage.models import Organisation
from innovations.catalogue_version import bump_version
from innovations.models import Innovation, Replication, Theme


@receiver([post_save, post_delete], sender=Innovation)
def innovation_changed(sender, instance, **kwargs):
    if instance.in_published_catalogue:
        bump_version()


@receiver([post_save, post_delete], sender=Replication)
@receiver([post_save, post_delete], sender=Theme)
@receiver([post_save, post_delete], sender=Organisation)
def catalogue_changed(sender, **kwargs):
    bump_version()


@receiver(post_delete, sender=Replication)
def replication_deleted(sender, instance, **kwargs):
    from innovations.services import refresh_replication_count

    refresh_replication_count(instance.innovation_id)
