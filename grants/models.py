"""Scaling grants (proposals 1 and 9, issue 10): programmes and their calls, applications and
their children, the instruction (messages, annotations, information requests), the review
(on the abstract bases of `reviewing/`), decisions, grants and their follow-up.

Rules that a constraint can express are constraints (statuses, amounts ≥ 0, « only one », money
sums inside one row); sums across rows (funding = budget, tranches = amount, decisions ≤ the
call's envelope) are enforced by the services, on locked rows."""

import uuid
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.enums import OrganisationKind
from essaimage.models import LONG_TEXT_MAX_LENGTH, MEDIUM_TEXT_MAX_LENGTH, Organisation, Territory
from grants.enums import (
    CONVENTION_THRESHOLD,
    DECIDED_APPLICATION_STATES,
    STARTED_GRANT_STATES,
    ApplicationAction,
    ApplicationPart,
    ApplicationStatus,
    AssignmentAction,
    CallPhase,
    DecisionOutcome,
    GrantAction,
    GrantStatus,
    HearingPurpose,
    MilestoneAction,
    MilestoneKind,
    MilestoneStatus,
)
from innovations.enums import ScalingMode, Stage
from reviewing.models import (
    AssignmentBase,
    ConflictRecordBase,
    CriterionBase,
    ScoreBase,
    ScoreSheetBase,
    assignment_constraints,
    conflict_record_constraints,
    criterion_constraints,
    score_constraints,
    sheet_constraints,
)

SHORT_TEXT_MAX_LENGTH = 2_000
MAX_REVIEWERS_PER_APPLICATION = 10


def money(verbose_name, **kwargs):
    """Euros with cents: Decimal, never float."""
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


def _upload_path(folder: str, instance_key) -> str:
    return f"grants/{folder}/{instance_key}/{uuid.uuid4().hex}"


def document_path(instance, filename):
    return f"{_upload_path('applications', instance.application_id)}{PurePath(filename).suffix.lower()}"


def message_path(instance, filename):
    return f"{_upload_path('messages', instance.application_id)}{PurePath(filename).suffix.lower()}"


def evidence_path(instance, filename):
    return f"{_upload_path('milestones', instance.application_id)}{PurePath(filename).suffix.lower()}"


def report_path(instance, filename):
    return f"{_upload_path('reports', instance.application_id)}{PurePath(filename).suffix.lower()}"


# --- Programmes and calls ---------------------------------------------------------------------

class Programme(models.Model):
    """A funder's programme of scaling grants; its instructeurs manage its calls and instruct
    their applications (and nothing of other programmes)."""

    funder = models.ForeignKey(Organisation, verbose_name=_("financeur"), on_delete=models.PROTECT,
                               related_name="grant_programmes")
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant dans l’adresse"), max_length=90, unique=True)
    description = models.TextField(_("description"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    total_envelope = money(_("enveloppe totale (€)"), validators=[MinValueValidator(Decimal("0.01"))])
    instructeurs = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("instructeurs"), blank=True,
                                          related_name="instructed_programmes")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("créé par"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(total_envelope__gt=0), name="programme_envelope_positive"),
        ]

    def __str__(self):
        return self.title


