"""Prize campaigns: phases, entries, panels, aggregation. Templates read the helpers
(`badge_class`, the state groups), never compare status strings. Each stateful model has its
transition table in the one shape of `essaimage/transitions.py`:
`PHASE_TRANSITIONS` (the campaign), `ENTRY_TRANSITIONS` (an entry), `SHEET_TRANSITIONS`
(a score sheet, the shared one of `reviewing.enums`). Who may take each action:
`evaluations.rules.ACTION_PERMISSIONS`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from essaimage.transitions import transition
from reviewing.enums import SHEET_TRANSITIONS as _SHEET_TRANSITIONS
from reviewing.enums import SheetAction, SheetStatus  # noqa: F401  (re-exported)


class CampaignPhase(models.TextChoices):
    DRAFT = "brouillon", _("Brouillon")
    ANNOUNCED = "annoncee", _("À venir")
    CANDIDATURES = "candidatures", _("Candidatures ouvertes")
    PEER_REVIEW = "pairs", _("Évaluation par les pairs")
    JURY = "jury", _("Évaluation par le jury")
    DELIBERATION = "deliberation", _("Délibération")
    RESULTS = "resultats", _("Résultats publiés")

    @property
    def badge_class(self) -> str:
        return PHASE_BADGES[self]

    @property
    def is_public(self) -> bool:
        """Listed and open to anyone (the campaign is no longer a draft)."""
        return self in PUBLIC_PHASES

    @property
    def accepts_entries(self) -> bool:
        """Teams may enter, fill in and submit their entries."""
        return self == CampaignPhase.CANDIDATURES

    @property
    def is_evaluating(self) -> bool:
        """Peers or jurors are scoring."""
        return self in EVALUATION_PHASES

    @property
    def results_published(self) -> bool:
        return self == CampaignPhase.RESULTS

    @property
    def is_settings_editable(self) -> bool:
        """Categories, criteria, questions and eligibility may still change (nobody has entered yet)."""
        return self in SETTINGS_EDITABLE_PHASES

    @property
    def is_dated(self) -> bool:
        """The phase follows the campaign's dates (every phase once published, but the last)."""
        return self in DATED_PHASES

    @property
    def order(self) -> int:
        return PHASE_ORDER.index(self)


PHASE_ORDER = [CampaignPhase.DRAFT, CampaignPhase.ANNOUNCED, CampaignPhase.CANDIDATURES, CampaignPhase.PEER_REVIEW,
               CampaignPhase.JURY, CampaignPhase.DELIBERATION, CampaignPhase.RESULTS]
PHASE_BADGES = {
    CampaignPhase.DRAFT: "",
    CampaignPhase.ANNOUNCED: "fr-badge--info",
    CampaignPhase.CANDIDATURES: "fr-badge--new",
    CampaignPhase.PEER_REVIEW: "fr-badge--purple-glycine",
    CampaignPhase.JURY: "fr-badge--purple-glycine",
    CampaignPhase.DELIBERATION: "fr-badge--warning",
    CampaignPhase.RESULTS: "fr-badge--success",
}
PUBLIC_PHASES = frozenset(CampaignPhase) - {CampaignPhase.DRAFT}
EVALUATION_PHASES = frozenset({CampaignPhase.PEER_REVIEW, CampaignPhase.JURY})
SETTINGS_EDITABLE_PHASES = frozenset({CampaignPhase.DRAFT, CampaignPhase.ANNOUNCED})
DATED_PHASES = frozenset(CampaignPhase) - {CampaignPhase.DRAFT, CampaignPhase.RESULTS}


class PhaseAction(models.TextChoices):
    PUBLISH = "publish", _("Publier la campagne")
    OPEN_CANDIDATURES = "open_candidatures", _("Ouvrir les candidatures")
    OPEN_PEER_REVIEW = "open_peer_review", _("Ouvrir l’évaluation par les pairs")
    OPEN_JURY = "open_jury", _("Ouvrir l’évaluation par le jury")
    OPEN_DELIBERATION = "open_deliberation", _("Ouvrir la délibération")
    PUBLISH_RESULTS = "publish_results", _("Publier les résultats")


# action -> Transition(sources, target). The phase only moves forward: by the dates (the daily task
# and every read, `services.campaign_phase_advance`), or by the organiser (publish; publish the results).
# Going back is not a transition: the organiser extends the current phase instead (audited).
PHASE_TRANSITIONS = {
    PhaseAction.PUBLISH: transition({CampaignPhase.DRAFT}, CampaignPhase.ANNOUNCED),
    PhaseAction.OPEN_CANDIDATURES: transition({CampaignPhase.ANNOUNCED}, CampaignPhase.CANDIDATURES),
    PhaseAction.OPEN_PEER_REVIEW: transition({CampaignPhase.CANDIDATURES}, CampaignPhase.PEER_REVIEW),
    PhaseAction.OPEN_JURY: transition({CampaignPhase.PEER_REVIEW}, CampaignPhase.JURY),
    PhaseAction.OPEN_DELIBERATION: transition({CampaignPhase.JURY}, CampaignPhase.DELIBERATION),
    PhaseAction.PUBLISH_RESULTS: transition({CampaignPhase.DELIBERATION}, CampaignPhase.RESULTS),
}
# The action that enters each phase (for the date-driven advance).
ACTION_INTO_PHASE = {step.target: action for action, step in PHASE_TRANSITIONS.items()}


