import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from essaimage.csv_export import cell, csv_response, csv_text


def test_file_opens_in_a_french_spreadsheet():
    text = csv_text(["Nom", "Montant"], [["Épicerie; solidaire", Decimal("1234.50")], ["Lille", 3]])
    assert text.startswith("\ufeffNom;Montant\r\n")
    assert '"Épicerie; solidaire";1234,50\r\n' in text
    assert text.endswith("Lille;3\r\n")


def test_values_written_the_french_way():
    paris = ZoneInfo("Europe/Paris")
    assert cell(datetime.date(2026, 3, 5)) == "05/03/2026"
    assert cell(datetime.datetime(2026, 7, 1, 8, 30, tzinfo=datetime.UTC)) == "01/07/2026 10:30"
    assert cell(datetime.datetime(2026, 1, 1, 8, 30, tzinfo=paris)) == "01/01/2026 08:30"
    assert cell(None) == "" and cell(True) == "oui" and cell(False) == "non"
    assert cell(Decimal("-12.5")) == "-12,5"


def test_formulas_are_not_run():
    assert cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert cell("+33 1 23") == "'+33 1 23"
    assert cell("-3") == "-3"


def test_download_is_streamed_with_its_name():
    response = csv_response("export.csv", ["A"], [[1]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="export.csv"'
    assert b"".join(response.streaming_content).decode() == "\ufeffA\r\n1\r\n"
