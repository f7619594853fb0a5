import pytest

from essaimage.enums import TerritoryLevel
from evaluations.identifying import answer_warnings, found_terms, identifying_terms
from tests.factories import UserFactory
from tests.factories.core import OrganisationFactory, TerritoryFactory
from tests.factories.innovations import InnovationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def innovation():
    commune = TerritoryFactory(level=TerritoryLevel.COMMUNE, code="42218", name="Saint-Étienne")
    owner = UserFactory(first_name="Hélène", last_name="Dupré-Lagarde")
    coauthor = UserFactory(first_name="Li", last_name="Wu")  # too short to be searched alone
    return InnovationFactory(created_by=owner, team=[coauthor], territory=commune,
                             organisation=OrganisationFactory(name="Mairie de Saint-Étienne", territory=commune))


def test_terms_are_the_team_names_the_organisation_and_the_commune(innovation):
    texts = {term.text for term in identifying_terms(innovation)}
    assert {"Hélène Dupré-Lagarde", "Dupré-Lagarde", "Mairie de Saint-Étienne", "Saint-Étienne"} <= texts
    assert "Wu" not in texts and "Li Wu" in texts


@pytest.mark.parametrize("text", [
    "Portée par la MAIRIE DE SAINT ETIENNE depuis 2019.",
    "Notre cheffe de projet, helene dupre lagarde, a tout testé.",
    "À saint-etienne, les usagers…",
    "Contact : Mme Dupré–Lagarde".replace("–", "-"),
])
def test_answers_naming_the_team_are_found_accents_case_and_hyphens_aside(innovation, text):
    assert found_terms(text, identifying_terms(innovation))


@pytest.mark.parametrize("text", [
    "Une innovation portée par une collectivité du Centre-Est.",
    "Le stéphanois moyen ne la connaît pas.",  # not the commune's name as a word
    "",
])
def test_neutral_answers_raise_no_warning(innovation, text):
    assert found_terms(text, identifying_terms(innovation)) == []


def test_warnings_are_given_per_answer(innovation):
    warnings = answer_warnings({1: "Rien de personnel.", 2: "Lancé à Saint-Étienne."}, identifying_terms(innovation))
    assert list(warnings) == [2] and [term.kind for term in warnings[2]] == ["la commune"]