class EntryStatus(models.TextChoices):
    DRAFT = "brouillon", _("Brouillon")
    SUBMITTED = "deposee", _("Déposée")
    ELIGIBLE = "recevable", _("Recevable")
    INELIGIBLE = "irrecevable", _("Irrecevable")
    WITHDRAWN = "retiree", _("Retirée")

    @property
    def badge_class(self) -> str:
        return ENTRY_BADGES[self]

    @property
    def is_editable(self) -> bool:
        """The team may still change its answers (during the candidatures)."""
        return self == EntryStatus.DRAFT

    @property
    def is_submitted(self) -> bool:
        """Handed in (whatever the ruling)."""
        return self in SUBMITTED_ENTRY_STATES

    @property
    def is_competing(self) -> bool:
        """Evaluated, ranked, may win: eligible."""
        return self == EntryStatus.ELIGIBLE

    @property
    def is_ruled(self) -> bool:
        return self in RULED_ENTRY_STATES

    @property
    def is_active(self) -> bool:
        """Not withdrawn (counts in the campaign's entries, blocks a second entry)."""
        return self != EntryStatus.WITHDRAWN


ENTRY_BADGES = {
    EntryStatus.DRAFT: "",
    EntryStatus.SUBMITTED: "fr-badge--info",
    EntryStatus.ELIGIBLE: "fr-badge--success",
    EntryStatus.INELIGIBLE: "fr-badge--error",
    EntryStatus.WITHDRAWN: "fr-badge--purple-glycine",
}
SUBMITTED_ENTRY_STATES = frozenset({EntryStatus.SUBMITTED, EntryStatus.ELIGIBLE, EntryStatus.INELIGIBLE})
RULED_ENTRY_STATES = frozenset({EntryStatus.ELIGIBLE, EntryStatus.INELIGIBLE})
COMPETING_ENTRY_STATES = frozenset({EntryStatus.ELIGIBLE})


class EntryAction(models.TextChoices):
    SUBMIT = "submit", _("Déposer la candidature")
    ACCEPT = "accept", _("Déclarer recevable")
    REJECT = "reject", _("Déclarer irrecevable")
    WITHDRAW = "withdraw", _("Retirer la candidature")


ENTRY_TRANSITIONS = {
    EntryAction.SUBMIT: transition({EntryStatus.DRAFT}, EntryStatus.SUBMITTED),
    # The organiser rules, and may correct a ruling until the evaluation starts (rules.py: phase).
    EntryAction.ACCEPT: transition({EntryStatus.SUBMITTED, EntryStatus.INELIGIBLE}, EntryStatus.ELIGIBLE),
    EntryAction.REJECT: transition({EntryStatus.SUBMITTED, EntryStatus.ELIGIBLE}, EntryStatus.INELIGIBLE),
    EntryAction.WITHDRAW: transition({EntryStatus.DRAFT, EntryStatus.SUBMITTED, EntryStatus.ELIGIBLE},
                                     EntryStatus.WITHDRAWN),
}
TEAM_ENTRY_ACTIONS = frozenset({EntryAction.SUBMIT, EntryAction.WITHDRAW})
ORGANISER_ENTRY_ACTIONS = frozenset({EntryAction.ACCEPT, EntryAction.REJECT})


class JournalAction(models.TextChoices):
    """Codes of the audit journal that are not transitions (essaimage.audit_labels reads them)."""

    EXTEND_PHASE = "extend_phase", _("Prolongation de la phase")
    AWARD = "award", _("Prix attribué")
    AWARD_DELETE = "award_delete", _("Prix retiré")
    ORGANISERS = "organisers", _("Organisateurs modifiés")


class Panel(models.TextChoices):
    """Who scores: the jury or the peer teams (reviewing.aggregation's `panel` column)."""

    JURY = "jury", _("Jury")
    PEER = "peer", _("Pairs")


class Aggregation(models.TextChoices):
    WEIGHTED_MEAN = "weighted_mean", _("Moyenne pondérée")
    MEDIAN = "median", _("Médiane")


class AwardKind(models.TextChoices):
    JURY = "jury", _("Prix du jury")
    PUBLIC = "public", _("Prix du public")

    @property
    def is_jury(self) -> bool:
        """Decided by the organiser with a citation (the public prize follows the votes)."""
        return self == AwardKind.JURY


# The score sheet's table is the shared one of the review core (draft -> submitted), applied by
# part 2's sheet transition service (evaluations/scoring_services.py).
SHEET_TRANSITIONS = _SHEET_TRANSITIONS


class ScoringAction(models.TextChoices):
    """What the scoring (part 2, `scoring_services`) records in the audit journal besides the
    score sheet's own transition (`reviewing.enums.SheetAction`)."""

    ASSIGN_PEER = "assign_peer", _("Attribution des évaluations par les pairs")
    ASSIGN_JURY = "assign_jury", _("Attribution des candidatures au jury")
    JUROR_INVITED = "juror_invited", _("Invitation d’un juré")
    JUROR_JOINED = "juror_joined", _("Arrivée d’un juré")
    CONFLICT = "conflict", _("Réponse sur le conflit d’intérêts")
