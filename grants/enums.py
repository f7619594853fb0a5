"""Statuses, kinds and transition tables of the grants app (issue 10).

Every stateful model has its table in the one shape of `essaimage/transitions.py`:
action -> Transition(sources, target). Its one transition service applies it (row locked,
permission from `rules.ACTION_PERMISSIONS`, audit entry):
- Application: `APPLICATION_TRANSITIONS`, applied by `services.application_transition`;
- ReviewAssignment: `ASSIGNMENT_TRANSITIONS` (over `reviewing.enums.ConflictAnswer`);
- Milestone: `MILESTONE_TRANSITIONS`;
- Grant: `GRANT_TRANSITIONS`.
Templates never compare status strings: they read `obj.state.label`, `.badge_class` and the
state groups below, and the actions the view says are allowed."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from essaimage.transitions import transition
from reviewing.enums import ConflictAnswer

# Loi 2000-321, art. 10 and décret 2001-495: above this amount a convention is required.
CONVENTION_THRESHOLD = Decimal("23000.00")
REFERENCE_PREFIX = "ESS"


# --- Calls ------------------------------------------------------------------------------------

class CallPhase(models.TextChoices):
    """Derived from the dates (never stored): `Call.phase`."""

    UPCOMING = "a_venir", _("À venir")
    OPEN = "ouvert", _("Ouvert")
    CLOSED = "clos", _("Clos")

    @property
    def badge_class(self) -> str:
        return CALL_PHASE_BADGES[self]

    @property
    def is_open(self) -> bool:
        return self == CallPhase.OPEN

    @property
    def is_upcoming(self) -> bool:
        return self == CallPhase.UPCOMING

    @property
    def is_closed(self) -> bool:
        return self == CallPhase.CLOSED


CALL_PHASE_BADGES = {
    CallPhase.UPCOMING: "fr-badge--info",
    CallPhase.OPEN: "fr-badge--success",
    CallPhase.CLOSED: "",
}


# --- Applications -----------------------------------------------------------------------------

class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Déposé")
    IN_REVIEW = "in_review", _("En instruction")
    INFO_REQUESTED = "info_requested", _("En attente de compléments")
    ACCEPTED = "accepted", _("Accepté")
    REFUSED = "refused", _("Refusé")
    DISMISSED = "dismissed", _("Classé sans suite")
    WITHDRAWN = "withdrawn", _("Retiré")

    @property
    def badge_class(self) -> str:
        return APPLICATION_BADGES[self]

    @property
    def is_draft(self) -> bool:
        return self == ApplicationStatus.DRAFT

    @property
    def is_submitted(self) -> bool:
        """Deposited at some point (has a reference number)."""
        return self != ApplicationStatus.DRAFT

    @property
    def is_pending(self) -> bool:
        """Deposited, not yet decided nor withdrawn: the instructeurs' to-do."""
        return self in PENDING_APPLICATION_STATES

    @property
    def is_decided(self) -> bool:
        return self in DECIDED_APPLICATION_STATES

    @property
    def is_final(self) -> bool:
        return self in FINAL_APPLICATION_STATES

    @property
    def is_editable(self) -> bool:
        """The team may change (parts of) the application: a draft, or the parts an information
        request reopened."""
        return self in EDITABLE_APPLICATION_STATES

    @property
    def is_info_requested(self) -> bool:
        return self == ApplicationStatus.INFO_REQUESTED

    @property
    def is_accepted(self) -> bool:
        return self == ApplicationStatus.ACCEPTED


APPLICATION_BADGES = {
    ApplicationStatus.DRAFT: "",
    ApplicationStatus.SUBMITTED: "fr-badge--info",
    ApplicationStatus.IN_REVIEW: "fr-badge--new",
    ApplicationStatus.INFO_REQUESTED: "fr-badge--warning",
    ApplicationStatus.ACCEPTED: "fr-badge--success",
    ApplicationStatus.REFUSED: "fr-badge--error",
    ApplicationStatus.DISMISSED: "fr-badge--purple-glycine",
    ApplicationStatus.WITHDRAWN: "fr-badge--beige-gris-galet",
}
PENDING_APPLICATION_STATES = frozenset({
    ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW, ApplicationStatus.INFO_REQUESTED})
DECIDED_APPLICATION_STATES = frozenset({
    ApplicationStatus.ACCEPTED, ApplicationStatus.REFUSED, ApplicationStatus.DISMISSED})
FINAL_APPLICATION_STATES = DECIDED_APPLICATION_STATES | {ApplicationStatus.WITHDRAWN}
EDITABLE_APPLICATION_STATES = frozenset({ApplicationStatus.DRAFT, ApplicationStatus.INFO_REQUESTED})
# Statuses in which a deposited application has a reference number (everything but the draft).
SUBMITTED_APPLICATION_STATES = frozenset(ApplicationStatus) - {ApplicationStatus.DRAFT}


