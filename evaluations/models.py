"""Prize campaigns (issue 11). A `Campaign` has categories, criteria, questions and dated phases;
teams enter innovations (`Entry`, with `Answer`s); peers and jurors score them through the shared
review core (`Assignment`, `ScoreSheet`, `Score`, `ConflictRecord` on `reviewing.models`' bases);
the public votes (`Vote`), the organiser records the winners (`Award`).

Statuses change only through the transition services (`services.campaign_transition`,
`services.entry_transition`, part 2's score-sheet service), audited."""

from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.enums import OrganisationKind
from essaimage.models import MEDIUM_TEXT_MAX_LENGTH, Organisation, Territory
from evaluations.enums import Aggregation, AwardKind, CampaignPhase, EntryStatus, Panel
from innovations.enums import Stage
from reviewing.enums import SheetAction
from reviewing.models import (
    AssignmentBase, ConflictRecordBase, CriterionBase, ScoreBase, ScoreSheetBase, assignment_constraints,
    conflict_record_constraints, criterion_constraints, score_constraints, sheet_constraints,
)

ANSWER_MAX_LENGTH = 4_000
RULING_REASON_MAX_LENGTH = 2_000
CITATION_MAX_LENGTH = 1_000
MAX_PEERS_PER_ENTRY = 10
MAX_JURORS_PER_ENTRY = 20
MAX_PRIZES_PER_CATEGORY = 10

# The dated phases, in order: each starts at its date and ends when the next one starts.
PHASE_DATE_FIELDS = {
    CampaignPhase.CANDIDATURES: "candidatures_start",
    CampaignPhase.PEER_REVIEW: "peer_review_start",
    CampaignPhase.JURY: "jury_start",
    CampaignPhase.DELIBERATION: "deliberation_start",
    CampaignPhase.RESULTS: "results_start",
}


