import factory
from django.utils import timezone
from django.utils.text import slugify

from innovations.enums import ReplicationStatus, ScalingMode, Stage, Status, TeamRole
from innovations.models import BusinessModel, Innovation, Replication, TeamMember, Theme
from tests.factories.core import OrganisationFactory, TerritoryFactory, UserFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class InnovationFactory(factory.django.DjangoModelFactory):
    """A complete innovation; status set directly (test setup), published by default."""

    class Meta:
        model = Innovation
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Innovation exemplaire numéro {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title)[:80])
    summary = "Un dispositif qui a fait ses preuves localement."
    stage = Stage.EPROUVEE
    status = Status.PUBLISHED
    problem = "Un problème de service public bien identifié."
    solution = "Une solution simple, mise en œuvre avec les usagers."
    public_concerned = "Les habitants du quartier."
    territory = factory.SubFactory(TerritoryFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    created_by = factory.SubFactory(UserFactory)
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def team(self, create, extracted, **kwargs):
        TeamMember.objects.get_or_create(innovation=self, user=self.created_by, defaults={"role": TeamRole.OWNER})
        for user in extracted or []:
            TeamMember.objects.get_or_create(innovation=self, user=user, defaults={"role": TeamRole.COAUTHOR})

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.theme_ids = [theme.pk for theme in extracted]
            self.save(update_fields=["theme_ids"])

    @factory.post_generation
    def grid(self, create, extracted, **kwargs):
        BusinessModel.objects.get_or_create(innovation=self, defaults={
            "value_proposition": "Un service plus simple.", "beneficiaries": "Les usagers.",
        })


class ReplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Replication

    innovation = factory.SubFactory(InnovationFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    territory = factory.SubFactory(TerritoryFactory)
    declared_by = factory.SubFactory(UserFactory)
    scaling_mode = ScalingMode.DIFFUSION
    status = ReplicationStatus.EN_COURS
