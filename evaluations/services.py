"""Every write that matters on prize campaigns (part 1): campaigns and their settings, the phase,
entries and their answers, the eligibility ruling, public votes, awards.

Two transition services, one per stateful model of this part: `campaign_transition` (the phase,
`PHASE_TRANSITIONS`) and `entry_transition` (`ENTRY_TRANSITIONS`); each locks the row, checks the
table and the permission, writes the audit entry and notifies. The phase follows the dates:
`campaign_phase_advance` (the daily task `evaluations.tasks.advance_campaign_phases` and every read
of a campaign page) takes each transition the calendar has reached, as the system. Part 2's
score-sheet transition service lives in `evaluations/scoring_services.py`."""

import importlib
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from essaimage.models import User
from essaimage.permissions import require_perm
from essaimage.services import audit_record
from evaluations import notices
from evaluations.enums import (
    ACTION_INTO_PHASE, ENTRY_TRANSITIONS, PHASE_ORDER, PHASE_TRANSITIONS, AwardKind, CampaignPhase, EntryAction,
    EntryStatus, JournalAction, PhaseAction,
)
from evaluations.models import (
    PHASE_DATE_FIELDS, Answer, Award, Campaign, Category, Criterion, Entry, Question, Vote,
)
from evaluations.rules import ENTRY_ACTION_PERMISSIONS, PHASE_ACTION_PERMISSIONS
from innovations.catalogue_version import bump_version
from innovations.enums import Stage
from innovations.models import Innovation
from notifications import services as notifications
from reviewing.criteria import SCALING_CRITERIA, validate_weights

notifications_muted = notifications.muted  # the demo-data loader: no notice, no e-mail

# What campaign_save may write (never the phase, the slug or the publication date).
TEXT_FIELDS = ("title", "summary", "description")
SETTINGS_FIELDS = ("organisation", "eligible_kinds", "minimum_stage", "peers_per_entry", "jurors_per_entry",
                   "anonymised", "aggregation", "normalise", "peer_weight", "public_prize")
DATE_FIELDS = (*PHASE_DATE_FIELDS.values(), "public_vote_start", "public_vote_end")
EDITABLE_FIELDS = (*TEXT_FIELDS, *SETTINGS_FIELDS, *DATE_FIELDS)
RESERVED_SLUGS = {"nouvelle", "mes-candidatures", "organisation"}


def _stale(message: str) -> ValidationError:
    return ValidationError(message, code="stale")


