"""The kinds of notice of reviews, decisions and follow-up (registered from GrantsConfig.ready
through `register()`), and the URLs the notices point to."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from notifications import registry

ASSIGNED = "grant_review_assigned"
DECISION = "grant_decision"
GRANT_UPDATED = "grant_updated"
MILESTONE_REPORTED = "grant_milestone_reported"
MILESTONE_CHECKED = "grant_milestone_checked"
REPORT_DUE = "grant_report_due"
INSTRUCTION_UPDATE = "grant_instruction_update"  # instructeurs: a conflict declared, a hearing answered


def queue_url() -> str:
    return reverse("grants:review_queue")


def decision_url(application) -> str:
    return reverse("grants:decision_letter", args=[application.pk])


def reviews_url(application) -> str:
    return reverse("grants:application_reviews", args=[application.pk])


def grant_url(grant) -> str:
    return reverse("grants:grant_detail", args=[grant.application_id])


def register():
    for code, label, description, template, action_label in [
        (ASSIGNED, _("Dossiers de subvention à évaluer"),
         _("Évaluateurs : des dossiers de subvention vous sont confiés."), "assigned", _("Voir mes évaluations")),
        (DECISION, _("Décisions sur mes demandes de subvention"),
         _("Votre demande de subvention est acceptée, refusée ou classée sans suite."), "decision",
         _("Lire la décision")),
        (GRANT_UPDATED, _("Suivi de mes subventions"),
         _("Convention signée, procédure contradictoire, réduction ou retrait d’une subvention."), "grant_updated",
         _("Voir la subvention")),
        (MILESTONE_REPORTED, _("Jalons de subvention à vérifier"),
         _("Instructeurs : une équipe rend compte d’un jalon ou transmet son compte rendu financier."),
         "milestone_reported", _("Voir la subvention")),
        (MILESTONE_CHECKED, _("Jalons de mes subventions"),
         _("Un jalon est validé (sa tranche est versée) ou renvoyé à l’équipe."), "milestone_checked",
         _("Voir la subvention")),
        (INSTRUCTION_UPDATE, _("Conflits d’intérêts et procédures contradictoires"),
         _("Instructeurs : un évaluateur déclare un conflit d’intérêts (le dossier est à réattribuer), ou une équipe "
           "répond à une procédure contradictoire."), "instruction_update", _("Ouvrir le dossier")),
        (REPORT_DUE, _("Comptes rendus financiers à rendre"),
         _("Rappel de l’échéance du compte rendu financier d’une subvention."), "report_due",
         _("Rédiger le compte rendu")),
    ]:
        registry.register_kind(code=code, label=label, description=description,
                               template=f"grants/emails/{template}", action_label=action_label)
