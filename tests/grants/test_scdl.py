"""The open data of conventions in the national SCDL « subventions » format: columns in the
schema's order, values in its formats (ISO dates, point decimals, fractions, « unique » /
« échelonné »), plain CSV with commas."""

import csv
import datetime
from decimal import Decimal
from io import StringIO
from types import SimpleNamespace

from grants import scdl

SCHEMA_ORDER = [
    "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire",
    "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE",
    "pourcentageSubvention",
]


class Milestones(list):
    def all(self):
        return self


def fake_grant(amount="45000.50", budget="90001.00", dues=(datetime.date(2027, 3, 1), datetime.date(2027, 11, 30))):
    funder = SimpleNamespace(name="Agence nationale de la cohésion des territoires", siret="13002603200016")
    beneficiary = SimpleNamespace(name="Mairie de Roubaix, « centre-ville »", siret="21590512000015")
    call = SimpleNamespace(title="Essaimer en 2027", programme=SimpleNamespace(funder=funder))
    application = SimpleNamespace(
        call=call, organisation=beneficiary, reference="ESS-2026-000042", total_budget=Decimal(budget),
        innovation=SimpleNamespace(title="Bus France services"),
        milestones=Milestones(SimpleNamespace(due_date=d) for d in dues))
    return SimpleNamespace(application=application, initial_amount=Decimal(amount),
                           convention_signed_at=datetime.date(2026, 12, 31))


def parse(text):
    return list(csv.reader(StringIO(text)))


def test_columns_are_the_schema_columns_in_order():
    assert list(scdl.COLUMNS) == SCHEMA_ORDER
    rows = parse(scdl.csv_text([]))
    assert rows == [SCHEMA_ORDER]


def test_values_follow_the_schema_formats():
    text = scdl.csv_text([fake_grant()])
    assert not text.startswith("\ufeff"), "le format national n’a pas de BOM"
    header, row = parse(text)
    values = dict(zip(header, row, strict=True))
    assert values == {
        "nomAttribuant": "Agence nationale de la cohésion des territoires",
        "idAttribuant": "13002603200016",
        "dateConvention": "2026-12-31",
        "referenceDecision": "ESS-2026-000042",
        "nomBeneficiaire": "Mairie de Roubaix, « centre-ville »",  # a comma: quoted, read back whole
        "idBeneficiaire": "21590512000015",
        "objet": "Essaimer en 2027 : Bus France services",
        "montant": "45000.50",
        "nature": "aide en numéraire",
        "conditionsVersement": "échelonné",
        "datesPeriodeVersement": "2027-03-01_2027-11-30",
        "idRAE": "",
        "notificationUE": "non",
        "pourcentageSubvention": "0.5",
    }


def test_single_payment_and_share_capped_at_one():
    header, row = parse(scdl.csv_text([fake_grant(amount="30000", budget="20000", dues=(datetime.date(2027, 5, 2),))]))
    values = dict(zip(header, row, strict=True))
    assert values["conditionsVersement"] == "unique"
    assert values["datesPeriodeVersement"] == "2027-05-02"
    assert values["montant"] == "30000.00"
    assert values["pourcentageSubvention"] == "1"


def test_share_formats():
    assert scdl.share(Decimal("25000"), Decimal("100000")) == "0.25"
    assert scdl.share(Decimal("1"), Decimal("3")) == "0.3333"
    assert scdl.share(Decimal("1"), None) == "1"
