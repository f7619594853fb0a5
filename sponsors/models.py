"""Sponsors (« parrains et marraines »): profiles, requests from innovation teams, sponsorships
with their check-ins. Statuses change only through the transition services (services.py)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.models import MEDIUM_TEXT_MAX_LENGTH, MESSAGE_MAX_LENGTH, Territory
from innovations.models import Innovation, Theme
from sponsors.enums import (
    Outcome, ProfileAction, ProfileStatus, RequestAction, RequestStatus, SponsorshipAction, SponsorshipStatus,
)
from sponsors.events.models import Event, Registration  # noqa: F401  (rencontres: sponsors/events/)

MAX_CAPACITY = 10


class SponsorProfile(models.Model):
    audit_actions = ProfileAction

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("agent"), on_delete=models.CASCADE,
                                related_name="sponsor_profile")
    themes = models.ManyToManyField(Theme, verbose_name=_("thèmes d’expertise"), related_name="sponsors")
    territories = models.ManyToManyField(Territory, verbose_name=_("territoires couverts"),
                                         related_name="sponsors")
    capacity = models.PositiveSmallIntegerField(
        _("nombre d’innovations accompagnées à la fois"), default=2,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)])
    available_from = models.DateField(_("disponible à partir du"), null=True, blank=True)
    available_until = models.DateField(_("disponible jusqu’au"), null=True, blank=True)
    presentation = models.TextField(_("présentation"), max_length=2_000)
    contact_ways = models.TextField(_("comment me joindre"), max_length=500, blank=True)
    status = models.CharField(_("statut"), max_length=12, choices=ProfileStatus.choices,
                              default=ProfileStatus.BROUILLON)
    moderation_message = models.TextField(_("message de la modération"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    submitted_at = models.DateTimeField(_("soumis le"), null=True, blank=True, editable=False)
    approved_at = models.DateTimeField(_("approuvé le"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("profil de parrain ou marraine")
        verbose_name_plural = _("profils de parrains et marraines")
        ordering = ["user__last_name", "user__first_name", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ProfileStatus.values), name="sponsor_profile_status_valid"),
            models.CheckConstraint(condition=Q(capacity__gte=1) & Q(capacity__lte=MAX_CAPACITY),
                                   name="sponsor_profile_capacity_range"),
            models.CheckConstraint(
                condition=Q(available_from__isnull=True) | Q(available_until__isnull=True)
                | Q(available_until__gte=models.F("available_from")),
                name="sponsor_profile_availability_order"),
        ]
        indexes = [models.Index(fields=["status"], name="sponsor_profile_status")]

    def __str__(self):
        return self.user.full_name or self.user.email

    def get_absolute_url(self):
        return reverse("sponsors:profile", kwargs={"pk": self.pk})

    @property
    def state(self) -> ProfileStatus:
        return ProfileStatus(self.status)

    def is_available_on(self, day) -> bool:
        return ((self.available_from is None or self.available_from <= day)
                and (self.available_until is None or self.available_until >= day))


class SponsorshipRequest(models.Model):
    """A team asks a sponsor to accompany its innovation; the sponsor accepts or declines."""

    audit_actions = RequestAction

    innovation = models.ForeignKey(Innovation, verbose_name=_("innovation"), on_delete=models.CASCADE,
                                   related_name="sponsorship_requests")
    sponsor = models.ForeignKey(SponsorProfile, verbose_name=_("parrain ou marraine"), on_delete=models.CASCADE,
                                related_name="requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("demandé par"),
                                     on_delete=models.PROTECT, related_name="+")
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    objectives = models.TextField(_("objectifs proposés"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    status = models.CharField(_("statut"), max_length=12, choices=RequestStatus.choices,
                              default=RequestStatus.EN_ATTENTE)
    answer = models.TextField(_("réponse"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("demandé le"), default=timezone.now, editable=False)
    decided_at = models.DateTimeField(_("répondu le"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("demande de parrainage")
        verbose_name_plural = _("demandes de parrainage")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RequestStatus.values),
                                   name="sponsorship_request_status_valid"),
            # One open request per innovation and sponsor.
            models.UniqueConstraint(fields=["innovation", "sponsor"], condition=Q(status=RequestStatus.EN_ATTENTE),
                                    name="sponsorship_request_one_open"),
        ]

    def __str__(self):
        return _("Demande de « %(innovation)s » à %(sponsor)s") % {"innovation": self.innovation,
                                                                   "sponsor": self.sponsor}

    def get_absolute_url(self):
        return reverse("sponsors:request", kwargs={"pk": self.pk})

    @property
    def state(self) -> RequestStatus:
        return RequestStatus(self.status)


class Sponsorship(models.Model):
    """A sponsor accompanies an innovation's team: objectives, check-ins, an end with an outcome."""

    audit_actions = SponsorshipAction

    request = models.OneToOneField(SponsorshipRequest, verbose_name=_("demande"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="sponsorship")
    innovation = models.ForeignKey(Innovation, verbose_name=_("innovation"), on_delete=models.CASCADE,
                                   related_name="sponsorships")
    sponsor = models.ForeignKey(SponsorProfile, verbose_name=_("parrain ou marraine"), on_delete=models.CASCADE,
                                related_name="sponsorships")
    objectives = models.TextField(_("objectifs convenus"), max_length=MEDIUM_TEXT_MAX_LENGTH)
    status = models.CharField(_("statut"), max_length=12, choices=SponsorshipStatus.choices,
                              default=SponsorshipStatus.EN_COURS)
    started_at = models.DateTimeField(_("commencé le"), default=timezone.now)
    ended_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    outcome = models.CharField(_("issue"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_notes = models.TextField(_("bilan"), max_length=MEDIUM_TEXT_MAX_LENGTH, blank=True)
    # Last sign of life of the sponsor (start, or their last check-in): the 60-day reminder.
    last_activity_at = models.DateTimeField(_("dernière activité du parrain"), default=timezone.now)
    reminded_at = models.DateTimeField(_("relancé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("parrainage")
        verbose_name_plural = _("parrainages")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=SponsorshipStatus.values), name="sponsorship_status_valid"),
            models.CheckConstraint(condition=Q(outcome="") | Q(outcome__in=Outcome.values),
                                   name="sponsorship_outcome_valid"),
            models.CheckConstraint(condition=Q(status=SponsorshipStatus.EN_COURS) | ~Q(outcome=""),
                                   name="sponsorship_ended_has_outcome"),
            models.UniqueConstraint(fields=["innovation", "sponsor"], condition=Q(status=SponsorshipStatus.EN_COURS),
                                    name="sponsorship_one_active"),
        ]
        indexes = [models.Index(fields=["sponsor", "status"], name="sponsorship_sponsor_status")]

    def __str__(self):
        return _("Parrainage de « %(innovation)s » par %(sponsor)s") % {"innovation": self.innovation,
                                                                        "sponsor": self.sponsor}

    def get_absolute_url(self):
        return reverse("sponsors:sponsorship", kwargs={"pk": self.pk})

    @property
    def state(self) -> SponsorshipStatus:
        return SponsorshipStatus(self.status)


class CheckIn(models.Model):
    """A check-in of a sponsorship. Private: only the team and the sponsor read it."""

    sponsorship = models.ForeignKey(Sponsorship, verbose_name=_("parrainage"), on_delete=models.CASCADE,
                                    related_name="checkins")
    date = models.DateField(_("date du point"))
    notes = models.TextField(_("notes"), max_length=MEDIUM_TEXT_MAX_LENGTH)
    next_step = models.TextField(_("prochaine étape"), max_length=1_000, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("rédigé par"), null=True,
                               on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("enregistré le"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("point d’étape")
        verbose_name_plural = _("points d’étape")
        ordering = ["-date", "-id"]

    def __str__(self):
        return _("Point du %(date)s") % {"date": self.date.strftime("%d/%m/%Y")}
