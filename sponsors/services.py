"""Every write that matters on sponsors: profiles, requests, sponsorships and their check-ins.
One transition service per stateful model (profile, request, sponsorship): it locks the row,
checks the permission (rules.py) and the table (enums.py), writes the audit entry and notifies."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaimage import versioned_cache
from essaimage.enums import Role
from essaimage.models import User
from essaimage.permissions import require_perm
from essaimage.services import audit_record, user_set_roles
from innovations.models import Innovation
from notifications import services as notifications
from sponsors import notices
from sponsors.enums import (
    PROFILE_TRANSITIONS, REQUEST_TRANSITIONS, SPONSORSHIP_TRANSITIONS, Outcome, ProfileAction, ProfileStatus,
    RequestAction, SponsorshipAction, SponsorshipStatus,
)
from sponsors.models import MAX_CAPACITY, CheckIn, SponsorProfile, Sponsorship, SponsorshipRequest
from sponsors.selectors import PROFILES_GENERATION
from sponsors.rules import PROFILE_ACTION_PERMISSIONS, REQUEST_ACTION_PERMISSIONS, SPONSORSHIP_ACTION_PERMISSIONS

SILENCE_DAYS = 60  # a sponsor with no check-in for this long on an active sponsorship is reminded
PROFILE_FIELDS = ("capacity", "available_from", "available_until", "presentation", "contact_ways")

notifications_muted = notifications.muted


def _notify(kind: str, recipients, obj, *, subject: str, headline: str, message: str = "",
            message_label: str = "", exclude=()):
    url = obj.get_absolute_url()
    notifications.notify(recipients, kind, obj, url=url, text=headline[:500], exclude=exclude,
                         context={"subject": subject, "headline": headline, "message": message.strip(),
                                  "message_label": message_label or _("Son message :"), "url": url})


def _stale(label) -> ValidationError:
    return ValidationError(_("Cette action n’est plus possible : le statut est « %(status)s ».") % {"status": label},
                           code="stale")


def team_users(innovation: Innovation):
    return User.objects.filter(innovation_memberships__innovation=innovation)


def active_count(profile: SponsorProfile) -> int:
    return Sponsorship.objects.filter(sponsor=profile, status=SponsorshipStatus.EN_COURS).count()


# --- Profiles ----------------------------------------------------------------------------

@transaction.atomic
def profile_save(*, by: User, profile: SponsorProfile | None = None, themes, territories, **fields) -> SponsorProfile:
    """Create the agent's profile (a draft) or update it; only PROFILE_FIELDS, themes and territories."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"profile_save: unexpected fields {sorted(unknown)}")
    if profile is None:
        require_perm(by, "sponsors.volunteer")
        profile = SponsorProfile(user=by)
    else:
        profile = SponsorProfile.objects.select_for_update().get(pk=profile.pk)
        require_perm(by, "sponsors.change_sponsorprofile", profile)
    for name, value in fields.items():
        setattr(profile, name, value)
    if not 1 <= (profile.capacity or 0) <= MAX_CAPACITY:
        raise ValidationError({"capacity": _("Entre 1 et %(max)s innovations à la fois.") % {"max": MAX_CAPACITY}})
    if (profile.available_from and profile.available_until
            and profile.available_until < profile.available_from):
        raise ValidationError({"available_until": _("La fin de disponibilité doit suivre son début.")})
    if not themes:
        raise ValidationError({"themes": _("Choisissez au moins un thème d’expertise.")})
    if not territories:
        raise ValidationError({"territories": _("Choisissez au moins un territoire couvert.")})
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError:
        raise ValidationError(_("Vous avez déjà un profil de parrain ou marraine."), code="exists") from None
    profile.themes.set(themes)
    profile.territories.set(territories)
    by._sponsor_profile = profile  # selectors.profile_of, read by the rules
    return profile


