"""Forms validate and hand over what was typed; they create no row (the services do, inside
their transaction): a refused or aborted submission leaves no Organisation behind."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from essaimage.models import Organisation
from essaimage.services import OrganisationInput
from innovations import services
from innovations.enums import Status
from innovations.forms import InnovationForm, ReplicationForm
from innovations.models import Innovation, Replication
from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory, ReplicationFactory
from tests.innovations.test_views import form_data

pytestmark = pytest.mark.django_db

NEW_ORGANISATION = "Communauté de communes du Haut-Jura"


def test_the_innovation_form_hands_over_the_typed_organisation_without_creating_it(agent, themes):
    territory_tree()
    form = InnovationForm(form_data(organisation_name=NEW_ORGANISATION), user=agent)
    assert form.is_valid(), form.errors
    data = form.service_data()
    assert data["organisation"] == OrganisationInput(name=NEW_ORGANISATION, kind="collectivite", siret="",
                                                     territory=form.cleaned_data["territory"])
    assert not Organisation.objects.filter(name=NEW_ORGANISATION).exists()


def test_an_invalid_innovation_form_leaves_no_organisation(client_for, agent, themes):
    territory_tree()
    response = client_for(agent).post(reverse("innovations:create"),
                                      form_data(organisation_name=NEW_ORGANISATION, links="pas une adresse"))
    assert response.status_code == 200 and "pas une adresse" in response.content.decode()
    assert not Organisation.objects.filter(name=NEW_ORGANISATION).exists()
    assert not Innovation.objects.exists()


def test_an_aborted_save_leaves_no_organisation(client_for, agent, themes):
    """The save is refused by the service (an archived sheet): the organisation typed goes too."""
    territory_tree()
    innovation = InnovationFactory(created_by=agent, status=Status.ARCHIVED)
    token = "2b5cf3a4-8f7e-4d3c-9a51-2f0f6f1e2d11"
    Innovation.objects.filter(pk=innovation.pk).update(creation_token=token)
    response = client_for(agent).post(reverse("innovations:create"),
                                      form_data(form_token=token, organisation_name=NEW_ORGANISATION))
    assert response.status_code == 409
    assert not Organisation.objects.filter(name=NEW_ORGANISATION).exists()


def test_a_saved_innovation_creates_the_typed_organisation_once(client_for, agent, themes):
    territory_tree()
    response = client_for(agent).post(reverse("innovations:create"), form_data(organisation_name=NEW_ORGANISATION))
    assert response.status_code == 302
    assert Innovation.objects.get().organisation == Organisation.objects.get(name=NEW_ORGANISATION)


def test_a_refused_declaration_leaves_no_organisation(client_for, other_agent):
    """A second declaration on the same territory is refused by the service's constraint."""
    place = territory_tree(commune="Amiens", commune_code="80021", dept="Somme", dept_code="80")
    innovation = InnovationFactory(status=Status.PUBLISHED)
    form = ReplicationForm({"organisation_name": NEW_ORGANISATION, "organisation_kind": "collectivite",
                            "territory": place.code, "scaling_mode": "diffusion", "status": "interesse"},
                           user=other_agent, innovation=innovation)
    assert form.is_valid(), form.errors
    assert isinstance(form.organisation(), OrganisationInput)
    assert not Organisation.objects.filter(name=NEW_ORGANISATION).exists()

    ReplicationFactory(innovation=innovation, declared_by=other_agent, territory=place)
    with pytest.raises(ValidationError, match="déjà déclaré"):
        services.replication_declare(
            innovation=innovation, by=other_agent, organisation=form.organisation(), territory=place,
            scaling_mode="diffusion", status="interesse", adaptations="")
    assert not Organisation.objects.filter(name=NEW_ORGANISATION).exists()
    assert Replication.objects.count() == 1