class ApplicationAction(models.TextChoices):
    SUBMIT = "submit", _("Déposer")
    START_REVIEW = "start_review", _("Passer en instruction")
    REQUEST_INFO = "request_info", _("Demander des compléments")
    COMPLETE = "complete", _("Transmettre les compléments")
    ACCEPT = "accept", _("Accepter")
    REFUSE = "refuse", _("Refuser")
    DISMISS = "dismiss", _("Classer sans suite")
    WITHDRAW = "withdraw", _("Retirer la demande")


# action -> Transition(sources, target); the only way an application changes status
# (services.application_transition). Who may do each action: rules.ACTION_PERMISSIONS.
APPLICATION_TRANSITIONS = {
    ApplicationAction.SUBMIT: transition({ApplicationStatus.DRAFT}, ApplicationStatus.SUBMITTED),
    ApplicationAction.START_REVIEW: transition({ApplicationStatus.SUBMITTED}, ApplicationStatus.IN_REVIEW),
    ApplicationAction.REQUEST_INFO: transition({ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW},
                                               ApplicationStatus.INFO_REQUESTED),
    ApplicationAction.COMPLETE: transition({ApplicationStatus.INFO_REQUESTED}, ApplicationStatus.IN_REVIEW),
    # Decisions (part 2's decision service calls application_transition with these).
    ApplicationAction.ACCEPT: transition({ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW},
                                         ApplicationStatus.ACCEPTED),
    ApplicationAction.REFUSE: transition(PENDING_APPLICATION_STATES, ApplicationStatus.REFUSED),
    ApplicationAction.DISMISS: transition(PENDING_APPLICATION_STATES, ApplicationStatus.DISMISSED),
    ApplicationAction.WITHDRAW: transition(PENDING_APPLICATION_STATES, ApplicationStatus.WITHDRAWN),
}
TRANSITIONS = APPLICATION_TRANSITIONS  # the app's main table, as in innovations.enums
TEAM_ACTIONS = frozenset({ApplicationAction.SUBMIT, ApplicationAction.COMPLETE, ApplicationAction.WITHDRAW})
DECISION_ACTIONS = frozenset({ApplicationAction.ACCEPT, ApplicationAction.REFUSE, ApplicationAction.DISMISS})
INSTRUCTEUR_ACTIONS = frozenset(ApplicationAction) - TEAM_ACTIONS


class ApplicationPart(models.TextChoices):
    """The parts of an application form; an information request reopens some of them."""

    PROJECT = "project", _("Projet et montant demandé")
    FUNDING = "funding", _("Plan de financement")
    BUDGET = "budget", _("Budget prévisionnel")
    SCALING = "scaling", _("Plan d’essaimage")
    MILESTONES = "milestones", _("Jalons et tranches")
    DOCUMENTS = "documents", _("Pièces jointes")


# --- Decisions --------------------------------------------------------------------------------

class DecisionOutcome(models.TextChoices):
    ACCEPTED = "accepted", _("Accepté")
    REFUSED = "refused", _("Refusé")
    DISMISSED = "dismissed", _("Classé sans suite")

    @property
    def badge_class(self) -> str:
        return APPLICATION_BADGES[ApplicationStatus(self.value)]

    @property
    def action(self) -> "ApplicationAction":
        """The application action that records this outcome."""
        return OUTCOME_ACTIONS[self]

    @property
    def needs_motivation(self) -> bool:
        return self != DecisionOutcome.ACCEPTED


OUTCOME_ACTIONS = {
    DecisionOutcome.ACCEPTED: ApplicationAction.ACCEPT,
    DecisionOutcome.REFUSED: ApplicationAction.REFUSE,
    DecisionOutcome.DISMISSED: ApplicationAction.DISMISS,
}


# --- Review assignments -----------------------------------------------------------------------

class AssignmentAction(models.TextChoices):
    DECLARE_NO_CONFLICT = "declare_no_conflict", _("Déclarer l’absence de conflit")
    DECLARE_CONFLICT = "declare_conflict", _("Déclarer un conflit d’intérêts")


# Over the assignment's `conflict` (reviewing.enums.ConflictAnswer). Removing an assignment
# (`removed_at`) is not a conflict state: part 2's assignment service records it.
ASSIGNMENT_TRANSITIONS = {
    AssignmentAction.DECLARE_NO_CONFLICT: transition({ConflictAnswer.PENDING}, ConflictAnswer.NONE),
    AssignmentAction.DECLARE_CONFLICT: transition({ConflictAnswer.PENDING, ConflictAnswer.NONE},
                                                  ConflictAnswer.DECLARED),
}


# --- Milestones -------------------------------------------------------------------------------