@transaction.atomic
def profile_transition(*, profile: SponsorProfile, action: ProfileAction | str, by: User,
                       message: str = "") -> SponsorProfile:
    """The one way a profile changes status. Approval gives the role « parrain »; a suspension
    takes it away."""
    action = ProfileAction(action)
    sources, target = PROFILE_TRANSITIONS[action]
    locked = SponsorProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    require_perm(by, PROFILE_ACTION_PERMISSIONS[action], locked)
    if locked.status not in sources:
        raise _stale(locked.get_status_display())
    if action in (ProfileAction.REFUSE, ProfileAction.SUSPEND) and not message.strip():
        raise ValidationError(_("Expliquez votre décision à l’agent."), code="message_required")
    previous, now = locked.status, timezone.now()
    locked.status = target
    if action == ProfileAction.SUBMIT:
        locked.submitted_at = now
    if target == ProfileStatus.APPROUVE:
        locked.approved_at = now
    if action != ProfileAction.SUBMIT:
        locked.moderation_message = message.strip()
    locked.save(update_fields=["status", "submitted_at", "approved_at", "moderation_message", "updated_at"])
    audit_record(obj=locked, action=action.value, actor=by, from_state=previous, to_state=target,
                 message=message.strip())
    versioned_cache.bump_generation(PROFILES_GENERATION)  # the home page's figure
    if target == ProfileStatus.APPROUVE:
        user_set_roles(user=locked.user, roles=[Role.PARRAIN])
    elif action == ProfileAction.SUSPEND:
        locked.user.groups.remove(*Group.objects.filter(name=Role.PARRAIN))
        locked.user.__dict__.pop("_role_names", None)
    name = str(locked)
    if action == ProfileAction.SUBMIT:
        _notify(notices.PROFILE_SUBMITTED, User.objects.filter(groups__name=Role.MODERATEUR), locked, exclude=[by],
                subject=_("Profil de parrain à valider : %(name)s") % {"name": name},
                headline=_("%(name)s propose de devenir parrain ou marraine. Relisez son profil, puis "
                           "approuvez-le ou refusez-le.") % {"name": name})
    else:
        headlines = {
            ProfileAction.APPROVE: _("Votre profil de parrain ou marraine est approuvé : il figure dans l’annuaire "
                                     "et les équipes peuvent vous solliciter."),
            ProfileAction.REFUSE: _("Votre profil de parrain ou marraine n’a pas été approuvé. Vous pouvez le "
                                    "compléter et le soumettre de nouveau."),
            ProfileAction.SUSPEND: _("Votre profil de parrain ou marraine est suspendu : il n’apparaît plus dans "
                                     "l’annuaire."),
        }
        _notify(notices.PROFILE_MODERATED, [locked.user], locked,
                subject=_("Votre profil de parrain ou marraine : %(status)s") % {
                    "status": locked.get_status_display().lower()},
                headline=headlines[action], message=message, message_label=_("Message de la modération :"))
    return locked


# --- Requests ----------------------------------------------------------------------------

@transaction.atomic
def request_create(*, innovation: Innovation, sponsor: SponsorProfile, by: User, message: str,
                   objectives: str = "") -> SponsorshipRequest:
    require_perm(by, "sponsors.request_sponsor", innovation)
    sponsor = SponsorProfile.objects.select_related("user").get(pk=sponsor.pk)
    if not sponsor.state.is_public or not sponsor.user.is_active:
        raise ValidationError(_("Ce parrain ou cette marraine ne reçoit pas de demande."), code="not_public")
    if sponsor.user_id in set(innovation.members.values_list("user_id", flat=True)):
        raise ValidationError(_("Un membre de l’équipe ne peut pas parrainer sa propre innovation."), code="own")
    if not message.strip():
        raise ValidationError({"message": _("Présentez votre demande en quelques lignes.")})
    if Sponsorship.objects.filter(innovation=innovation, sponsor=sponsor, status=SponsorshipStatus.EN_COURS).exists():
        raise ValidationError(_("Cette personne parraine déjà votre innovation."), code="already")
    try:
        with transaction.atomic():
            created = SponsorshipRequest.objects.create(innovation=innovation, sponsor=sponsor, requested_by=by,
                                                        message=message.strip(), objectives=objectives.strip())
    except IntegrityError:
        raise ValidationError(_("Une demande à cette personne attend déjà sa réponse."), code="duplicate") from None
    audit_record(obj=created, action="create", actor=by, to_state=created.status, message=message.strip())
    _notify(notices.REQUEST_RECEIVED, [sponsor.user], created,
            subject=_("Demande de parrainage pour « %(title)s »") % {"title": innovation.title},
            headline=_("L’équipe de « %(title)s » vous demande de parrainer son innovation. Lisez sa demande, "
                       "puis acceptez-la ou déclinez-la.") % {"title": innovation.title},
            message=message)
    return created


