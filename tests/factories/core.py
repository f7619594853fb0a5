import factory

from essaimage.enums import OrganisationKind, Role, TerritoryLevel
from essaimage.models import Organisation, Territory, User, organisation_name_key
from essaimage.services import user_set_roles

PASSWORD = "mot-de-passe-de-test-42"


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory
        django_get_or_create = ("level", "code")

    level = TerritoryLevel.COMMUNE
    code = factory.Sequence(lambda n: f"{90000 + n}")
    name = factory.Sequence(lambda n: f"Commune {n}")


def territory_tree(commune="Lille", commune_code="59350", dept="Nord", dept_code="59",
                   region="Hauts-de-France", region_code="32"):
    region_obj = TerritoryFactory(level=TerritoryLevel.REGION, code=region_code, name=region)
    dept_obj = TerritoryFactory(level=TerritoryLevel.DEPARTEMENT, code=dept_code, name=dept, parent=region_obj)
    return TerritoryFactory(level=TerritoryLevel.COMMUNE, code=commune_code, name=commune, parent=dept_obj)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Mairie numéro {n}")
    kind = OrganisationKind.COLLECTIVITE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """One organisation per name and kind (a unique constraint): an existing one is reused."""
        existing = model_class.objects.filter(
            name_key=organisation_name_key(kwargs.get("name", "")), kind=kwargs.get("kind")).first()
        return existing or super()._create(model_class, *args, **kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"agent{n}@exemple.gouv.fr")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        self.save()
        user_set_roles(user=self, roles=extracted if extracted is not None else [Role.AGENT])
