"""CSV exports of a call for its instructeurs (applications, reviews, decisions), in the
French-spreadsheet format of `essaimage.csv_export` (UTF-8 with BOM, semicolons, decimal commas).
Each export runs a fixed number of queries whatever the number of rows."""

from django.utils.translation import gettext as _

from essaimage.csv_export import csv_response
from grants import review_selectors
from grants.enums import ApplicationStatus, DecisionOutcome
from grants.models import Application, CallCriterion, ReviewAssignment, ReviewScore
from reviewing.enums import ConflictAnswer, Opinion, SheetStatus


def _label(enum, value) -> str:
    return str(enum(value).label) if value else ""


def applications(call):
    """One row per application, with its review figures (3 queries)."""
    scores = {item.item_id: item for item in review_selectors.call_scores(call)}
    rows = (Application.objects.filter(call=call).select_related("innovation", "organisation", "decision", "grant")
            .order_by("reference"))

    def lines():
        for application in rows.iterator(chunk_size=2000):
            score = scores.get(application.pk)
            decision = getattr(application, "decision", None)
            grant = getattr(application, "grant", None)
            yield [application.reference, application.innovation.title,
                   application.organisation.name if application.organisation_id else "",
                   (application.organisation.siret if application.organisation_id else "") or "",
                   _label(ApplicationStatus, application.status), application.amount_requested,
                   application.total_budget, application.submitted_at,
                   score.final if score else None, score.spread if score else None, score.evaluators if score else 0,
                   _label(DecisionOutcome, decision.outcome) if decision else "",
                   grant.amount_granted if grant else None, application.decided_at]

    header = [_("Référence"), _("Innovation"), _("Organisation"), _("SIRET"), _("Statut"), _("Montant demandé"),
              _("Budget total"), _("Déposé le"), _("Note pondérée /20"), _("Écart-type"), _("Évaluations"),
              _("Décision"), _("Montant accordé"), _("Décidé le")]
    return csv_response(f"dossiers-{call.pk}.csv", header, lines())


def reviews(call):
    """One row per assignment, one column per criterion (3 queries)."""
    criteria = list(CallCriterion.objects.filter(call=call).order_by("order", "pk"))
    scores: dict[int, dict[int, int]] = {}
    for sheet_id, criterion_id, value in ReviewScore.objects.filter(
            sheet__assignment__application__call=call).values_list("sheet_id", "criterion_id", "value"):
        scores.setdefault(sheet_id, {})[criterion_id] = value
    rows = (ReviewAssignment.objects.filter(application__call=call)
            .select_related("application", "evaluator", "sheet").order_by("application__reference", "pk"))

    def lines():
        for assignment in rows.iterator(chunk_size=2000):
            sheet = getattr(assignment, "sheet", None)
            values = scores.get(sheet.pk, {}) if sheet else {}
            yield [assignment.application.reference, assignment.evaluator.full_name,
                   _label(ConflictAnswer, assignment.conflict), assignment.removed_at,
                   _label(SheetStatus, sheet.status) if sheet else "", sheet.submitted_at if sheet else None,
                   _label(Opinion, sheet.opinion) if sheet else "",
                   *[values.get(c.pk) for c in criteria], sheet.comment if sheet else ""]

    header = [_("Référence"), _("Évaluateur"), _("Conflit d’intérêts"), _("Retiré le"), _("Fiche"), _("Envoyée le"),
              _("Avis"), *[f"{c.label} (/{c.scale_max})" for c in criteria], _("Commentaire")]
    return csv_response(f"evaluations-{call.pk}.csv", header, lines())


def decisions(call):
    """One row per decision (1 query)."""
    rows = review_selectors.decisions_of_call(call)

    def lines():
        for decision in rows.iterator(chunk_size=2000):
            application = decision.application
            yield [application.reference, application.innovation.title,
                   application.organisation.name if application.organisation_id else "",
                   _label(DecisionOutcome, decision.outcome), decision.amount, decision.motivation,
                   decision.decided_at, decision.decided_by.full_name if decision.decided_by_id else ""]

    header = [_("Référence"), _("Innovation"), _("Organisation"), _("Décision"), _("Montant accordé"), _("Motivation"),
              _("Décidé le"), _("Par")]
    return csv_response(f"decisions-{call.pk}.csv", header, lines())


EXPORTS = {"dossiers": applications, "evaluations": reviews, "decisions": decisions}