@transaction.atomic
def request_transition(*, request: SponsorshipRequest, action: RequestAction | str, by: User, message: str = "",
                       objectives: str = "") -> SponsorshipRequest:
    """The one way a request changes status. Accepting starts the sponsorship; the sponsor's
    profile row is locked first, so two acceptances at the same instant are counted one after
    the other and the capacity is never exceeded."""
    action = RequestAction(action)
    sources, target = REQUEST_TRANSITIONS[action]
    if action == RequestAction.ACCEPT:
        # Lock order: the profile, then the request (every acceptance takes them in this order).
        profile = SponsorProfile.objects.select_for_update().get(pk=request.sponsor_id)
    locked = (SponsorshipRequest.objects.select_for_update(of=("self",))
              .select_related("innovation", "sponsor__user").get(pk=request.pk))
    require_perm(by, REQUEST_ACTION_PERMISSIONS[action], locked)
    if locked.status not in sources:
        raise _stale(locked.get_status_display())
    message = message.strip()
    if action == RequestAction.DECLINE and not message:
        raise ValidationError({"message": _("Expliquez à l’équipe pourquoi vous déclinez.")})
    sponsorship = None
    if action == RequestAction.ACCEPT:
        if not objectives.strip():
            raise ValidationError({"objectives": _("Écrivez les objectifs convenus avec l’équipe.")})
        if not profile.state.is_public:
            raise ValidationError(_("Votre profil n’est pas approuvé : vous ne pouvez pas accepter de demande."),
                                  code="not_public")
        if active_count(profile) >= profile.capacity:
            raise ValidationError(
                _("Vous accompagnez déjà %(count)s innovations, votre capacité : terminez un parrainage ou "
                  "augmentez votre capacité avant d’accepter.") % {"count": profile.capacity}, code="full")
        try:
            with transaction.atomic():
                sponsorship = Sponsorship.objects.create(request=locked, innovation=locked.innovation,
                                                         sponsor=profile, objectives=objectives.strip())
        except IntegrityError:
            raise ValidationError(_("Vous parrainez déjà cette innovation."), code="already") from None
        audit_record(obj=sponsorship, action="create", actor=by, to_state=sponsorship.status,
                     message=objectives.strip())
    previous = locked.status
    locked.status = target
    locked.answer = message
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "answer", "decided_at"])
    audit_record(obj=locked, action=action.value, actor=by, from_state=previous, to_state=target, message=message)
    title, sponsor_name = locked.innovation.title, str(locked.sponsor)
    if action == RequestAction.WITHDRAW:
        _notify(notices.REQUEST_RECEIVED, [locked.sponsor.user], locked,
                subject=_("Demande de parrainage retirée : « %(title)s »") % {"title": title},
                headline=_("L’équipe de « %(title)s » a retiré sa demande de parrainage.") % {"title": title},
                message=message)
    else:
        accepted = action == RequestAction.ACCEPT
        _notify(notices.REQUEST_ANSWERED, team_users(locked.innovation), sponsorship if accepted else locked,
                subject=(_("%(name)s parraine « %(title)s »") if accepted
                         else _("%(name)s décline votre demande pour « %(title)s »"))
                % {"name": sponsor_name, "title": title},
                headline=(_("%(name)s accepte de parrainer « %(title)s ». Le parrainage commence : retrouvez les "
                            "objectifs convenus et ajoutez vos points d’étape.") if accepted
                          else _("%(name)s ne peut pas parrainer « %(title)s ». D’autres parrains et marraines "
                                 "vous sont suggérés sur la page de l’innovation."))
                % {"name": sponsor_name, "title": title},
                message=message)
    locked.created_sponsorship = sponsorship
    return locked


# --- Sponsorships ------------------------------------------------------------------------

def _other_party(sponsorship: Sponsorship, by: User):
    """Whoever should hear about what `by` did: the sponsor if a team member acted, else the team."""
    if by.pk == sponsorship.sponsor.user_id:
        return team_users(sponsorship.innovation)
    return [sponsorship.sponsor.user]