class MilestoneKind(models.TextChoices):
    STEP = "step", _("Étape")
    REPLICATION = "replication", _("Essaimage dans un territoire")
    FINAL_REPORT = "final_report", _("Rapport final")

    @property
    def is_replication(self) -> bool:
        return self == MilestoneKind.REPLICATION


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Prévu")
    REPORTED = "reported", _("Rapport transmis")
    RETURNED = "returned", _("Renvoyé à l’équipe")
    VALIDATED = "validated", _("Validé")
    CANCELLED = "cancelled", _("Annulé")

    @property
    def badge_class(self) -> str:
        return MILESTONE_BADGES[self]

    @property
    def is_reportable(self) -> bool:
        """The team may send (or send again) its report."""
        return self in MILESTONE_TRANSITIONS[MilestoneAction.REPORT].sources

    @property
    def is_validated(self) -> bool:
        return self == MilestoneStatus.VALIDATED


MILESTONE_BADGES = {
    MilestoneStatus.PLANNED: "",
    MilestoneStatus.REPORTED: "fr-badge--info",
    MilestoneStatus.RETURNED: "fr-badge--warning",
    MilestoneStatus.VALIDATED: "fr-badge--success",
    MilestoneStatus.CANCELLED: "fr-badge--beige-gris-galet",
}


class MilestoneAction(models.TextChoices):
    REPORT = "report", _("Transmettre le rapport")
    VALIDATE = "validate", _("Valider")
    RETURN = "return", _("Renvoyer à l’équipe")
    CANCEL = "cancel", _("Annuler")


MILESTONE_TRANSITIONS = {
    MilestoneAction.REPORT: transition({MilestoneStatus.PLANNED, MilestoneStatus.RETURNED}, MilestoneStatus.REPORTED),
    MilestoneAction.VALIDATE: transition({MilestoneStatus.REPORTED}, MilestoneStatus.VALIDATED),
    MilestoneAction.RETURN: transition({MilestoneStatus.REPORTED}, MilestoneStatus.RETURNED),
    MilestoneAction.CANCEL: transition({MilestoneStatus.PLANNED, MilestoneStatus.REPORTED, MilestoneStatus.RETURNED},
                                       MilestoneStatus.CANCELLED),
}


# --- Grants -----------------------------------------------------------------------------------

class GrantStatus(models.TextChoices):
    AWAITING_CONVENTION = "awaiting_convention", _("En attente de convention")
    ACTIVE = "active", _("En cours")
    SETTLED = "settled", _("Soldée")
    REDUCED = "reduced", _("Réduite")
    WITHDRAWN = "withdrawn", _("Retirée")

    @property
    def badge_class(self) -> str:
        return GRANT_BADGES[self]

    @property
    def is_running(self) -> bool:
        """Milestones may be reported and tranches released."""
        return self in RUNNING_GRANT_STATES

    @property
    def is_final(self) -> bool:
        return self in FINAL_GRANT_STATES


GRANT_BADGES = {
    GrantStatus.AWAITING_CONVENTION: "fr-badge--warning",
    GrantStatus.ACTIVE: "fr-badge--new",
    GrantStatus.SETTLED: "fr-badge--success",
    GrantStatus.REDUCED: "fr-badge--purple-glycine",
    GrantStatus.WITHDRAWN: "fr-badge--error",
}
RUNNING_GRANT_STATES = frozenset({GrantStatus.ACTIVE, GrantStatus.REDUCED})
FINAL_GRANT_STATES = frozenset({GrantStatus.SETTLED, GrantStatus.WITHDRAWN})
# A grant in these states has started: a required convention must have been signed.
STARTED_GRANT_STATES = frozenset({GrantStatus.ACTIVE, GrantStatus.SETTLED, GrantStatus.REDUCED})


class GrantAction(models.TextChoices):
    SIGN_CONVENTION = "sign_convention", _("Enregistrer la convention signée")
    SETTLE = "settle", _("Solder")
    REDUCE = "reduce", _("Réduire")
    WITHDRAW = "withdraw", _("Retirer")


GRANT_TRANSITIONS = {
    GrantAction.SIGN_CONVENTION: transition({GrantStatus.AWAITING_CONVENTION}, GrantStatus.ACTIVE),
    GrantAction.SETTLE: transition(RUNNING_GRANT_STATES, GrantStatus.SETTLED),
    GrantAction.REDUCE: transition(RUNNING_GRANT_STATES, GrantStatus.REDUCED),
    GrantAction.WITHDRAW: transition({GrantStatus.AWAITING_CONVENTION, *RUNNING_GRANT_STATES},
                                     GrantStatus.WITHDRAWN),
}


class HearingPurpose(models.TextChoices):
    """A grant is reduced or withdrawn only after the team has been heard."""

    REDUCTION = "reduction", _("Réduction")
    WITHDRAWAL = "withdrawal", _("Retrait")

    @property
    def action(self) -> GrantAction:
        return GrantAction.REDUCE if self == HearingPurpose.REDUCTION else GrantAction.WITHDRAW