class Campaign(models.Model):
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation organisatrice"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="campaigns")
    organisers = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("organisateurs"),
                                        related_name="organised_campaigns")
    # Jurors of this campaign (an accepted invitation adds them; part 2's scoring services).
    jurors = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("jurés"), blank=True,
                                    related_name="juried_campaigns")
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant dans l’adresse"), max_length=90, unique=True)
    summary = models.CharField(_("accroche"), max_length=300, blank=True)
    description = models.TextField(_("description"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)

    # Eligibility (empty: no restriction).
    eligible_kinds = ArrayField(models.CharField(max_length=30, choices=OrganisationKind.choices),
                                verbose_name=_("types de structure admis"), default=list, blank=True)
    eligible_territories = models.ManyToManyField(Territory, verbose_name=_("territoires admis"), blank=True,
                                                  related_name="+")
    minimum_stage = models.CharField(_("stade minimal"), max_length=20, choices=Stage.choices, blank=True)

    phase = models.CharField(_("phase"), max_length=20, choices=CampaignPhase.choices, default=CampaignPhase.DRAFT)
    candidatures_start = models.DateTimeField(_("ouverture des candidatures"))
    peer_review_start = models.DateTimeField(_("début de l’évaluation par les pairs"))
    jury_start = models.DateTimeField(_("début de l’évaluation par le jury"))
    deliberation_start = models.DateTimeField(_("début de la délibération"))
    results_start = models.DateTimeField(_("publication des résultats"))
    # The public prize's vote (when `public_prize`): within the evaluation, before the deliberation.
    public_vote_start = models.DateTimeField(_("ouverture du vote du public"), null=True, blank=True)
    public_vote_end = models.DateTimeField(_("clôture du vote du public"), null=True, blank=True)

    peers_per_entry = models.PositiveSmallIntegerField(
        _("évaluations par les pairs par candidature"), default=3,
        validators=[MaxValueValidator(MAX_PEERS_PER_ENTRY)],
        help_text=_("0 : pas d’évaluation par les pairs."))
    jurors_per_entry = models.PositiveSmallIntegerField(
        _("notes du jury par candidature"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_JURORS_PER_ENTRY)])
    anonymised = models.BooleanField(_("évaluation anonymisée"), default=True)
    aggregation = models.CharField(_("agrégation des notes"), max_length=20, choices=Aggregation.choices,
                                   default=Aggregation.WEIGHTED_MEAN)
    normalise = models.BooleanField(_("normaliser les notes de chaque évaluateur (score z)"), default=False)
    peer_weight = models.DecimalField(
        _("poids des pairs"), max_digits=3, decimal_places=2, default=Decimal("0.30"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text=_("Entre 0 et 1 ; le jury compte pour le reste."))
    public_prize = models.BooleanField(_("prix du public"), default=False)

    results_published_at = models.DateTimeField(_("résultats publiés le"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("créée par"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("campagne de prix")
        verbose_name_plural = _("campagnes de prix")
        ordering = ["-candidatures_start", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(phase__in=CampaignPhase.values), name="campaign_phase_valid"),
            models.CheckConstraint(condition=Q(minimum_stage__in=[*Stage.values, ""]), name="campaign_stage_valid"),
            models.CheckConstraint(condition=Q(aggregation__in=Aggregation.values), name="campaign_aggregation_valid"),
            models.CheckConstraint(condition=Q(peer_weight__gte=0) & Q(peer_weight__lte=1),
                                   name="campaign_peer_weight_range"),
            models.CheckConstraint(condition=Q(peers_per_entry__lte=MAX_PEERS_PER_ENTRY),
                                   name="campaign_peers_range"),
            models.CheckConstraint(condition=Q(jurors_per_entry__gte=1) & Q(jurors_per_entry__lte=MAX_JURORS_PER_ENTRY),
                                   name="campaign_jurors_range"),
            # The phases follow each other; the peer phase may last zero time (no peer evaluation).
            models.CheckConstraint(
                condition=Q(candidatures_start__lt=F("peer_review_start")) & Q(peer_review_start__lte=F("jury_start"))
                & Q(jury_start__lt=F("deliberation_start")) & Q(deliberation_start__lt=F("results_start")),
                name="campaign_phases_ordered"),
            models.CheckConstraint(
                condition=Q(public_prize=False)
                | (Q(public_vote_start__isnull=False) & Q(public_vote_end__isnull=False)
                   & Q(public_vote_start__gte=F("peer_review_start")) & Q(public_vote_start__lt=F("public_vote_end"))
                   & Q(public_vote_end__lte=F("deliberation_start"))),
                name="campaign_public_vote_dates"),
            models.CheckConstraint(
                condition=Q(phase=CampaignPhase.RESULTS) | Q(results_published_at__isnull=True),
                name="campaign_results_dated"),
        ]
        indexes = [models.Index(fields=["phase", "candidatures_start"], name="campaign_phase_start")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("evaluations:campaign", kwargs={"slug": self.slug})

    @property
    def state(self) -> CampaignPhase:
        """The stored phase as its enum member (`state.label`, `state.badge_class`, `state.accepts_entries`…).
        Pages read the phase after `services.campaign_phase_advance` has caught up with the dates."""
        return CampaignPhase(self.phase)

    @property
    def eligible_kind_labels(self) -> list[str]:
        return [str(OrganisationKind(kind).label) for kind in self.eligible_kinds]

    @property
    def jury_weight(self) -> Decimal:
        return Decimal("1") - self.peer_weight

    @property
    def has_peer_review(self) -> bool:
        return self.peers_per_entry > 0

    @property
    def aggregation_mode(self) -> Aggregation:
        return Aggregation(self.aggregation)

    def phase_start(self, phase: CampaignPhase):
        """When `phase` starts (None for the draft and the announcement)."""
        field = PHASE_DATE_FIELDS.get(phase)
        return getattr(self, field) if field else None

    def phase_end(self, phase: CampaignPhase):
        """When `phase` ends: the start of the next dated phase (None for the results)."""
        phases = list(PHASE_DATE_FIELDS)
        if phase == CampaignPhase.ANNOUNCED:
            return self.candidatures_start
        if phase not in phases or phases.index(phase) + 1 >= len(phases):
            return None
        return getattr(self, PHASE_DATE_FIELDS[phases[phases.index(phase) + 1]])

    def phase_due_at(self, moment=None) -> CampaignPhase | None:
        """The dated phase the calendar says it is at `moment` (None before the candidatures)."""
        moment = moment or timezone.now()
        due = None
        for phase, field in PHASE_DATE_FIELDS.items():
            if getattr(self, field) <= moment:
                due = phase
        return due

    def public_vote_open(self, moment=None) -> bool:
        moment = moment or timezone.now()
        return bool(self.public_prize and self.public_vote_start and self.public_vote_end
                    and self.public_vote_start <= moment < self.public_vote_end)


class Category(models.Model):
    campaign = models.ForeignKey(Campaign, verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="categories")
    name = models.CharField(_("nom"), max_length=120)
    description = models.TextField(_("description"), max_length=1_000, blank=True)
    prizes_count = models.PositiveSmallIntegerField(
        _("nombre de prix"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_PRIZES_PER_CATEGORY)])
    prize_labels = ArrayField(models.CharField(max_length=80), verbose_name=_("intitulés des prix"),
                              default=list, blank=True, size=MAX_PRIZES_PER_CATEGORY,
                              help_text=_("Un intitulé par prix, dans l’ordre (« Premier prix », « Mention »…)."))
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("catégorie")
        verbose_name_plural = _("catégories")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "name"], name="category_unique_name"),
            models.CheckConstraint(condition=Q(prizes_count__gte=1) & Q(prizes_count__lte=MAX_PRIZES_PER_CATEGORY),
                                   name="category_prizes_range"),
        ]

    def __str__(self):
        return self.name

    def prize_label(self, rank: int) -> str:
        """The label of the `rank`-th prize (1-based), its own or a default one."""
        if 1 <= rank <= len(self.prize_labels) and self.prize_labels[rank - 1]:
            return self.prize_labels[rank - 1]
        return str(_("Prix n° %(rank)s") % {"rank": rank})


