"""The kinds of notice the scoring sends (registered from `EvaluationsConfig.ready`). What an
evaluator receives never names an entry, its team, organisation or territory (anonymity)."""

from django.utils.translation import gettext_lazy as _

from notifications import registry

ASSIGNED = "prize_evaluations_assigned"
CONFLICT_DECLARED = "prize_conflict_declared"


def register():
    registry.register_kind(
        code=ASSIGNED, label=_("Candidatures à évaluer"),
        description=_("Jurés et équipes candidates : des candidatures d’un prix vous sont confiées pour évaluation."),
        template="evaluations/emails/evaluations_assigned", action_label=_("Voir mes évaluations"))
    registry.register_kind(
        code=CONFLICT_DECLARED, label=_("Conflits d’intérêts déclarés"),
        description=_("Organisateurs de prix : un juré ou une équipe déclare un conflit d’intérêts."),
        template="evaluations/emails/conflict_declared", action_label=_("Voir le jury"))
