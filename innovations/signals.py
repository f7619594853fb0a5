"""Keeps derived catalogue data honest whatever writes it (services, admin, shell): a write that
changes the published catalogue (an innovation published before or after it, a replication, an
organisation, a theme: `load_reference_data` saves every theme, so it moves it on too) bumps the
catalogue version that keys the facet index and the cached catalogue data (figures, labels), and
a deleted replication recounts its innovation's replications. Drafts and submissions leave the
index alone. An innovation's page, as anonymous visitors see it, is cached under the catalogue
version too (innovations.views.detail): a write to a published innovation's attachments, grid,
funding or team, or to the name of a member of its team, moves the version on as well. This is
cache invalidation, not domain logic."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from essaimage.models import Organisation
from innovations.catalogue_version import bump_version
from innovations.enums import Status
from innovations.models import Attachment, BusinessModel, FundingSource, Innovation, Replication, TeamMember, Theme


@receiver([post_save, post_delete], sender=Innovation)
def innovation_changed(sender, instance, **kwargs):
    if instance.in_published_catalogue:
        bump_version()


def _bump_if_published(innovations) -> None:
    if innovations.filter(status=Status.PUBLISHED).exists():
        bump_version()


@receiver([post_save, post_delete], sender=Attachment)
@receiver([post_save, post_delete], sender=BusinessModel)
@receiver([post_save, post_delete], sender=TeamMember)
def page_part_changed(sender, instance, **kwargs):
    _bump_if_published(Innovation.objects.filter(pk=instance.innovation_id))


@receiver([post_save, post_delete], sender=FundingSource)
def funding_changed(sender, instance, **kwargs):
    _bump_if_published(Innovation.objects.filter(business_model__pk=instance.business_model_id))


@receiver(post_save, sender=get_user_model())
def person_changed(sender, instance, created=False, update_fields=None, **kwargs):
    """A team member's name is on their innovations' pages (a new account is on no team yet; a
    login only writes last_login)."""
    if created or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    _bump_if_published(Innovation.objects.filter(members__user_id=instance.pk))


@receiver([post_save, post_delete], sender=Replication)
@receiver([post_save, post_delete], sender=Theme)
@receiver([post_save, post_delete], sender=Organisation)
def catalogue_changed(sender, **kwargs):
    bump_version()


@receiver(post_delete, sender=Replication)
def replication_deleted(sender, instance, **kwargs):
    from innovations.services import refresh_replication_count

    refresh_replication_count(instance.innovation_id)
