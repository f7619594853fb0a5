"""CSV exports for the organiser (French spreadsheet conventions, `essaimage.csv_export`): the
ranking of every category, and every score of every sent sheet. The organiser is not bound by
the anonymity of the evaluation: the files name the teams, jurors and peer teams."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from essaimage.csv_export import csv_response
from evaluations import scoring_selectors as selectors
from evaluations.enums import Panel
from evaluations.models import Campaign, Score, ScoreSheet
from reviewing.enums import SheetStatus


def ranking_rows(campaign: Campaign):
    for ranking in selectors.campaign_ranking(campaign):
        for row in ranking.rows:
            item = row.item
            yield [
                ranking.category.name, row.rank, row.tied, row.entry.innovation.title,
                row.entry.organisation.name if row.entry.organisation else "",
                row.score, row.jury.mean if row.jury else None, row.jury.count if row.jury else 0,
                row.peer.mean if row.peer else None, row.peer.count if row.peer else 0,
                item.median if item else None, row.raw_median, item.spread if item else None,
                item.evaluators if item else 0, sum(row.expected.values()), row.missing, row.large_gap,
            ]


def ranking_header():
    return [_("Catégorie"), _("Rang"), _("Ex aequo"), _("Candidature"), _("Organisation"), _("Note retenue (sur 20)"),
            _("Note du jury"), _("Notes du jury"), _("Note des pairs"), _("Notes des pairs"), _("Médiane"),
            _("Médiane brute"), _("Écart-type"), _("Fiches reçues"), _("Fiches attendues"), _("Fiches manquantes"),
            _("Écart important")]


def ranking_response(campaign: Campaign):
    return csv_response(f"classement-{campaign.slug}.csv", ranking_header(), ranking_rows(campaign))


def scores_header():
    return [_("Catégorie"), _("Candidature"), _("Collège"), _("Évaluateur"), _("Critère"), _("Poids"), _("Note"),
            _("Note maximale"), _("Commentaire sur le critère"), _("Commentaire général"), _("Envoyée le")]


def scores_rows(campaign: Campaign):
    sheets = (ScoreSheet.objects.filter(assignment__campaign=campaign, assignment__removed_at__isnull=True,
                                        status=SheetStatus.SUBMITTED)
              .select_related("assignment__entry__innovation", "assignment__entry__category",
                              "assignment__evaluator", "assignment__peer_entry__innovation")
              .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")
                                         .order_by("criterion__order", "criterion_id")))
              .order_by("assignment__entry__category__order", "assignment__entry_id", "assignment__panel", "pk"))
    for sheet in sheets.iterator(chunk_size=500):
        assignment = sheet.assignment
        if assignment.panel == Panel.PEER:
            evaluator = _("Équipe de « %(title)s »") % {"title": assignment.peer_entry.innovation.title}
        else:
            evaluator = assignment.evaluator.full_name or assignment.evaluator.email
        for score in sheet.scores.all():
            yield [assignment.entry.category.name, assignment.entry.innovation.title, Panel(assignment.panel).label,
                   evaluator, score.criterion.label, score.criterion.weight, score.value, score.criterion.scale_max,
                   score.comment, sheet.comment, sheet.submitted_at]


def scores_response(campaign: Campaign):
    return csv_response(f"notes-{campaign.slug}.csv", scores_header(), scores_rows(campaign))
