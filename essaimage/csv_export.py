"""CSV files that open correctly in a French spreadsheet (LibreOffice Calc, Excel set to French):
UTF-8 with a byte-order mark (Excel reads the encoding from it), semicolons between fields,
decimal commas, dates as JJ/MM/AAAA, CRLF line ends. Used by every export of the site."""

import csv
import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import StringIO

from django.http import StreamingHttpResponse
from django.utils import timezone

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """One value as a French spreadsheet reads it. Text that a spreadsheet would run as a
    formula (=, +, -, @ first) is quoted with an apostrophe (CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, Decimal | float | int):
        return str(value).replace(".", ",")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    if text.startswith(FORMULA_PREFIXES) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        Decimal(text.replace(",", "."))
    except ArithmeticError:
        return False
    return True


class _Echo:
    def write(self, value):
        return value


def rows_text(header: Sequence[str], rows: Iterable[Sequence]) -> Iterable[str]:
    """The lines of the file, the first with the byte-order mark."""
    writer = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
    yield BOM + writer.writerow([str(h) for h in header])
    for row in rows:
        yield writer.writerow([cell(v) for v in row])


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    buffer = StringIO()
    for line in rows_text(header, rows):
        buffer.write(line)
    return buffer.getvalue()


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> StreamingHttpResponse:
    """A download (streamed: an export of 20,000 rows never sits in memory as one string)."""
    response = StreamingHttpResponse(rows_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
