"""Keeps derived catalogue data honest whatever writes it (services, admin, shell): a write that
changes the published catalogue (an innovation published before or after it, a replication, an
organisation, a theme: `load_reference_data` saves every theme, so it moves it on too) bumps the
catalogue version that keys the facet index and the cached catalogue data (figures, labels), and
a deleted replication recounts its innovation's replications. Drafts and submissions leave the
index alone. An innovation's own page, as anonymous visitors see it, is cached under its
generation too (innovations.views.detail): any write to the innovation, its attachments, grid,
funding or team, or to a team member's name, moves that generation on. This is cache
invalidation, not domain logic."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from essaimage import versioned_cache
from essaimage.models import Organisation
from innovations.catalogue_version import bump_version
from innovations.models import Attachment, BusinessModel, FundingSource, Innovation, Replication, TeamMember, Theme
from innovations.selectors import page_generation


@receiver([post_save, post_delete], sender=Innovation)
def innovation_changed(sender, instance, **kwargs):
    versioned_cache.bump_generation(page_generation(instance.pk))
    if instance.in_published_catalogue:
        bump_version()


@receiver([post_save, post_delete], sender=Attachment)
@receiver([post_save, post_delete], sender=BusinessModel)
@receiver([post_save, post_delete], sender=TeamMember)
def page_part_changed(sender, instance, **kwargs):
    versioned_cache.bump_generation(page_generation(instance.innovation_id))


@receiver([post_save, post_delete], sender=FundingSource)
def funding_changed(sender, instance, **kwargs):
    for innovation_id in BusinessModel.objects.filter(pk=instance.business_model_id).values_list(
            "innovation_id", flat=True):
        versioned_cache.bump_generation(page_generation(innovation_id))


@receiver(post_save, sender=get_user_model())
def person_changed(sender, instance, update_fields=None, **kwargs):
    """A team member's name is on their innovations' pages (a login only writes last_login)."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    for innovation_id in TeamMember.objects.filter(user_id=instance.pk).values_list("innovation_id", flat=True):
        versioned_cache.bump_generation(page_generation(innovation_id))


@receiver([post_save, post_delete], sender=Replication)
@receiver([post_save, post_delete], sender=Theme)
@receiver([post_save, post_delete], sender=Organisation)
def catalogue_changed(sender, **kwargs):
    bump_version()


@receiver(post_delete, sender=Replication)
def replication_deleted(sender, instance, **kwargs):
    from innovations.services import refresh_replication_count

    refresh_replication_count(instance.innovation_id)