class Criterion(CriterionBase):
    campaign = models.ForeignKey(Campaign, verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="criteria")

    class Meta(CriterionBase.Meta):
        verbose_name = _("critère")
        verbose_name_plural = _("critères")
        constraints = [
            *criterion_constraints(),
            models.UniqueConstraint(fields=["campaign", "code"], condition=~Q(code=""), name="criterion_unique_code"),
            models.UniqueConstraint(fields=["campaign", "label"], name="criterion_unique_label"),
        ]


class Question(models.Model):
    campaign = models.ForeignKey(Campaign, verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("aide"), max_length=1_000, blank=True)
    required = models.BooleanField(_("réponse obligatoire pour déposer"), default=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label


class Entry(models.Model):
    """An innovation entered in a campaign by its team (the innovation's team: `innovation.members`)."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="entries")
    category = models.ForeignKey(Category, verbose_name=_("catégorie"), on_delete=models.PROTECT,
                                 related_name="entries")
    innovation = models.ForeignKey("innovations.Innovation", verbose_name=_("innovation"), on_delete=models.PROTECT,
                                   related_name="campaign_entries")
    # The innovation's organisation when the entry was created (eligibility, conflicts of interest).
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="campaign_entries")
    status = models.CharField(_("statut"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.DRAFT)
    ruling_reason = models.TextField(_("motif de la décision de recevabilité"), max_length=RULING_REASON_MAX_LENGTH,
                                     blank=True)
    ruled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("décision prise par"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="+")
    ruled_at = models.DateTimeField(_("décision prise le"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("créée par"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("déposée le"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("retirée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        ordering = ["campaign", "category", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "innovation"], name="entry_unique_innovation"),
            models.CheckConstraint(condition=Q(status__in=EntryStatus.values), name="entry_status_valid"),
            # The team sees why its entry is not eligible.
            models.CheckConstraint(condition=~Q(status=EntryStatus.INELIGIBLE) | ~Q(ruling_reason=""),
                                   name="entry_ineligible_reason"),
            models.CheckConstraint(condition=Q(status=EntryStatus.DRAFT) | Q(submitted_at__isnull=False)
                                   | Q(status=EntryStatus.WITHDRAWN), name="entry_submitted_dated"),
        ]
        indexes = [models.Index(fields=["campaign", "status"], name="entry_campaign_status")]

    def __str__(self):
        return str(self.innovation)

    @property
    def state(self) -> EntryStatus:
        return EntryStatus(self.status)


class Answer(models.Model):
    entry = models.ForeignKey(Entry, verbose_name=_("candidature"), on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.CASCADE,
                                 related_name="answers")
    text = models.TextField(_("réponse"), max_length=ANSWER_MAX_LENGTH, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        ordering = ["question__order", "question_id"]
        constraints = [models.UniqueConstraint(fields=["entry", "question"], name="answer_unique_question")]

    def __str__(self):
        return self.text[:80]


# --- Scoring (part 2 builds the services and pages on these tables) ---------------------------

class Assignment(AssignmentBase):
    """An evaluator given an entry. Jury: `evaluator` is the juror. Peers: the team of `peer_entry`
    evaluates (any of its members may fill the sheet); `evaluator` is the member it was assigned to."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="assignments")
    entry = models.ForeignKey(Entry, verbose_name=_("candidature évaluée"), on_delete=models.CASCADE,
                              related_name="assignments")
    panel = models.CharField(_("collège"), max_length=10, choices=Panel.choices)
    peer_entry = models.ForeignKey(Entry, verbose_name=_("candidature de l’équipe évaluatrice"), null=True,
                                   blank=True, on_delete=models.CASCADE, related_name="peer_assignments")

    class Meta:
        verbose_name = _("attribution")
        verbose_name_plural = _("attributions")
        constraints = [
            *assignment_constraints(),
            models.CheckConstraint(condition=Q(panel__in=Panel.values), name="assignment_panel_valid"),
            models.UniqueConstraint(fields=["entry", "evaluator", "panel"], name="assignment_unique_evaluator"),
            models.UniqueConstraint(fields=["entry", "peer_entry"], condition=Q(peer_entry__isnull=False),
                                    name="assignment_unique_peer_entry"),
            # A peer assignment names the evaluating entry, a jury one does not; never one's own entry.
            models.CheckConstraint(condition=(Q(panel=Panel.PEER) & Q(peer_entry__isnull=False))
                                   | (Q(panel=Panel.JURY) & Q(peer_entry__isnull=True)),
                                   name="assignment_peer_entry_set"),
            models.CheckConstraint(condition=~Q(peer_entry=F("entry")), name="assignment_not_own_entry"),
        ]
        indexes = [models.Index(fields=["campaign", "panel", "evaluator"], name="assignment_panel_evaluator")]

    @property
    def panel_kind(self) -> Panel:
        return Panel(self.panel)


class JurorInvitation(models.Model):
    campaign = models.ForeignKey(Campaign, verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="juror_invitations")
    email = models.EmailField(_("adresse e-mail"))
    token = models.CharField(_("jeton"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("invité par"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("invité le"), default=timezone.now)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("accepté par"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="juror_invitations")
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation de juré")
        verbose_name_plural = _("invitations de jurés")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "email"], name="juror_invitation_unique_email"),
            models.CheckConstraint(condition=Q(accepted_at__isnull=True) | Q(accepted_by__isnull=False),
                                   name="juror_invitation_accepted"),
        ]

    def __str__(self):
        return self.email


