"""reviewing.criteria: the default scaling criteria of proposal 9 and the checks of a grid."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from reviewing.criteria import (
    SCALING_CODES,
    SCALING_CRITERIA,
    validate_scale_max,
    validate_weight,
    validate_weights,
    weight_shares,
)


def criterion(label="Critère", weight="1", scale_max=5, code=""):
    return SimpleNamespace(label=label, weight=Decimal(weight), scale_max=scale_max, code=code)


def test_the_five_scaling_criteria():
    assert [c.code for c in SCALING_CRITERIA] == ["transferabilite", "territoires_cibles", "partenaires",
                                                  "modele_economique", "indicateurs"]
    assert SCALING_CODES == frozenset(c.code for c in SCALING_CRITERIA)
    assert str(SCALING_CRITERIA[0].label) == "Transférabilité et kit de transfert"
    assert str(SCALING_CRITERIA[3].label) == "Modèle économique et budget de l’essaimage"
    for default in SCALING_CRITERIA:
        assert isinstance(default.weight, Decimal) and default.weight > 0 and default.scale_max == 5
        description = str(default.description)
        assert description.endswith(".") and description.count(".") == 1  # one sentence
    validate_weights(SCALING_CRITERIA)


def test_as_fields_marks_the_criterion_as_scaling():
    fields = SCALING_CRITERIA[1].as_fields(order=4)
    assert fields == {"code": "territoires_cibles", "label": "Pertinence des territoires cibles",
                      "description": str(SCALING_CRITERIA[1].description), "weight": Decimal("2"),
                      "scale_max": 5, "is_scaling": True, "order": 4}


@pytest.mark.parametrize("weight", ["0", "-1", "100.01"])
def test_bad_weights(weight):
    with pytest.raises(ValidationError):
        validate_weight(Decimal(weight))


@pytest.mark.parametrize("scale_max", [None, 0, 1, 21])
def test_bad_scales(scale_max):
    with pytest.raises(ValidationError):
        validate_scale_max(scale_max)


def test_validate_weights_lists_every_problem_in_french():
    with pytest.raises(ValidationError) as error:
        validate_weights([criterion("Impact", "0"), criterion("impact "), criterion("Coût", scale_max=30),
                          criterion("A", code="x"), criterion("B", code="x")])
    messages = error.value.messages
    assert messages == [
        "« Impact » : Le poids d’un critère doit être strictement positif.",
        "Le critère « impact  » figure deux fois.",
        "« Coût » : L’échelle d’un critère va de 0 à une note maximale comprise entre 2 et 20.",
        "Le code de critère « x » figure deux fois.",
    ]
    with pytest.raises(ValidationError, match="au moins un critère"):
        validate_weights([])


def test_weight_shares():
    assert weight_shares(SCALING_CRITERIA) == [Decimal("30.0"), Decimal("20.0"), Decimal("20.0"), Decimal("20.0"),
                                               Decimal("10.0")]
    assert weight_shares([criterion(weight="1"), criterion(weight="2")]) == [Decimal("33.3"), Decimal("66.7")]
