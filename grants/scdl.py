"""Open data of the conventions above 23,000 € in the national SCDL « subventions » format
(schema.data.gouv.fr `scdl/subventions`, arrêté du 17 novembre 2017, décret 2017-779).

The national format is a plain CSV, not the French-spreadsheet one of `essaimage.csv_export`:
UTF-8 without a byte-order mark, commas between fields, a point as the decimal separator, ISO
dates, one row per beneficiary, the columns below in this order."""

import csv
from collections.abc import Iterable
from decimal import Decimal
from io import StringIO

from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

# The columns of the SCDL « subventions » schema, in the schema's order.
COLUMNS = (
    "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire",
    "idBeneficiaire", "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement",
    "idRAE", "notificationUE", "pourcentageSubvention",
)
# What each column holds on Essaimage (the open-data page).
COLUMN_DOCS = (
    (("nomAttribuant", "idAttribuant"),
     _("Nom et SIRET de l’organisme qui attribue la subvention (le financeur du programme).")),
    (("dateConvention",), _("Date de signature de la convention (AAAA-MM-JJ).")),
    (("referenceDecision",), _("Référence du dossier sur Essaimage.")),
    (("nomBeneficiaire", "idBeneficiaire"), _("Nom et SIRET du bénéficiaire.")),
    (("objet",), _("L’appel à projets et l’innovation dont l’essaimage est soutenu.")),
    (("montant",), _("Montant attribué, en euros, avec un point décimal.")),
    (("nature",), _("« aide en numéraire ».")),
    (("conditionsVersement", "datesPeriodeVersement"),
     _("« unique » ou « échelonné » (une tranche par jalon), et la période des versements prévus "
       "(première et dernière échéance).")),
    (("idRAE", "notificationUE"),
     _("Vide et « non » : ces subventions ne sont pas des aides d’État notifiées à la Commission européenne.")),
    (("pourcentageSubvention",), _("Part de la subvention dans le budget total du projet, entre 0 et 1.")),
)
NATURE = "aide en numéraire"  # the grants of the platform are paid in money
UNIQUE, STAGED = "unique", "échelonné"  # conditionsVersement


def amount(value: Decimal) -> str:
    """« 45000.50 »: a point, two decimals."""
    return f"{Decimal(value).quantize(Decimal('0.01'))}"


def share(part: Decimal, whole: Decimal | None) -> str:
    """The grant's share of the project's total cost, as a fraction (« 0.8 » for 80 %), at
    most 1; « 1 » when the total budget is unknown."""
    if not whole or whole <= 0:
        return "1"
    value = min(Decimal(part) / Decimal(whole), Decimal(1)).quantize(Decimal("0.0001")).normalize()
    return format(value, "f")


def payment_period(due_dates: list) -> str:
    """`AAAA-MM-JJ` for one payment, `AAAA-MM-JJ_AAAA-MM-JJ` for a staged one (first and last
    tranche's due dates)."""
    dates = sorted(d for d in due_dates if d)
    if not dates:
        return ""
    if len(dates) == 1 or dates[0] == dates[-1]:
        return dates[0].isoformat()
    return f"{dates[0].isoformat()}_{dates[-1].isoformat()}"


def row(grant) -> list[str]:
    """One SCDL row for a grant whose convention is signed (fetched by
    `review_selectors.open_data_grants`: application, call, programme, funder, organisation and
    milestones loaded)."""
    application = grant.application
    funder = application.call.programme.funder
    beneficiary = application.organisation
    due_dates = [milestone.due_date for milestone in application.milestones.all()]
    signed = grant.convention_signed_at
    return [
        funder.name,
        funder.siret or "",
        signed.isoformat(),
        application.reference,
        beneficiary.name if beneficiary else "",
        (beneficiary.siret or "") if beneficiary else "",
        f"{application.call.title} : {application.innovation.title}",
        amount(grant.initial_amount),
        NATURE,
        STAGED if len(due_dates) > 1 else UNIQUE,
        payment_period(due_dates),
        "",  # idRAE: the platform's grants are not notified to the EU state-aid register
        "non",  # notificationUE
        share(grant.initial_amount, application.total_budget),
    ]


class _Echo:
    def write(self, value):
        return value


def lines(grants: Iterable) -> Iterable[str]:
    writer = csv.writer(_Echo(), delimiter=",", lineterminator="\r\n")
    yield writer.writerow(COLUMNS)
    for grant in grants:
        yield writer.writerow(row(grant))


def csv_text(grants: Iterable) -> str:
    buffer = StringIO()
    for line in lines(grants):
        buffer.write(line)
    return buffer.getvalue()


def response(grants: Iterable, filename: str = "subventions-essaimage.csv") -> StreamingHttpResponse:
    result = StreamingHttpResponse(lines(grants), content_type="text/csv; charset=utf-8")
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
