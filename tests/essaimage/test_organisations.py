"""Organisations: one row per organisation (name and kind, or SIRET), and a typed SIRET is never
silently dropped (issue 7 points 4 and 5, issue 8 point 10)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from essaimage import services
from essaimage.models import Organisation, organisation_name_key
from essaimage.validators import normalise_siret
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.core import territory_tree

LILLE_SIRET = "21590350100017"
OTHER_SIRET = "73282932000074"


def profile_data(**overrides):
    data = {"first_name": "Camille", "last_name": "Martin", "organisation_name": "Mairie de Lille",
            "organisation_kind": "collectivite", "organisation_siret": "", "territory": ""}
    data.update(overrides)
    return data


def test_name_key_ignores_accents_case_spaces_and_hyphens():
    assert organisation_name_key("  MAIRIE DE  SAINT-ÉTIENNE ") == organisation_name_key("Mairie de Saint Etienne")
    assert organisation_name_key("Straße") == organisation_name_key("STRASSE")
    assert organisation_name_key("D.D.E.T.S.") != organisation_name_key("DDETS")


@pytest.mark.parametrize("typed", ["215 903 501 00017", "215.903.501.00017", "215\u00a0903\u00a0501\u202f00017",
                                   " 21590350100017 ", "215-903-501-00017"])
def test_siret_is_normalised_before_validation(typed):
    assert normalise_siret(typed) == LILLE_SIRET


@pytest.mark.django_db
def test_a_siret_typed_for_an_existing_organisation_is_kept_on_it(client_for):
    existing = OrganisationFactory(name="Mairie de Lille", kind="collectivite", siret="")
    user = UserFactory(organisation=existing)
    response = client_for(user).post(reverse("profile"), profile_data(
        organisation_name="MAIRIE DE LILLE", organisation_siret="215 903 501 00017"))
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.siret == LILLE_SIRET
    assert Organisation.objects.filter(name_key="mairie de lille").count() == 1
    page = client_for(user).get(reverse("profile")).content.decode()
    assert f'value="{LILLE_SIRET}"' in page  # not empty on reload


@pytest.mark.django_db
def test_a_siret_of_another_organisation_is_refused_with_a_message_and_kept_in_the_form(client_for):
    OrganisationFactory(name="Mairie de Roubaix", kind="collectivite", siret=LILLE_SIRET)
    user = UserFactory()
    response = client_for(user).post(reverse("profile"), profile_data(organisation_siret="215 903 501 00017"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ce SIRET est celui de «\u00a0Mairie de Roubaix\u00a0»" in html
    assert 'value="215 903 501 00017"' in html
    assert not Organisation.objects.filter(name="Mairie de Lille").exists()


@pytest.mark.django_db
def test_a_different_siret_for_an_organisation_that_has_one_is_refused():
    OrganisationFactory(name="Mairie de Lille", kind="collectivite", siret=LILLE_SIRET)
    with pytest.raises(ValidationError, match="déjà enregistrée avec le SIRET 21590350100017"):
        services.organisation_get_or_create(name="Mairie de Lille", kind="collectivite", siret=OTHER_SIRET)


@pytest.mark.django_db
def test_get_or_create_reuses_by_normalised_name_and_by_siret():
    first = services.organisation_get_or_create(name="Mairie de Saint-Étienne", kind="collectivite")
    assert services.organisation_get_or_create(name="MAIRIE DE SAINT ETIENNE", kind="collectivite") == first
    assert services.organisation_get_or_create(name="Mairie de Saint-Étienne", kind="association") != first
    with_siret = services.organisation_get_or_create(name="Ville de Lille", kind="collectivite",
                                                     siret="215 903 501 00017")
    assert with_siret.siret == LILLE_SIRET
    assert services.organisation_get_or_create(name="ville de lille", kind="collectivite",
                                               siret=LILLE_SIRET) == with_siret


@pytest.mark.django_db
def test_admin_explains_a_duplicate_name_instead_of_failing(client):
    OrganisationFactory(name="Mairie de Lille", kind="collectivite")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(reverse("admin:essaimage_organisation_add"),
                           {"name": "MAIRIE DE LILLÉ", "kind": "collectivite", "siret": "", "territory": ""})
    assert response.status_code == 200
    assert "porte déjà ce nom" in response.content.decode()
    assert Organisation.objects.filter(name_key="mairie de lille").count() == 1


@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_saves_of_one_new_organisation_make_one_row():
    barrier = threading.Barrier(10)
    results, errors = [], []

    def save(index):
        try:
            barrier.wait()
            name = "Communauté de communes du Pays d'Orthe" if index % 2 else "COMMUNAUTÉ DE COMMUNES DU PAYS D’ORTHE"
            results.append(services.organisation_get_or_create(name=name, kind="collectivite").pk)
        except Exception as error:  # noqa: BLE001 - the test reports any failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(results) == 10 and len(set(results)) == 1
    key = organisation_name_key("Communauté de communes du Pays d'Orthe")
    assert Organisation.objects.filter(name_key=key).count() == 1


@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_saves_with_one_siret_make_one_row():
    barrier = threading.Barrier(10)
    results, errors = [], []

    def save():
        try:
            barrier.wait()
            results.append(services.organisation_get_or_create(
                name="Mairie de Lille", kind="collectivite", siret="215 903 501 00017").pk)
        except Exception as error:  # noqa: BLE001 - the test reports any failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [] and len(set(results)) == 1
    assert list(Organisation.objects.values_list("siret", flat=True)) == [LILLE_SIRET]


@pytest.mark.django_db
def test_signup_with_a_spaced_siret_creates_the_organisation_with_its_digits(client):
    territory_tree()
    response = client.post(reverse("signup"), {
        "first_name": "Camille", "last_name": "Martin", "email": "camille.martin@exemple.gouv.fr",
        "organisation_name": "Mairie de Lille", "organisation_kind": "collectivite",
        "organisation_siret": "215\u00a0903\u00a0501\u00a000017", "territory": "Lille (59350)",
        "password1": "un-mot-de-passe-solide-42", "password2": "un-mot-de-passe-solide-42",
    })
    assert response.status_code == 302
    assert Organisation.objects.get(name="Mairie de Lille").siret == LILLE_SIRET


@pytest.mark.django_db
def test_a_siret_taken_between_validation_and_saving_is_a_form_error(client_for, monkeypatch):
    """The check in the form passed, then another request gave the SIRET to another organisation."""
    user = UserFactory()
    OrganisationFactory(name="Mairie de Roubaix", kind="collectivite", siret=LILLE_SIRET)
    real = services.organisation_siret_problem
    calls = iter([""])  # the form's check sees nothing; the service's sees the conflict
    monkeypatch.setattr(services, "organisation_siret_problem", lambda **kw: next(calls, None) or real(**kw))
    response = client_for(user).post(reverse("profile"), profile_data(organisation_siret=LILLE_SIRET))
    assert response.status_code == 200
    assert "Ce SIRET est celui de" in response.content.decode()
