"""Events (« rencontres ») and the registrations to them. Statuses change only through the
transition services of sponsors.events.services."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.models import Territory
from sponsors.events.enums import (
    ACTIVE_STATES,
    EventAction,
    EventFormat,
    EventStatus,
    RegistrationAction,
    RegistrationStatus,
)

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 5000
MINUTES_MAX_LENGTH = 20000
CAPACITY_MAX = 5000


class Event(models.Model):
    audit_actions = EventAction

    organiser = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("organisateur"), on_delete=models.PROTECT,
                                  related_name="organised_events")
    title = models.CharField(_("titre"), max_length=TITLE_MAX_LENGTH)
    slug = models.SlugField(_("identifiant dans l’adresse"), max_length=90, unique=True)
    description = models.TextField(_("présentation"), max_length=DESCRIPTION_MAX_LENGTH)
    format = models.CharField(_("format"), max_length=12, choices=EventFormat.choices, default=EventFormat.PRESENTIEL)
    place_name = models.CharField(_("lieu"), max_length=200, blank=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    commune = models.ForeignKey(Territory, verbose_name=_("commune"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    # Derived from the commune (the région filter of the list).
    region = models.ForeignKey(Territory, verbose_name=_("région"), null=True, blank=True, editable=False,
                               on_delete=models.PROTECT, related_name="+")
    online_url = models.URLField(_("lien de connexion"), max_length=500, blank=True)
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    capacity = models.PositiveIntegerField(_("nombre de places"))
    themes = models.ManyToManyField("innovations.Theme", verbose_name=_("thèmes"), blank=True, related_name="events")
    innovations = models.ManyToManyField("innovations.Innovation", verbose_name=_("innovations présentées"),
                                         blank=True, related_name="events")
    status = models.CharField(_("statut"), max_length=12, choices=EventStatus.choices, default=EventStatus.BROUILLON)
    minutes = models.TextField(_("compte rendu"), max_length=MINUTES_MAX_LENGTH, blank=True)
    # iCalendar: SEQUENCE, bumped at each edit the attendees should see; the UID is the pk's.
    sequence = models.PositiveIntegerField(_("version iCalendar"), default=0, editable=False)
    reminder_sent_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("rencontre")
        verbose_name_plural = _("rencontres")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=EventStatus.values), name="event_status_valid"),
            models.CheckConstraint(condition=Q(format__in=EventFormat.values), name="event_format_valid"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1, capacity__lte=CAPACITY_MAX),
                                   name="event_capacity_range"),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="event_status_starts")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sponsors:events:detail", args=[self.slug])

    @property
    def state(self) -> EventStatus:
        return EventStatus(self.status)

    @property
    def event_format(self) -> EventFormat:
        return EventFormat(self.format)

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def seats_left(self) -> int:
        """Free seats (needs the `seats_taken` annotation of sponsors.events.selectors)."""
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self) -> bool:
        return self.seats_left == 0

    def save(self, *args, **kwargs):
        from innovations.models import territory_ancestors

        self.region_id = territory_ancestors(self.commune)[0] if self.commune_id else None
        super().save(*args, **kwargs)


class Registration(models.Model):
    audit_actions = RegistrationAction

    event = models.ForeignKey(Event, verbose_name=_("rencontre"), on_delete=models.CASCADE,
                              related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("participant"), on_delete=models.CASCADE,
                             related_name="event_registrations")
    status = models.CharField(_("statut"), max_length=16, choices=RegistrationStatus.choices,
                              default=RegistrationStatus.INSCRIT)
    # Order in the waiting list (the smallest is offered the next free seat).
    position = models.PositiveIntegerField(_("rang en liste d’attente"), null=True, blank=True)
    offer_deadline = models.DateTimeField(_("place à accepter avant le"), null=True, blank=True)
    intends_to_replicate = models.ForeignKey("innovations.Innovation", verbose_name=_("innovation à essaimer"),
                                             null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    public_listing = models.BooleanField(_("nom visible dans la liste publique des participants"), default=False)
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RegistrationStatus.values), name="registration_status_valid"),
            models.UniqueConstraint(fields=["event", "user"], condition=Q(status__in=sorted(ACTIVE_STATES)),
                                    name="registration_one_active_per_user"),
            models.UniqueConstraint(fields=["event", "position"], condition=Q(status=RegistrationStatus.ATTENTE),
                                    name="registration_unique_waiting_position"),
        ]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]

    def __str__(self):
        return f"{self.user} – {self.event}"

    @property
    def state(self) -> RegistrationStatus:
        return RegistrationStatus(self.status)