class ScoreSheet(ScoreSheetBase):
    audit_actions = SheetAction  # its journal reads « Envoyer », not an entry's « Déposer »
    assignment = models.OneToOneField(Assignment, verbose_name=_("attribution"), on_delete=models.CASCADE,
                                      related_name="sheet")
    # Who sent it (a peer sheet may be filled by any member of the evaluating team).
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("envoyée par"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)

    class Meta:
        verbose_name = _("fiche de notation")
        verbose_name_plural = _("fiches de notation")
        constraints = sheet_constraints()


class Score(ScoreBase):
    sheet = models.ForeignKey(ScoreSheet, verbose_name=_("fiche"), on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name=_("critère"), on_delete=models.CASCADE,
                                  related_name="scores")

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        constraints = [
            *score_constraints(),
            models.UniqueConstraint(fields=["sheet", "criterion"], name="score_unique_criterion"),
        ]


class ConflictRecord(ConflictRecordBase):
    campaign = models.ForeignKey(Campaign, verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="conflict_records")
    entry = models.ForeignKey(Entry, verbose_name=_("candidature"), on_delete=models.CASCADE,
                              related_name="conflict_records")

    class Meta(ConflictRecordBase.Meta):
        verbose_name = _("conflit d’intérêts")
        verbose_name_plural = _("conflits d’intérêts")
        constraints = conflict_record_constraints()