def _paris(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j F Y à H:i")


def _unique_slug(title: str) -> str:
    base = slugify(title)[:80].strip("-") or "campagne"
    taken = set(Campaign.objects.filter(slug__startswith=base).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def organiser_users(campaign: Campaign):
    return User.objects.filter(organised_campaigns=campaign)


def entrant_users(campaign: Campaign):
    """The members of every entering team (entries handed in, not withdrawn)."""
    return User.objects.filter(
        innovation_memberships__innovation__campaign_entries__campaign=campaign,
        innovation_memberships__innovation__campaign_entries__status__in=[
            EntryStatus.SUBMITTED, EntryStatus.ELIGIBLE, EntryStatus.INELIGIBLE],
    ).distinct()


def team_users(entry: Entry):
    return User.objects.filter(innovation_memberships__innovation_id=entry.innovation_id)


# --- Campaigns -----------------------------------------------------------------------------

def _check_dates(values: dict) -> None:
    """The phases follow each other; the public vote lies within the evaluation. Errors by field."""
    errors = {}
    previous_field = None
    for phase, field in PHASE_DATE_FIELDS.items():
        value = values.get(field)
        if value is None:
            errors[field] = _("Indiquez la date et l’heure.")
            continue
        if previous_field and values.get(previous_field):
            before = values[previous_field]
            too_early = value < before if phase == CampaignPhase.JURY else value <= before
            if too_early:
                errors[field] = _("Cette date doit suivre la précédente phase.")
        previous_field = field
    if values.get("public_prize"):
        start, end = values.get("public_vote_start"), values.get("public_vote_end")
        if start is None:
            errors["public_vote_start"] = _("Indiquez quand le vote du public s’ouvre.")
        if end is None:
            errors["public_vote_end"] = _("Indiquez quand le vote du public se clôt.")
        if start and end and not errors.get("peer_review_start") and not errors.get("deliberation_start"):
            if start < values["peer_review_start"]:
                errors["public_vote_start"] = _("Le vote du public s’ouvre après la clôture des candidatures.")
            elif end <= start:
                errors["public_vote_end"] = _("La clôture du vote doit suivre son ouverture.")
            elif end > values["deliberation_start"]:
                errors["public_vote_end"] = _("Le vote du public se clôt avant la délibération.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def campaign_create(*, by: User, title: str, territories=(), **fields) -> Campaign:
    """A new campaign in draft, `by` its organiser, with the default scaling criteria of proposal 9."""
    require_perm(by, "evaluations.add_campaign")
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"campaign_create: unknown fields {sorted(unknown)}")
    _check_dates(fields)
    campaign = Campaign(title=" ".join(title.split()), slug=_unique_slug(title), created_by=by, **fields)
    campaign.full_clean(exclude=["slug", "organisers", "jurors"])
    campaign.save()
    campaign.organisers.add(by)
    if territories:
        campaign.eligible_territories.set(territories)
    Criterion.objects.bulk_create([Criterion(campaign=campaign, **criterion.as_fields(order))
                                   for order, criterion in enumerate(SCALING_CRITERIA)])
    audit_record(obj=campaign, action="create", actor=by, to_state=campaign.phase)
    return campaign


@transaction.atomic
def campaign_save(*, campaign: Campaign, by: User, territories=None, **fields) -> Campaign:
    """Writes the given fields: the texts always (organisers), the settings and dates while the
    campaign is a draft or announced. Once the candidatures are open the dates move only by
    `campaign_phase_extend`."""
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"campaign_save: unknown fields {sorted(unknown)}")
    if set(fields) - set(TEXT_FIELDS) or territories is not None:
        require_perm(by, "evaluations.change_campaign", locked)
    else:
        require_perm(by, "evaluations.change_campaign_texts", locked)
    for name, value in fields.items():
        setattr(locked, name, value)
    if "title" in fields:
        locked.title = " ".join(locked.title.split())
    _check_dates({name: getattr(locked, name) for name in (*DATE_FIELDS, "public_prize")})
    locked.full_clean(exclude=["slug", "organisers", "jurors"])
    locked.save(update_fields=[*fields, "updated_at"])
    if territories is not None:
        locked.eligible_territories.set(territories)
        locked.__dict__.pop("_eligible_territory_ids", None)
    return locked


@transaction.atomic
def campaign_organisers_set(*, campaign: Campaign, by: User, emails: list[str]) -> list[User]:
    """The campaign's co-organisers: `by` (who stays) and the accounts of these addresses, each an
    organiser (role). Unknown addresses or accounts without the role are refused, all named."""
    from essaimage.addresses import normalize_email_address
    from essaimage.enums import Role

    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    require_perm(by, "evaluations.manage_campaign", locked)
    wanted = {normalize_email_address(email) for email in emails if email.strip()}
    found = {user.email: user for user in User.objects.filter(email__in=wanted, is_active=True)}
    problems = [email for email in sorted(wanted) if email not in found or not found[email].has_role(Role.ORGANISATEUR)]
    if problems:
        raise ValidationError({"co_organisers": _("Ces adresses ne sont pas celles d’organisateurs inscrits : "
                                                  "%(emails)s.") % {"emails": ", ".join(problems)}})
    organisers = [by, *(user for user in found.values() if user.pk != by.pk)]
    before = sorted(organiser_ids_of(locked))
    locked.organisers.set(organisers)
    after = sorted(user.pk for user in organisers)
    if before != after:
        audit_record(obj=locked, action=JournalAction.ORGANISERS, actor=by,
                     message=", ".join(user.full_name for user in organisers))
    return organisers


def organiser_ids_of(campaign: Campaign) -> set[int]:
    return set(campaign.organisers.values_list("pk", flat=True))


def _phase_entered(campaign: Campaign, phase: CampaignPhase, by: User | None) -> None:
    """Part 2's reaction to a new phase (peer assignments when the peer phase opens, jury ones
    when the jury's does), in the same transaction: `evaluations.scoring_services.phase_entered(
    campaign=, phase=, by=)` when that module defines it."""
    try:
        module = importlib.import_module("evaluations.scoring_services")
    except ModuleNotFoundError as error:
        if error.name != "evaluations.scoring_services":
            raise
        return
    handler = getattr(module, "phase_entered", None)
    if handler is not None:
        handler(campaign=campaign, phase=phase, by=by)


def results_ready(campaign: Campaign) -> bool:
    """Every category has at least one prize recorded (the results may be published automatically)."""
    return not campaign.categories.exclude(awards__kind=AwardKind.JURY).exists()


def _check_publishable(campaign: Campaign) -> None:
    problems = []
    if not campaign.categories.exists():
        problems.append(_("au moins une catégorie"))
    try:
        validate_weights(campaign.criteria.all())
    except ValidationError as error:
        problems.extend(error.messages)
    if campaign.peer_review_start <= timezone.now():
        problems.append(_("une clôture des candidatures à venir"))
    if problems:
        raise ValidationError(_("Pour publier la campagne, il faut : %(parts)s.") % {"parts": " ; ".join(problems)},
                              code="incomplete")


@transaction.atomic
def campaign_transition(*, campaign: Campaign, action: PhaseAction | str, by: User | None,
                        message: str = "", now: datetime | None = None) -> Campaign:
    """The one way a campaign changes phase. `by=None`: the system, following the dates
    (`campaign_phase_advance`, which passes the moment it reads the calendar at); a person needs
    `ACTION_PERMISSIONS[action]`."""
    action = PhaseAction(action)
    sources, target = PHASE_TRANSITIONS[action]
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if by is not None:
        require_perm(by, PHASE_ACTION_PERMISSIONS[action], locked)
    if locked.phase not in sources:
        raise _stale(_("Cette action n’est plus possible : la campagne est en phase « %(phase)s ».")
                     % {"phase": locked.get_phase_display()})
    now = now or timezone.now()
    if action == PhaseAction.PUBLISH:
        _check_publishable(locked)
    if action == PhaseAction.PUBLISH_RESULTS:
        if now < locked.results_start:
            raise ValidationError(_("Les résultats seront publiés le %(date)s, à la date annoncée.")
                                  % {"date": _paris(locked.results_start)}, code="too_early")
        if not locked.categories.filter(awards__isnull=False).exists():
            raise ValidationError(_("Enregistrez au moins un lauréat avant de publier les résultats."),
                                  code="no_award")
        locked.results_published_at = now
    previous = locked.phase
    locked.phase = target
    locked.save(update_fields=["phase", "results_published_at", "updated_at"])
    audit_record(obj=locked, action=action.value, actor=by, from_state=previous, to_state=target, message=message)
    if action == PhaseAction.PUBLISH_RESULTS:
        _public_prizes_record(locked)
        bump_version()  # the catalogue's « Primée » filter and badges (its facet index) change
    _phase_entered(locked, CampaignPhase(target), by)
    _notify_phase(locked, CampaignPhase(target), by)
    return locked


def _notify_phase(campaign: Campaign, phase: CampaignPhase, by: User | None) -> None:
    url = campaign.get_absolute_url()
    context = {"title": campaign.title, "url": url, "phase": str(phase.label), "phase_code": phase.value}
    exclude = [by] if by is not None else []
    if phase == CampaignPhase.RESULTS:
        url = campaign_results_url(campaign)
        context["url"] = url
        recipients = set(entrant_users(campaign)) | set(notifications.followers(campaign))
        notifications.notify(recipients, notices.RESULTS_PUBLISHED, campaign, url=url, context=context,
                             exclude=exclude)
    elif phase != CampaignPhase.ANNOUNCED:
        recipients = set(entrant_users(campaign)) | set(notifications.followers(campaign))
        notifications.notify(recipients, notices.PHASE_CHANGED, campaign, url=url, context=context, exclude=exclude)


def campaign_results_url(campaign: Campaign) -> str:
    from django.urls import reverse

    return reverse("evaluations:results", kwargs={"slug": campaign.slug})


def phase_is_behind(campaign: Campaign, now: datetime | None = None) -> bool:
    """Cheap test (no query): the calendar has reached a later phase than the stored one."""
    phase = CampaignPhase(campaign.phase)
    if phase in (CampaignPhase.DRAFT, CampaignPhase.RESULTS):
        return False
    due = campaign.phase_due_at(now)
    return due is not None and due.order > phase.order


def campaign_phase_advance(campaign: Campaign, now: datetime | None = None) -> Campaign:
    """Takes, as the system, each transition the dates have reached (never back). The results
    are published automatically on their date once every category has its prize; otherwise the
    campaign waits in deliberation and its organisers publish by hand."""
    if not phase_is_behind(campaign, now):
        return campaign
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        due = locked.phase_due_at(now)
        while due is not None and CampaignPhase(locked.phase).order < due.order \
                and CampaignPhase(locked.phase) not in (CampaignPhase.DRAFT, CampaignPhase.RESULTS):
            following = PHASE_ORDER[CampaignPhase(locked.phase).order + 1]
            if following == CampaignPhase.RESULTS and not results_ready(locked):
                break
            locked = campaign_transition(campaign=locked, action=ACTION_INTO_PHASE[following], by=None,
                                         message=_("Changement de phase à la date prévue."), now=now)
    return locked


def campaigns_advance_all(now: datetime | None = None) -> int:
    """Every published campaign whose phase the calendar has overtaken (the daily task)."""
    moved = 0
    live = Campaign.objects.exclude(phase__in=[CampaignPhase.DRAFT, CampaignPhase.RESULTS])
    for campaign in live.iterator():
        before = campaign.phase
        if campaign_phase_advance(campaign, now).phase != before:
            moved += 1
    return moved


@transaction.atomic
def campaign_phase_extend(*, campaign: Campaign, by: User, until: datetime, reason: str) -> Campaign:
    """Extends the current phase to `until`: the next phase starts then, and every later date
    moves by the same delay (each phase keeps its length). Never shortens; audited with the reason."""
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    require_perm(by, "evaluations.extend_phase", locked)
    phase = CampaignPhase(locked.phase)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": _("Expliquez pourquoi la phase est prolongée : le motif est conservé.")})
    end = locked.phase_end(phase)
    if until <= end:
        raise ValidationError({"until": _("La nouvelle fin doit être postérieure à la fin actuelle (%(date)s).")
                               % {"date": _paris(end)}})
    delay = until - end
    dated = list(PHASE_DATE_FIELDS.items())
    if phase == CampaignPhase.ANNOUNCED:
        moved = [field for _phase, field in dated]
    else:
        index = [p for p, _field in dated].index(phase)
        moved = [field for _phase, field in dated[index + 1:]]
    for field in moved:
        setattr(locked, field, getattr(locked, field) + delay)
    if locked.public_prize and locked.public_vote_start:
        for field in ("public_vote_start", "public_vote_end"):
            if getattr(locked, field) >= end:
                setattr(locked, field, getattr(locked, field) + delay)
    locked.save(update_fields=[*moved, "public_vote_start", "public_vote_end", "updated_at"])
    audit_record(obj=locked, action=JournalAction.EXTEND_PHASE, actor=by, from_state=phase, to_state=phase,
                 message=_("Phase « %(phase)s » prolongée du %(before)s au %(after)s. Motif : %(reason)s")
                 % {"phase": phase.label, "before": _paris(end), "after": _paris(until), "reason": reason})
    url = locked.get_absolute_url()
    recipients = set(entrant_users(locked)) | set(notifications.followers(locked))
    if phase == CampaignPhase.CANDIDATURES:
        recipients |= set(User.objects.filter(innovation_memberships__innovation__campaign_entries__campaign=locked,
                                              innovation_memberships__innovation__campaign_entries__status=EntryStatus.DRAFT))
    notifications.notify(recipients, notices.PHASE_EXTENDED, locked, url=url, exclude=[by], text=reason[:300],
                         context={"title": locked.title, "url": url, "phase": str(phase.label),
                                  "until": _paris(until), "reason": reason})
    return locked


# --- Categories, criteria, questions (while the campaign's settings are editable) ----------

def _settings_guard(campaign: Campaign, by: User) -> Campaign:
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    require_perm(by, "evaluations.change_campaign", locked)
    return locked


def _saved(instance, **fields):
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean(exclude=["campaign"])
    instance.save()
    return instance


def _unique_violation(error: IntegrityError, message: str) -> ValidationError:
    return ValidationError(message, code="duplicate")


@transaction.atomic
def category_save(*, campaign: Campaign, by: User, category: Category | None = None, **fields) -> Category:
    locked = _settings_guard(campaign, by)
    category = category or Category(campaign=locked, order=locked.categories.count())
    if category.campaign_id != locked.pk:
        raise ValidationError(_("Cette catégorie appartient à une autre campagne."))
    try:
        with transaction.atomic():
            return _saved(category, **fields)
    except IntegrityError as error:
        raise _unique_violation(error, _("Une catégorie porte déjà ce nom.")) from None


@transaction.atomic
def category_delete(*, category: Category, by: User) -> None:
    _settings_guard(category.campaign, by)
    if category.entries.exists():
        raise ValidationError(_("Des candidatures sont inscrites dans cette catégorie : elle ne peut être supprimée."))
    category.delete()


@transaction.atomic
def criterion_save(*, campaign: Campaign, by: User, criterion: Criterion | None = None, **fields) -> Criterion:
    """Adds a criterion or changes one; a default scaling criterion keeps its label and code (reweighted only)."""
    locked = _settings_guard(campaign, by)
    criterion = criterion or Criterion(campaign=locked, order=locked.criteria.count())
    if criterion.campaign_id != locked.pk:
        raise ValidationError(_("Ce critère appartient à une autre campagne."))
    if criterion.is_scaling:
        fields = {name: value for name, value in fields.items() if name in ("weight", "scale_max", "order")}
    fields.pop("is_scaling", None)
    fields.pop("code", None)
    try:
        with transaction.atomic():
            return _saved(criterion, **fields)
    except IntegrityError as error:
        raise _unique_violation(error, _("Un critère porte déjà cet intitulé.")) from None


@transaction.atomic
def criterion_delete(*, criterion: Criterion, by: User) -> None:
    _settings_guard(criterion.campaign, by)
    if not criterion.is_removable:
        raise ValidationError(_("Les critères d’essaimage proposés par défaut ne peuvent être supprimés : "
                                "changez leur poids."), code="scaling")
    criterion.delete()


@transaction.atomic
def question_save(*, campaign: Campaign, by: User, question: Question | None = None, **fields) -> Question:
    locked = _settings_guard(campaign, by)
    question = question or Question(campaign=locked, order=locked.questions.count())
    if question.campaign_id != locked.pk:
        raise ValidationError(_("Cette question appartient à une autre campagne."))
    return _saved(question, **fields)


@transaction.atomic
def question_delete(*, question: Question, by: User) -> None:
    _settings_guard(question.campaign, by)
    question.delete()


# --- Entries -------------------------------------------------------------------------------

def eligibility_problems(campaign: Campaign, innovation: Innovation) -> list[str]:
    """Why this innovation may not enter this campaign (empty: it may). Reads the campaign's
    eligibility: kinds of organisation, territories (the innovation's commune, département or
    région among them), minimum stage."""
    problems = []
    if not innovation.is_published:
        problems.append(_("l’innovation doit être publiée dans le catalogue"))
    if campaign.eligible_kinds:
        kind = innovation.organisation.kind if innovation.organisation else None
        if kind not in campaign.eligible_kinds:
            problems.append(_("la campagne est réservée à certains types de structure"))
    territory_ids = {pk for pk in (innovation.territory_id, innovation.departement_id, innovation.region_id) if pk}
    allowed = getattr(campaign, "_eligible_territory_ids", None)
    if allowed is None:  # one query per campaign, remembered for the next innovations
        allowed = campaign._eligible_territory_ids = set(campaign.eligible_territories.values_list("pk", flat=True))
    if allowed and not territory_ids & allowed:
        problems.append(_("la campagne est réservée à certains territoires"))
    if campaign.minimum_stage:
        order = list(Stage.values)
        if order.index(innovation.stage) < order.index(campaign.minimum_stage):
            problems.append(_("l’innovation doit avoir atteint le stade « %(stage)s »")
                            % {"stage": Stage(campaign.minimum_stage).label})
    return problems


@transaction.atomic
def entry_create(*, campaign: Campaign, innovation: Innovation, category: Category, by: User) -> Entry:
    """A draft entry of `innovation` (of `by`'s team) in `category`; answers come later (drafts)."""
    require_perm(by, "evaluations.enter_campaign", campaign)
    require_perm(by, "innovations.team_innovation", innovation)
    if category.campaign_id != campaign.pk:
        raise ValidationError({"category": _("Choisissez une catégorie de cette campagne.")})
    problems = eligibility_problems(campaign, innovation)
    if problems:
        raise ValidationError({"innovation": _("Cette innovation ne peut concourir : %(problems)s.")
                               % {"problems": " ; ".join(problems)}})
    entry = Entry(campaign=campaign, category=category, innovation=innovation,
                  organisation_id=innovation.organisation_id, created_by=by)
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        raise ValidationError({"innovation": _("Cette innovation concourt déjà à cette campagne : "
                                               "ouvrez sa candidature depuis « Mes candidatures ».")}) from None
    audit_record(obj=entry, action="create", actor=by, to_state=entry.status)
    return entry


@transaction.atomic
def entry_save(*, entry: Entry, by: User, answers: dict[int, str], category: Category | None = None) -> Entry:
    """Saves the draft: the category and the answers given (by question id). Empty answers are kept
    (a draft may be incomplete); submission checks the required ones."""
    locked = Entry.objects.select_for_update().select_related("campaign", "innovation").get(pk=entry.pk)
    require_perm(by, "evaluations.change_entry", locked)
    fields = ["updated_at"]
    if category is not None and category.pk != locked.category_id:
        if category.campaign_id != locked.campaign_id:
            raise ValidationError({"category": _("Choisissez une catégorie de cette campagne.")})
        locked.category = category
        fields.append("category")
    questions = {q.pk: q for q in locked.campaign.questions.all()}
    rows = [Answer(entry=locked, question_id=pk, text=text.strip()) for pk, text in answers.items()
            if pk in questions]
    Answer.objects.bulk_create(rows, update_conflicts=True, unique_fields=["entry", "question"],
                               update_fields=["text", "updated_at"])
    locked.save(update_fields=fields)
    return locked


def missing_answers(entry: Entry) -> list[Question]:
    answered = {a.question_id for a in entry.answers.all() if a.text.strip()}
    return [q for q in entry.campaign.questions.all() if q.required and q.pk not in answered]


@transaction.atomic
def entry_transition(*, entry: Entry, action: EntryAction | str, by: User, reason: str = "") -> Entry:
    """The one way an entry changes status: submit and withdraw (its team), accept and reject (the
    campaign's organisers, with a reason the team sees — required to reject)."""
    action = EntryAction(action)
    sources, target = ENTRY_TRANSITIONS[action]
    locked = Entry.objects.select_for_update().get(pk=entry.pk)
    require_perm(by, ENTRY_ACTION_PERMISSIONS[action], locked)
    if locked.status not in sources:
        raise _stale(_("Cette action n’est plus possible : la candidature est « %(status)s ».")
                     % {"status": locked.get_status_display()})
    reason = reason.strip()
    if action == EntryAction.REJECT and not reason:
        raise ValidationError({"reason": _("Expliquez à l’équipe pourquoi sa candidature est irrecevable.")})
    if action == EntryAction.SUBMIT:
        missing = missing_answers(locked)
        if missing:
            raise ValidationError(_("Pour déposer, répondez à : %(questions)s.")
                                  % {"questions": " ; ".join(f"« {q.label} »" for q in missing)}, code="incomplete")
    previous = locked.status
    now = timezone.now()
    locked.status = target
    if action == EntryAction.SUBMIT:
        locked.submitted_at = now
    elif action in (EntryAction.ACCEPT, EntryAction.REJECT):
        locked.ruling_reason, locked.ruled_by, locked.ruled_at = reason, by, now
    elif action == EntryAction.WITHDRAW:
        locked.withdrawn_at = now
    locked.save(update_fields=["status", "submitted_at", "ruling_reason", "ruled_by", "ruled_at", "withdrawn_at",
                               "updated_at"])
    audit_record(obj=locked, action=action.value, actor=by, from_state=previous, to_state=target, message=reason)
    if previous == EntryStatus.ELIGIBLE and target != EntryStatus.ELIGIBLE:  # part 2: its evaluations follow
        from evaluations.scoring_services import entry_left

        entry_left(entry=locked, by=by)
    from django.urls import reverse

    url = reverse("evaluations:entry", kwargs={"pk": locked.pk})
    context = {"title": locked.innovation.title, "campaign": locked.campaign.title, "url": url,
               "status": locked.get_status_display(), "action_code": action.value, "reason": reason}
    if action == EntryAction.SUBMIT:
        notifications.notify(organiser_users(locked.campaign), notices.ENTRY_SUBMITTED, locked, url=url,
                             context=context, exclude=[by])
    elif action in (EntryAction.ACCEPT, EntryAction.REJECT):
        notifications.notify(team_users(locked), notices.ENTRY_RULED, locked, url=url, context=context,
                             text=reason[:300], exclude=[by])
    return locked


# --- Public prize --------------------------------------------------------------------------

class AlreadyVoted(ValidationError):
    def __init__(self):
        super().__init__(_("Vous avez déjà voté dans cette catégorie : un vote par personne et par catégorie."),
                         code="already_voted")


@transaction.atomic
def vote_cast(*, entry: Entry, by: User) -> Vote:
    """`by` votes for `entry` in its category (once per category; not for an entry of their own
    team). Two votes at once from one person: the unique constraint keeps one."""
    campaign = entry.campaign
    require_perm(by, "evaluations.vote", campaign)
    if not EntryStatus(entry.status).is_competing:
        raise ValidationError(_("Cette candidature ne concourt pas."), code="not_competing")
    if by.has_perm("innovations.team_innovation", entry.innovation):
        raise ValidationError(_("Vous ne pouvez pas voter pour une innovation de votre équipe."), code="own_team")
    vote = Vote(campaign=campaign, category_id=entry.category_id, entry=entry, voter=by)
    try:
        with transaction.atomic():
            vote.save()
    except IntegrityError:
        raise AlreadyVoted() from None
    return vote


def _public_prizes_record(campaign: Campaign) -> None:
    """At the publication of the results: the public prize of each category goes to the entry
    (entries, ex aequo) with the most votes, as an Award of kind PUBLIC."""
    if not campaign.public_prize:
        return
    from django.db.models import Count

    counts = (Vote.objects.filter(campaign=campaign, entry__status=EntryStatus.ELIGIBLE)
              .values("category_id", "entry_id").annotate(n=Count("pk")))
    best: dict[int, tuple[int, list[int]]] = {}
    for row in counts:
        top, entries = best.get(row["category_id"], (0, []))
        if row["n"] > top:
            best[row["category_id"]] = (row["n"], [row["entry_id"]])
        elif row["n"] == top:
            entries.append(row["entry_id"])
    label = str(AwardKind.PUBLIC.label)
    Award.objects.bulk_create([
        Award(entry_id=entry_id, category_id=category_id, kind=AwardKind.PUBLIC, rank=1, prize_label=label,
              citation=_("%(votes)s votes") % {"votes": top})
        for category_id, (top, entries) in best.items() for entry_id in entries], ignore_conflicts=True)


# --- Awards --------------------------------------------------------------------------------

@transaction.atomic
def award_save(*, entry: Entry, by: User, rank: int, prize_label: str = "", citation: str = "",
               award: Award | None = None) -> Award:
    """Records (or corrects) a jury prize for an eligible entry in its category, during the deliberation."""
    campaign = Campaign.objects.select_for_update().get(pk=entry.campaign_id)
    require_perm(by, "evaluations.award_prizes", campaign)
    if not EntryStatus(entry.status).is_competing:
        raise ValidationError(_("Seule une candidature recevable peut être primée."), code="not_competing")
    category = entry.category
    if not 1 <= rank <= category.prizes_count:
        raise ValidationError({"rank": _("Cette catégorie compte %(count)s prix.") % {"count": category.prizes_count}})
    if award is None:
        award = Award.objects.filter(entry=entry, category=category, kind=AwardKind.JURY).first() or Award(
            entry=entry, category=category, kind=AwardKind.JURY)
    elif award.entry_id != entry.pk:
        raise ValidationError(_("Ce prix est celui d’une autre candidature."))
    award.rank = rank
    award.prize_label = " ".join(prize_label.split()) or category.prize_label(rank)
    award.citation = citation.strip()
    award.decided_by, award.decided_at = by, timezone.now()
    award.full_clean(exclude=["entry", "category", "decided_by"])
    award.save()
    audit_record(obj=entry, action=JournalAction.AWARD, actor=by,
                 message=f"{award.prize_label} — {award.citation}"[:500])
    return award


@transaction.atomic
def award_delete(*, award: Award, by: User) -> None:
    campaign = Campaign.objects.select_for_update().get(pk=award.category.campaign_id)
    require_perm(by, "evaluations.award_prizes", campaign)
    if award.kind != AwardKind.JURY:
        raise ValidationError(_("Le prix du public découle des votes."))
    audit_record(obj=award.entry, action=JournalAction.AWARD_DELETE, actor=by, message=award.prize_label)
    award.delete()
