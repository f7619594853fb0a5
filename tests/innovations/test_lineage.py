"""Lineage of replications: a declaration may say which earlier replication inspired it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from innovations import services
from innovations.enums import ReplicationStatus, ScalingMode
from innovations.models import Replication
from tests.factories.core import OrganisationFactory, territory_tree
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db


def declaration(**overrides):
    data = {"organisation_name": "Mairie de Lille", "organisation_kind": "collectivite", "organisation_siret": "",
            "territory": "Lille (59350)", "scaling_mode": "diffusion", "status": "interesse", "adaptations": ""}
    data.update(overrides)
    return data


def test_a_declaration_names_the_replication_that_inspired_it(client_for, other_agent):
    territory_tree()
    innovation = InnovationFactory()
    roubaix = ReplicationFactory(innovation=innovation, organisation=OrganisationFactory(name="CCAS de Roubaix"),
                                 territory=territory_tree("Roubaix", "59512"))
    ReplicationFactory(innovation=innovation, status=ReplicationStatus.ABANDONNE)
    client = client_for(other_agent)
    form = client.get(reverse("innovations:replicate", args=[innovation.slug])).context["form"]
    assert list(form.fields["parent"].queryset) == [roubaix]  # abandoned ones are not offered
    response = client.post(reverse("innovations:replicate", args=[innovation.slug]), declaration(parent=roubaix.pk))
    assert response.status_code == 302
    mine = Replication.objects.get(declared_by=other_agent)
    assert mine.parent == roubaix
    page = client.get(innovation.get_absolute_url()).content.decode()
    assert "inspiré de l’essaimage de CCAS de Roubaix (Roubaix)" in page
    edit = reverse("innovations:replication_update", args=[mine.pk])
    assert edit in page  # the author may edit their declaration...
    assert reverse("innovations:replication_update", args=[roubaix.pk]) not in page  # ...not someone else's


def test_a_replication_of_another_innovation_is_refused_with_a_message(client_for, other_agent):
    territory_tree()
    innovation = InnovationFactory()
    ReplicationFactory(innovation=innovation)
    elsewhere = ReplicationFactory()
    response = client_for(other_agent).post(reverse("innovations:replicate", args=[innovation.slug]),
                                            declaration(parent=elsewhere.pk, adaptations="Texte gardé"))
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert "Texte gardé" in response.content.decode()
    assert not Replication.objects.filter(declared_by=other_agent).exists()
    with pytest.raises(ValidationError):
        services.replication_declare(innovation=innovation, by=other_agent, organisation=OrganisationFactory(),
                                     territory=territory_tree(), scaling_mode=ScalingMode.DIFFUSION,
                                     status=ReplicationStatus.INTERESSE, adaptations="", parent=elsewhere)


def test_the_question_is_not_asked_for_a_first_replication(client_for, other_agent):
    innovation = InnovationFactory()
    form = client_for(other_agent).get(reverse("innovations:replicate", args=[innovation.slug])).context["form"]
    assert "parent" not in form.fields