@transaction.atomic
def checkin_add(*, sponsorship: Sponsorship, by: User, date, notes: str, next_step: str = "") -> CheckIn:
    locked = (Sponsorship.objects.select_for_update(of=("self",)).select_related("innovation", "sponsor__user")
              .get(pk=sponsorship.pk))
    require_perm(by, "sponsors.add_checkin", locked)
    if not notes.strip():
        raise ValidationError({"notes": _("Notez ce qui a été fait ou décidé.")})
    if date > timezone.localdate():
        raise ValidationError({"date": _("Un point d’étape ne peut pas être daté dans le futur.")})
    checkin = CheckIn.objects.create(sponsorship=locked, date=date, notes=notes.strip(), next_step=next_step.strip(),
                                     author=by)
    if by.pk == locked.sponsor.user_id:
        locked.last_activity_at = timezone.now()
        locked.reminded_at = None
        locked.save(update_fields=["last_activity_at", "reminded_at"])
    title = locked.innovation.title
    # The notes are private to the page: the notice says only that a point was added.
    _notify(notices.CHECKIN_ADDED, _other_party(locked, by), locked, exclude=[by],
            subject=_("Nouveau point d’étape : « %(title)s »") % {"title": title},
            headline=_("%(name)s a ajouté un point d’étape au parrainage de « %(title)s ».")
            % {"name": by.full_name or by.email, "title": title})
    return checkin


@transaction.atomic
def sponsorship_transition(*, sponsorship: Sponsorship, action: SponsorshipAction | str, by: User,
                           outcome: Outcome | str = "", notes: str = "") -> Sponsorship:
    """The one way a sponsorship changes status: its end, with an outcome."""
    action = SponsorshipAction(action)
    sources, target = SPONSORSHIP_TRANSITIONS[action]
    locked = (Sponsorship.objects.select_for_update(of=("self",)).select_related("innovation", "sponsor__user")
              .get(pk=sponsorship.pk))
    require_perm(by, SPONSORSHIP_ACTION_PERMISSIONS[action], locked)
    if locked.status not in sources:
        raise _stale(locked.get_status_display())
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choisissez l’issue du parrainage.")})
    previous = locked.status
    locked.status, locked.outcome, locked.outcome_notes = target, outcome, notes.strip()
    locked.ended_at = timezone.now()
    locked.save(update_fields=["status", "outcome", "outcome_notes", "ended_at"])
    audit_record(obj=locked, action=action.value, actor=by, from_state=previous, to_state=target,
                 message=f"{Outcome(outcome).label}. {notes.strip()}".strip())
    title = locked.innovation.title
    _notify(notices.SPONSORSHIP_ENDED, _other_party(locked, by), locked, exclude=[by],
            subject=_("Fin du parrainage de « %(title)s »") % {"title": title},
            headline=_("Le parrainage de « %(title)s » est terminé : %(outcome)s.")
            % {"title": title, "outcome": Outcome(outcome).label.lower()},
            message=notes, message_label=_("Bilan :"))
    return locked


def remind_silent_sponsors(*, now=None) -> int:
    """Remind each sponsor silent for SILENCE_DAYS on an active sponsorship (no check-in of theirs
    since the start or their last one), at most once per SILENCE_DAYS. Run daily by the task
    sponsors.tasks.remind_silent_sponsors; returns how many were reminded."""
    now = now or timezone.now()
    limit = now - timedelta(days=SILENCE_DAYS)
    reminded = 0
    with transaction.atomic():
        due = (Sponsorship.objects.select_for_update(of=("self",), skip_locked=True)
               .select_related("innovation", "sponsor__user")
               .filter(status=SponsorshipStatus.EN_COURS, last_activity_at__lte=limit)
               .exclude(reminded_at__gt=limit).order_by("pk"))
        for sponsorship in due:
            title = sponsorship.innovation.title
            _notify(notices.SPONSOR_REMINDER, [sponsorship.sponsor.user], sponsorship,
                    subject=_("Où en est le parrainage de « %(title)s » ?") % {"title": title},
                    headline=_("Aucun point d’étape n’a été noté depuis %(days)s jours sur le parrainage de "
                               "« %(title)s ». Un court point avec l’équipe, puis quelques lignes sur la page du "
                               "parrainage, suffisent.") % {"days": SILENCE_DAYS, "title": title})
            sponsorship.reminded_at = now
            sponsorship.save(update_fields=["reminded_at"])
            reminded += 1
    return reminded