# --- Public prize and results ---------------------------------------------------------------

class Vote(models.Model):
    """One signed-in agent's vote for the public prize: once per category (counted apart from the jury)."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("campagne"), on_delete=models.CASCADE, related_name="votes")
    category = models.ForeignKey(Category, verbose_name=_("catégorie"), on_delete=models.CASCADE,
                                 related_name="votes")
    entry = models.ForeignKey(Entry, verbose_name=_("candidature"), on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("votant"), on_delete=models.CASCADE,
                              related_name="+")
    created_at = models.DateTimeField(_("voté le"), default=timezone.now)

    class Meta:
        verbose_name = _("vote du public")
        verbose_name_plural = _("votes du public")
        constraints = [models.UniqueConstraint(fields=["campaign", "category", "voter"], name="vote_unique_voter")]
        indexes = [models.Index(fields=["category", "entry"], name="vote_category_entry")]

    def __str__(self):
        return f"{self.voter_id} → {self.entry_id}"


class Award(models.Model):
    """A prize given to an entry in a category, with its citation (shown on the results page and,
    once the results are published, as a badge on the innovation)."""

    entry = models.ForeignKey(Entry, verbose_name=_("candidature"), on_delete=models.CASCADE, related_name="awards")
    category = models.ForeignKey(Category, verbose_name=_("catégorie"), on_delete=models.CASCADE,
                                 related_name="awards")
    kind = models.CharField(_("nature"), max_length=10, choices=AwardKind.choices, default=AwardKind.JURY)
    rank = models.PositiveSmallIntegerField(
        _("rang"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_PRIZES_PER_CATEGORY)])
    prize_label = models.CharField(_("prix"), max_length=80)
    citation = models.TextField(_("citation"), max_length=CITATION_MAX_LENGTH, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("décidé par"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("décidé le"), default=timezone.now)

    class Meta:
        verbose_name = _("prix décerné")
        verbose_name_plural = _("prix décernés")
        ordering = ["category__order", "category_id", "kind", "rank", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=AwardKind.values), name="award_kind_valid"),
            models.CheckConstraint(condition=Q(rank__gte=1) & Q(rank__lte=MAX_PRIZES_PER_CATEGORY),
                                   name="award_rank_range"),
            # One prize per entry and kind in a category; ex aequo (two entries at one rank) are allowed.
            models.UniqueConstraint(fields=["entry", "category", "kind"], name="award_unique_entry"),
        ]

    def __str__(self):
        return self.prize_label

    @property
    def kind_state(self) -> AwardKind:
        return AwardKind(self.kind)