class Call(models.Model):
    """An appel à projets of a programme. Its phase (« à venir », « ouvert », « clos ») is derived
    from its dates, never stored (`phase`)."""

    programme = models.ForeignKey(Programme, verbose_name=_("programme"), on_delete=models.PROTECT,
                                  related_name="calls")
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant dans l’adresse"), max_length=90, unique=True)
    summary = models.TextField(_("résumé"), max_length=500, blank=True)
    description = models.TextField(_("description"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    opens_at = models.DateTimeField(_("ouverture"))
    closes_at = models.DateTimeField(_("clôture"))
    envelope = money(_("enveloppe de l’appel (€)"), validators=[MinValueValidator(Decimal("0.01"))])
    min_amount = money(_("montant minimal par demande (€)"), default=Decimal("0"),
                       validators=[MinValueValidator(Decimal("0"))])
    max_amount = money(_("montant maximal par demande (€)"), validators=[MinValueValidator(Decimal("0.01"))])
    # Empty: every kind of organisation may apply.
    eligible_kinds = ArrayField(models.CharField(max_length=30, choices=OrganisationKind.choices),
                                verbose_name=_("types de structure éligibles"), default=list, blank=True)
    # Empty: every territory.
    eligible_territories = models.ManyToManyField(Territory, verbose_name=_("territoires éligibles"), blank=True,
                                                  related_name="+")
    min_stage = models.CharField(_("stade minimal de l’innovation"), max_length=20, choices=Stage.choices,
                                 blank=True)
    themes = models.ManyToManyField("innovations.Theme", verbose_name=_("thèmes"), blank=True, related_name="+")
    required_documents = ArrayField(models.CharField(max_length=200), verbose_name=_("pièces demandées"),
                                    default=list, blank=True)
    reviewers_per_application = models.PositiveSmallIntegerField(
        _("évaluateurs par demande"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_REVIEWERS_PER_APPLICATION)])
    copied_from = models.ForeignKey("self", verbose_name=_("copié de"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="copies")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("créé par"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("appel à projets")
        verbose_name_plural = _("appels à projets")
        ordering = ["-closes_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="call_closes_after_opening"),
            models.CheckConstraint(condition=Q(envelope__gt=0), name="call_envelope_positive"),
            models.CheckConstraint(condition=Q(min_amount__gte=0), name="call_min_amount_positive"),
            models.CheckConstraint(condition=Q(max_amount__gte=F("min_amount")) & Q(max_amount__gt=0),
                                   name="call_max_amount_above_min"),
            models.CheckConstraint(condition=Q(max_amount__lte=F("envelope")), name="call_max_amount_within_envelope"),
            models.CheckConstraint(condition=Q(eligible_kinds__contained_by=OrganisationKind.values),
                                   name="call_eligible_kinds_valid"),
            models.CheckConstraint(condition=Q(min_stage__in=[*Stage.values, ""]), name="call_min_stage_valid"),
            models.CheckConstraint(
                condition=Q(reviewers_per_application__gte=1)
                & Q(reviewers_per_application__lte=MAX_REVIEWERS_PER_APPLICATION),
                name="call_reviewers_range"),
        ]
        indexes = [
            models.Index(fields=["opens_at", "closes_at"], name="call_dates"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("grants:call_detail", kwargs={"slug": self.slug})

    def phase_at(self, now) -> CallPhase:
        if now < self.opens_at:
            return CallPhase.UPCOMING
        if now < self.closes_at:
            return CallPhase.OPEN
        return CallPhase.CLOSED

    @property
    def phase(self) -> CallPhase:
        """« À venir » before `opens_at`, « ouvert » until `closes_at` (excluded), then « clos »."""
        return self.phase_at(timezone.now())

    @property
    def is_open(self) -> bool:
        return self.phase == CallPhase.OPEN

    @property
    def eligible_kind_labels(self) -> list[str]:
        return [OrganisationKind(kind).label for kind in self.eligible_kinds]

    @property
    def min_stage_label(self) -> str:
        return Stage(self.min_stage).label if self.min_stage else ""


class CallCriterion(CriterionBase):
    """A review criterion of a call. The default scaling criteria (reviewing.criteria.SCALING_CRITERIA)
    are created with every call (`is_scaling`): re-weightable, never deleted."""

    call = models.ForeignKey(Call, verbose_name=_("appel"), on_delete=models.CASCADE, related_name="criteria")

    class Meta(CriterionBase.Meta):
        verbose_name = _("critère d’évaluation")
        verbose_name_plural = _("critères d’évaluation")
        constraints = [
            *criterion_constraints(),
            models.UniqueConstraint(fields=["call", "code"], condition=~Q(code=""), name="call_criterion_unique_code"),
        ]


# --- Applications -----------------------------------------------------------------------------

class Application(models.Model):
    """A team's application to a call for one of its published innovations (one per innovation
    and call). Its status changes only through `services.application_transition`."""

    audit_actions = ApplicationAction

    call = models.ForeignKey(Call, verbose_name=_("appel"), on_delete=models.PROTECT, related_name="applications")
    innovation = models.ForeignKey("innovations.Innovation", verbose_name=_("innovation"), on_delete=models.PROTECT,
                                   related_name="grant_applications")
    organisation = models.ForeignKey(Organisation, verbose_name=_("structure porteuse"), on_delete=models.PROTECT,
                                     related_name="grant_applications")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("créée par"), on_delete=models.PROTECT,
                                   related_name="+")
    # Given at submission: ESS-<year>-<6 digits>.
    reference = models.CharField(_("numéro de dossier"), max_length=20, blank=True, editable=False)
    status = models.CharField(_("statut"), max_length=20, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.DRAFT)

    # Project
    summary = models.TextField(_("objet de la demande"), max_length=SHORT_TEXT_MAX_LENGTH, blank=True)
    amount_requested = money(_("montant demandé (€)"), null=True, blank=True,
                             validators=[MinValueValidator(Decimal("0.01"))])
    total_budget = money(_("budget total du projet (€)"), null=True, blank=True,
                         validators=[MinValueValidator(Decimal("0.01"))])
    project_start = models.DateField(_("début du projet"), null=True, blank=True)
    project_end = models.DateField(_("fin du projet"), null=True, blank=True)

    # Scaling plan (proposal 9: in every call)
    target_territories = models.ManyToManyField(Territory, verbose_name=_("territoires cibles"), blank=True,
                                                related_name="+")
    scaling_mode = models.CharField(_("mode d’essaimage"), max_length=20, choices=ScalingMode.choices, blank=True)
    scaling_partners = models.TextField(_("partenaires dans les territoires cibles"),
                                        max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    transfer_kit = models.TextField(_("kit de transfert"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    scaling_budget = money(_("budget de l’essaimage (€)"), null=True, blank=True,
                           validators=[MinValueValidator(Decimal("0"))])
    success_indicators = models.TextField(_("indicateurs de réussite"), max_length=MEDIUM_TEXT_MAX_LENGTH,
                                          blank=True)

    # Contrat d’engagement républicain (loi 2000-321, art. 10-1): associations and foundations.
    republican_contract_confirmed_at = models.DateTimeField(_("contrat d’engagement républicain souscrit le"),
                                                            null=True, blank=True)
    republican_contract_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("contrat d’engagement républicain souscrit par"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+")

    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("déposée le"), null=True, blank=True, editable=False)
    # When the file was last complete (submission, or the last answer to an information
    # request): the start of the instruction delay (CRPA L231-4: two months of silence).
    complete_since = models.DateTimeField(_("complète depuis le"), null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("retirée le"), null=True, blank=True, editable=False)
    # Bumped by every save of the form: a form opened on an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("demande de subvention")
        verbose_name_plural = _("demandes de subvention")
        ordering = ["-submitted_at", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "innovation"], name="application_one_per_innovation_and_call"),
            models.UniqueConstraint(fields=["reference"], condition=~Q(reference=""),
                                    name="application_unique_reference"),
            models.CheckConstraint(condition=Q(status__in=ApplicationStatus.values), name="application_status_valid"),
            models.CheckConstraint(condition=Q(scaling_mode__in=[*ScalingMode.values, ""]),
                                   name="application_scaling_mode_valid"),
            models.CheckConstraint(condition=Q(amount_requested__isnull=True) | Q(amount_requested__gt=0),
                                   name="application_amount_positive"),
            models.CheckConstraint(condition=Q(total_budget__isnull=True) | Q(total_budget__gt=0),
                                   name="application_budget_positive"),
            models.CheckConstraint(condition=Q(scaling_budget__isnull=True) | Q(scaling_budget__gte=0),
                                   name="application_scaling_budget_positive"),
            # The grant never pays more than the project costs.
            models.CheckConstraint(
                condition=Q(amount_requested__isnull=True) | Q(total_budget__isnull=True)
                | Q(total_budget__gte=F("amount_requested")),
                name="application_amount_within_budget"),
            models.CheckConstraint(
                condition=Q(scaling_budget__isnull=True) | Q(total_budget__isnull=True)
                | Q(total_budget__gte=F("scaling_budget")),
                name="application_scaling_budget_within_budget"),
            models.CheckConstraint(
                condition=Q(project_start__isnull=True) | Q(project_end__isnull=True)
                | Q(project_end__gte=F("project_start")),
                name="application_project_dates_ordered"),
            # Deposited ⇔ a reference, a date and the amounts.
            models.CheckConstraint(
                condition=Q(status=ApplicationStatus.DRAFT)
                | (~Q(reference="") & Q(submitted_at__isnull=False) & Q(amount_requested__isnull=False)
                   & Q(total_budget__isnull=False)),
                name="application_submitted_complete"),
            models.CheckConstraint(condition=~Q(status__in=DECIDED_APPLICATION_STATES) | Q(decided_at__isnull=False),
                                   name="application_decided_dated"),
            models.CheckConstraint(condition=~Q(status=ApplicationStatus.WITHDRAWN) | Q(withdrawn_at__isnull=False),
                                   name="application_withdrawn_dated"),
        ]
        indexes = [
            models.Index(fields=["call", "status", "-submitted_at"], name="application_call_status"),
            models.Index(fields=["status", "complete_since"], name="application_status_delay"),
        ]

    def __str__(self):
        return self.reference or _("Brouillon de demande pour « %(title)s »") % {"title": self.innovation}

    def get_absolute_url(self):
        return reverse("grants:application_detail", kwargs={"pk": self.pk})

    @property
    def state(self) -> ApplicationStatus:
        return ApplicationStatus(self.status)

    @property
    def scaling_mode_label(self) -> str:
        return ScalingMode(self.scaling_mode).label if self.scaling_mode else ""

    @property
    def silence_deadline(self):
        """When two months of silence count as a refusal (CRPA L231-4), counted from the day the
        file was last complete; None when not awaiting a decision."""
        if not self.state.is_pending or self.state.is_info_requested or self.complete_since is None:
            return None
        start = timezone.localtime(self.complete_since).date()
        month = start.month + 2
        year = start.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        # The same day two months later, or the last day of a shorter month.
        day = start.day
        while True:
            try:
                return start.replace(year=year, month=month, day=day)
            except ValueError:
                day -= 1

    @property
    def days_waited(self) -> int | None:
        """Days since the file was deposited (None for a draft)."""
        if self.submitted_at is None:
            return None
        end = self.decided_at or self.withdrawn_at or timezone.now()
        return (timezone.localtime(end).date() - timezone.localtime(self.submitted_at).date()).days


class ApplicationFunding(models.Model):
    """A co-funding source of the plan (other than the amount requested from this call)."""

    application = models.ForeignKey(Application, verbose_name=_("demande"), on_delete=models.CASCADE,
                                    related_name="fundings")
    source = models.CharField(_("financeur ou source"), max_length=200)
    amount = money(_("montant (€)"), validators=[MinValueValidator(Decimal("0.01"))])
    is_secured = models.BooleanField(_("acquis"), default=False, help_text=_("Décoché : sollicité, pas encore acquis."))
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("cofinancement")
        verbose_name_plural = _("cofinancements")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="application_funding_amount_positive"),
        ]

    def __str__(self):
        return self.source


class BudgetLine(models.Model):
    """A line of the forecast budget; `spent_amount` is filled by the final financial report
    (compte rendu financier, Cerfa 15059: planned vs spent)."""

    application = models.ForeignKey(Application, verbose_name=_("demande"), on_delete=models.CASCADE,
                                    related_name="budget_lines")
    label = models.CharField(_("poste de dépense"), max_length=200)
    planned_amount = money(_("montant prévu (€)"), validators=[MinValueValidator(Decimal("0"))])
    spent_amount = money(_("montant dépensé (€)"), null=True, blank=True, validators=[MinValueValidator(Decimal("0"))])
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("ligne de budget")
        verbose_name_plural = _("lignes de budget")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(planned_amount__gte=0), name="budget_line_planned_positive"),
            models.CheckConstraint(condition=Q(spent_amount__isnull=True) | Q(spent_amount__gte=0),
                                   name="budget_line_spent_positive"),
        ]

    def __str__(self):
        return self.label


class Milestone(models.Model):
    """A milestone of the plan, with the tranche it releases once validated (tranches add up to
    the amount requested, then granted). Its status changes only through its transition service."""

    audit_actions = MilestoneAction

    application = models.ForeignKey(Application, verbose_name=_("demande"), on_delete=models.CASCADE,
                                    related_name="milestones")
    title = models.CharField(_("intitulé"), max_length=200)
    kind = models.CharField(_("nature"), max_length=20, choices=MilestoneKind.choices, default=MilestoneKind.STEP)
    due_date = models.DateField(_("échéance"))
    deliverable = models.TextField(_("livrable attendu"), max_length=SHORT_TEXT_MAX_LENGTH, blank=True)
    tranche_amount = money(_("tranche (€)"), default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))])
    status = models.CharField(_("statut"), max_length=20, choices=MilestoneStatus.choices,
                              default=MilestoneStatus.PLANNED)
    report = models.TextField(_("compte rendu"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    evidence = models.FileField(_("justificatif"), upload_to=evidence_path, blank=True)
    evidence_name = models.CharField(_("nom du justificatif"), max_length=200, blank=True)
    evidence_type = models.CharField(_("type du justificatif"), max_length=60, blank=True)
    evidence_size = models.PositiveIntegerField(_("taille du justificatif (octets)"), null=True, blank=True)
    reported_at = models.DateTimeField(_("rapport transmis le"), null=True, blank=True)
    return_reason = models.TextField(_("motif du renvoi"), max_length=SHORT_TEXT_MAX_LENGTH, blank=True)
    validated_at = models.DateTimeField(_("validé le"), null=True, blank=True)
    validated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("validé par"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    released_at = models.DateTimeField(_("tranche versée le"), null=True, blank=True)
    # A validated « replication » milestone points at the declaration it produced in the catalogue.
    replication = models.ForeignKey("innovations.Replication", verbose_name=_("essaimage déclaré"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="grant_milestones")
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("jalon")
        verbose_name_plural = _("jalons")
        ordering = ["due_date", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=MilestoneStatus.values), name="milestone_status_valid"),
            models.CheckConstraint(condition=Q(kind__in=MilestoneKind.values), name="milestone_kind_valid"),
            models.CheckConstraint(condition=Q(tranche_amount__gte=0), name="milestone_tranche_positive"),
            models.CheckConstraint(condition=Q(replication__isnull=True) | Q(kind=MilestoneKind.REPLICATION),
                                   name="milestone_replication_kind"),
            models.CheckConstraint(condition=~Q(status=MilestoneStatus.VALIDATED) | Q(validated_at__isnull=False),
                                   name="milestone_validated_dated"),
            models.CheckConstraint(condition=Q(released_at__isnull=True) | Q(status=MilestoneStatus.VALIDATED),
                                   name="milestone_released_once_validated"),
            models.CheckConstraint(condition=~Q(status=MilestoneStatus.RETURNED) | ~Q(return_reason=""),
                                   name="milestone_return_reason_given"),
        ]

    def __str__(self):
        return self.title

    @property
    def state(self) -> MilestoneStatus:
        return MilestoneStatus(self.status)

    @property
    def kind_state(self) -> MilestoneKind:
        return MilestoneKind(self.kind)


class ApplicationDocument(models.Model):
    """An attachment of the application (essaimage.uploads.GRANT_DOCUMENTS); `required_label`
    names the call's required document it provides, if any."""

    application = models.ForeignKey(Application, verbose_name=_("demande"), on_delete=models.CASCADE,
                                    related_name="documents")
    file = models.FileField(_("fichier"), upload_to=document_path)
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    content_type = models.CharField(_("type de fichier"), max_length=60)
    size = models.PositiveIntegerField(_("taille (octets)"))
    required_label = models.CharField(_("pièce demandée"), max_length=200, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("déposée par"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("déposée le"), default=timezone.now)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


# --- Instruction ------------------------------------------------------------------------------

class Message(models.Model):
    """The thread between the team and the instructeurs on one application."""

    application = models.ForeignKey(Application, verbose_name=_("demande"), on_delete=models.CASCADE,
                                    related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("auteur"), on_delete=models.PROTECT,
                               related_name="+")
    from_instructeur = models.BooleanField(_("envoyé par l’instruction"), default=False)
    body = models.TextField(_("message"), max_length=MEDIUM_TEXT_MAX_LENGTH)
    attachment = models.FileField(_("pièce jointe"), upload_to=message_path, blank=True)
    attachment_name = models.CharField(_("nom de la pièce jointe"), max_length=200, blank=True)
    attachment_type = models.CharField(_("type de la pièce jointe"), max_length=60, blank=True)
    attachment_size = models.PositiveIntegerField(_("taille de la pièce jointe (octets)"), null=True, blank=True)
    created_at = models.DateTimeField(_("envoyé le"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["application", "created_at"], name="grant_message_thread")]

    def __str__(self):
        return _("Message du %(date)s") % {"date": timezone.localtime(self.created_at).strftime("%d/%m/%Y %H:%M")}


class Annotation(models.Model):
    """A private note of the instructeurs: never shown to the team, never in an e-mail."""

    application = models.ForeignKey(Application, verbose_name=_("demande"), on_delete=models.CASCADE,
                                    related_name="annotations")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("auteur"), on_delete=models.PROTECT,
                               related_name="+")
    body = models.TextField(_("annotation"), max_length=MEDIUM_TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("écrite le"), default=timezone.now)

    class Meta:
        verbose_name = _("annotation privée")
        verbose_name_plural = _("annotations privées")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return _("Annotation du %(date)s") % {"date": timezone.localtime(self.created_at).strftime("%d/%m/%Y %H:%M")}


class InfoRequest(models.Model):
    """A request for more information: reopens the named parts for the team until `due_date`;
    answered when the team sends the application back (COMPLETE)."""

    application = models.ForeignKey(Application, verbose_name=_("demande"), on_delete=models.CASCADE,
                                     related_name="info_requests")
    message = models.TextField(_("compléments demandés"), max_length=MEDIUM_TEXT_MAX_LENGTH)
    parts = ArrayField(models.CharField(max_length=20, choices=ApplicationPart.choices),
                       verbose_name=_("parties rouvertes"), default=list)
    due_date = models.DateField(_("à transmettre avant le"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("demandé par"),
                                     on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    answered_at = models.DateTimeField(_("complété le"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("complété par"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("demande de compléments")
        verbose_name_plural = _("demandes de compléments")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(parts__contained_by=ApplicationPart.values) & Q(parts__len__gte=1),
                                   name="info_request_parts_valid"),
            # Only one open request per application.
            models.UniqueConstraint(fields=["application"], condition=Q(answered_at__isnull=True),
                                    name="info_request_one_open"),
        ]

    def __str__(self):
        return _("Demande de compléments du %(date)s") % {
            "date": timezone.localtime(self.requested_at).strftime("%d/%m/%Y")}

    @property
    def part_labels(self) -> list[str]:
        return [ApplicationPart(part).label for part in self.parts]

    @property
    def is_open(self) -> bool:
        return self.answered_at is None


# --- Review (part 2 builds the services and pages) --------------------------------------------

class ReviewAssignment(AssignmentBase):
    audit_actions = AssignmentAction

    application = models.ForeignKey(Application, verbose_name=_("demande"), on_delete=models.CASCADE,
                                    related_name="assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("attribué par"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta(AssignmentBase.Meta):
        verbose_name = _("attribution à un évaluateur")
        verbose_name_plural = _("attributions aux évaluateurs")
        ordering = ["created_at", "pk"]
        constraints = [
            *assignment_constraints(),
            models.UniqueConstraint(fields=["application", "evaluator"], name="review_assignment_unique"),
        ]

    def __str__(self):
        return f"{self.application} — {self.evaluator}"


class ReviewSheet(ScoreSheetBase):
    assignment = models.OneToOneField(ReviewAssignment, verbose_name=_("attribution"), on_delete=models.CASCADE,
                                      related_name="sheet")

    class Meta(ScoreSheetBase.Meta):
        verbose_name = _("fiche d’évaluation")
        verbose_name_plural = _("fiches d’évaluation")
        constraints = sheet_constraints()

    def __str__(self):
        return str(self.assignment)


class ReviewScore(ScoreBase):
    sheet = models.ForeignKey(ReviewSheet, verbose_name=_("fiche"), on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(CallCriterion, verbose_name=_("critère"), on_delete=models.PROTECT,
                                  related_name="scores")

    class Meta(ScoreBase.Meta):
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        constraints = [
            *score_constraints(),
            models.UniqueConstraint(fields=["sheet", "criterion"], name="review_score_unique"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class ConflictRecord(ConflictRecordBase):
    application = models.ForeignKey(Application, verbose_name=_("demande"), on_delete=models.CASCADE,
                                    related_name="conflicts")

    class Meta(ConflictRecordBase.Meta):
        verbose_name = _("conflit d’intérêts")
        verbose_name_plural = _("conflits d’intérêts")
        constraints = [
            *conflict_record_constraints(),
            models.UniqueConstraint(fields=["application", "evaluator", "kind"], name="conflict_record_unique"),
        ]

    def __str__(self):
        return f"{self.application} — {self.evaluator}"


# --- Decisions and grants (part 2) ------------------------------------------------------------

class Decision(models.Model):
    """The decision on an application: one, never changed (services create it, nothing updates it)."""

    application = models.OneToOneField(Application, verbose_name=_("demande"), on_delete=models.PROTECT,
                                       related_name="decision")
    outcome = models.CharField(_("décision"), max_length=20, choices=DecisionOutcome.choices)
    amount = money(_("montant accordé (€)"), null=True, blank=True)
    motivation = models.TextField(_("motivation"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("décidée par"), on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(_("décidée le"), default=timezone.now)

    class Meta:
        verbose_name = _("décision")
        verbose_name_plural = _("décisions")
        ordering = ["-decided_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(outcome__in=DecisionOutcome.values), name="decision_outcome_valid"),
            # Accepted: an amount; refused or classé sans suite: no amount, a motivation.
            models.CheckConstraint(
                condition=(Q(outcome=DecisionOutcome.ACCEPTED) & Q(amount__gt=0))
                | (~Q(outcome=DecisionOutcome.ACCEPTED) & Q(amount__isnull=True) & ~Q(motivation="")),
                name="decision_amount_or_motivation"),
        ]

    def __str__(self):
        return f"{self.application} — {self.get_outcome_display()}"

    @property
    def outcome_state(self) -> DecisionOutcome:
        return DecisionOutcome(self.outcome)


class Grant(models.Model):
    """The grant an accepted application gets. Above CONVENTION_THRESHOLD a convention is
    required and the grant starts only once it is recorded as signed. Status changes only
    through its transition service."""

    audit_actions = GrantAction

    application = models.OneToOneField(Application, verbose_name=_("demande"), on_delete=models.PROTECT,
                                       related_name="grant")
    initial_amount = money(_("montant attribué (€)"))
    amount_granted = money(_("montant accordé en vigueur (€)"), help_text=_("Après une éventuelle réduction."))
    status = models.CharField(_("statut"), max_length=30, choices=GrantStatus.choices,
                              default=GrantStatus.AWAITING_CONVENTION)
    convention_required = models.BooleanField(_("convention obligatoire"), default=False)
    convention_signed_at = models.DateField(_("convention signée le"), null=True, blank=True)
    convention_signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signature enregistrée par"),
                                             null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("attribuée le"), default=timezone.now)
    started_at = models.DateTimeField(_("démarrée le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)
    # Compte rendu financier (Cerfa 15059): due within six months after the end of the financial year.
    financial_year_end = models.DateField(_("fin de l’exercice"), null=True, blank=True)
    financial_report_due = models.DateField(_("compte rendu financier attendu avant le"), null=True, blank=True)
    financial_report_submitted_at = models.DateTimeField(_("compte rendu financier transmis le"), null=True,
                                                         blank=True)
    financial_report_comment = models.TextField(_("commentaire du compte rendu financier"),
                                                max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    financial_report_file = models.FileField(_("compte rendu financier signé"), upload_to=report_path, blank=True)
    financial_report_reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    motivation = models.TextField(_("motivation de la réduction ou du retrait"), max_length=MEDIUM_TEXT_MAX_LENGTH,
                                  blank=True)

    class Meta:
        verbose_name = _("subvention")
        verbose_name_plural = _("subventions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=GrantStatus.values), name="grant_status_valid"),
            models.CheckConstraint(condition=Q(initial_amount__gt=0), name="grant_initial_amount_positive"),
            models.CheckConstraint(condition=Q(amount_granted__gte=0) & Q(amount_granted__lte=F("initial_amount")),
                                   name="grant_amount_within_initial"),
            models.CheckConstraint(
                condition=(Q(convention_required=True) & Q(initial_amount__gt=CONVENTION_THRESHOLD))
                | (Q(convention_required=False) & Q(initial_amount__lte=CONVENTION_THRESHOLD)),
                name="grant_convention_required_above_threshold"),
            # A grant that needs a convention starts only once it is signed.
            models.CheckConstraint(
                condition=~Q(status__in=STARTED_GRANT_STATES) | Q(convention_required=False)
                | Q(convention_signed_at__isnull=False),
                name="grant_started_after_convention"),
            models.CheckConstraint(condition=~Q(status=GrantStatus.AWAITING_CONVENTION) | Q(convention_required=True),
                                   name="grant_awaiting_only_if_required"),
        ]

    def __str__(self):
        return str(self.application)

    @property
    def state(self) -> GrantStatus:
        return GrantStatus(self.status)


class Hearing(models.Model):
    """The team is heard before a grant is reduced or withdrawn: a recorded exchange with a deadline."""

    grant = models.ForeignKey(Grant, verbose_name=_("subvention"), on_delete=models.CASCADE, related_name="hearings")
    purpose = models.CharField(_("objet"), max_length=20, choices=HearingPurpose.choices)
    reason = models.TextField(_("motifs envisagés"), max_length=MEDIUM_TEXT_MAX_LENGTH)
    proposed_amount = money(_("montant envisagé (€)"), null=True, blank=True)
    deadline = models.DateField(_("réponse attendue avant le"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ouverte par"), on_delete=models.PROTECT,
                                  related_name="+")
    opened_at = models.DateTimeField(_("ouverte le"), default=timezone.now)
    answer = models.TextField(_("réponse de l’équipe"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(_("réponse reçue le"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("réponse de"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("close par"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("procédure contradictoire")
        verbose_name_plural = _("procédures contradictoires")
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(purpose__in=HearingPurpose.values), name="hearing_purpose_valid"),
            models.CheckConstraint(condition=Q(proposed_amount__isnull=True) | Q(proposed_amount__gte=0),
                                   name="hearing_proposed_amount_positive"),
            models.UniqueConstraint(fields=["grant"], condition=Q(closed_at__isnull=True), name="hearing_one_open"),
        ]

    def __str__(self):
        return f"{self.grant} — {self.get_purpose_display()}"


class TrancheRelease(models.Model):
    """A tranche paid once its milestone is validated: one per milestone."""

    grant = models.ForeignKey(Grant, verbose_name=_("subvention"), on_delete=models.PROTECT, related_name="releases")
    milestone = models.OneToOneField(Milestone, verbose_name=_("jalon"), on_delete=models.PROTECT,
                                     related_name="release")
    amount = money(_("montant versé (€)"))
    released_at = models.DateTimeField(_("versée le"), default=timezone.now)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("versement enregistré par"),
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("versement de tranche")
        verbose_name_plural = _("versements de tranches")
        ordering = ["released_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="tranche_release_amount_positive"),
        ]

    def __str__(self):
        return f"{self.milestone} — {self.amount} €"

