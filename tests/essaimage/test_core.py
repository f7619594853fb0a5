import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from essaimage import rules as core_rules  # noqa: F401 - registers the permissions
from essaimage.enums import TerritoryLevel
from essaimage.fields import TerritoryField
from essaimage.models import AuditEntry, Organisation, Territory
from essaimage.reference_data import COG_CSV, read_cog, territories_load
from essaimage.services import audit_record
from essaimage.validators import validate_siret
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.core import territory_tree


@pytest.mark.parametrize("siret", ["73282932000074", "732 829 320 00074", "35600000000048"])
def test_valid_sirets_pass(siret):
    validate_siret(siret.replace(" ", ""))


@pytest.mark.parametrize("siret,message", [("7328293200007", "14 chiffres"), ("73282932000075", "clé de contrôle"),
                                           ("7328293200007A", "14 chiffres")])
def test_invalid_sirets_are_explained(siret, message):
    with pytest.raises(ValidationError, match=message):
        validate_siret(siret)


def test_cog_file_has_every_region_departement_and_commune():
    rows = read_cog(COG_CSV)
    levels = {}
    for row in rows:
        levels.setdefault(row["level"], set()).add(row["code"])
    assert len(levels["region"]) == 18
    assert len(levels["departement"]) == 101
    assert len(levels["commune"]) > 34000
    assert {"2A", "2B", "976"} <= levels["departement"]
    assert "75056" in levels["commune"]


@pytest.mark.django_db
def test_territories_load_is_idempotent_and_links_parents(tmp_path):
    sample = tmp_path / "cog.csv"
    sample.write_text(
        "level,code,name,parent_code\nregion,84,Auvergne-Rhône-Alpes,\n"
        "departement,69,Rhône,84\ncommune,69123,Lyon,69\ncommune,69381,Lyon 1er Arrondissement,69\n",
        encoding="utf-8",
    )
    assert territories_load(path=sample) == 4
    assert territories_load(path=sample) == 0
    lyon = Territory.objects.get(level=TerritoryLevel.COMMUNE, code="69123")
    assert lyon.parent.name == "Rhône" and lyon.parent.parent.name == "Auvergne-Rhône-Alpes"
    assert Territory.objects.count() == 4


@pytest.mark.django_db
def test_region_and_departement_may_share_a_code_but_not_a_level():
    Territory.objects.create(level=TerritoryLevel.REGION, code="11", name="Île-de-France")
    Territory.objects.create(level=TerritoryLevel.DEPARTEMENT, code="11", name="Aude")
    with pytest.raises(IntegrityError):
        Territory.objects.create(level=TerritoryLevel.REGION, code="11", name="Doublon")


@pytest.mark.django_db
def test_territory_field_resolves_labels_names_and_codes():
    lille = territory_tree()
    field = TerritoryField()
    assert field.clean("Lille (59350)") == lille
    assert field.clean("lille") == lille
    assert field.clean("59350") == lille
    assert field.clean("Nord (59, département)") == lille.parent
    assert field.clean("hauts de france") == lille.parent.parent
    with pytest.raises(ValidationError, match="Aucun territoire"):
        field.clean("Atlantide")


@pytest.mark.django_db
def test_territory_field_asks_to_choose_between_homonyms():
    territory_tree(commune="Saint-Denis", commune_code="93066", dept="Seine-Saint-Denis", dept_code="93",
                   region="Île-de-France", region_code="11")
    territory_tree(commune="Saint-Denis", commune_code="97411", dept="La Réunion", dept_code="974",
                   region="La Réunion", region_code="04")
    with pytest.raises(ValidationError, match="Plusieurs territoires"):
        TerritoryField().clean("Saint-Denis")
    assert TerritoryField().clean("Saint-Denis (97411)").code == "97411"


@pytest.mark.django_db
def test_territory_suggestions_ignore_accents_case_and_hyphens(client):
    territory_tree(commune="Saint-Étienne", commune_code="42218", dept="Loire", dept_code="42",
                   region="Auvergne-Rhône-Alpes", region_code="84")
    data = client.get(reverse("territory_suggestions"), {"q": "saint etie"}).json()
    assert [r["label"] for r in data["results"]] == ["Saint-Étienne (42218)"]
    data = client.get(reverse("territory_suggestions"), {"q": "auvergne rhone", "levels": "region"}).json()
    assert [r["label"] for r in data["results"]] == ["Auvergne-Rhône-Alpes (région)"]


@pytest.mark.django_db
def test_organisation_siret_is_unique_when_given():
    OrganisationFactory(siret="")
    OrganisationFactory(siret="")
    OrganisationFactory(siret="73282932000074")
    with pytest.raises(IntegrityError):
        Organisation.objects.create(name="Copie", kind="autre", siret="73282932000074")


@pytest.mark.django_db
def test_audit_entries_are_append_only():
    user = UserFactory()
    entry = audit_record(obj=user.organisation, action="test", actor=user, from_state="a", to_state="b")
    assert AuditEntry.objects.get().actor == user
    entry.message = "réécrit"
    with pytest.raises(ValueError, match="ajout seul"):
        entry.save()
    with pytest.raises(ValueError, match="ajout seul"):
        entry.delete()


@pytest.mark.django_db
def test_profile_permission_is_self_only():
    user, other = UserFactory(), UserFactory()
    assert user.has_perm("essaimage.change_profile", user)
    assert not user.has_perm("essaimage.change_profile", other)
