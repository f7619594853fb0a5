"""Every write that matters on programmes, calls and applications (part 1 of issue 10).

- `application_transition` is the ONLY way an application changes status: row locked,
  `APPLICATION_TRANSITIONS` checked, permission from `rules.ACTION_PERMISSIONS`, audit entry,
  notices (team, instructeurs, followers of the call). Part 2's decision service calls it with
  ACCEPT / REFUSE / DISMISS (extra keyword arguments are accepted and passed to the notices).
- `application_save` writes a draft (or the parts an information request reopened): nothing
  typed is lost, a form opened on an older version is refused (`StaleEdit`).
- `application_checklist` says what is missing before a deposit; `eligibility_problems` why an
  innovation may not apply to a call."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from essaimage import uploads, versioned_cache
from essaimage.enums import OrganisationKind
from essaimage.models import User
from essaimage.permissions import require_perm
from essaimage.services import audit_record
from grants import notices
from grants.enums import (
    APPLICATION_TRANSITIONS,
    DECISION_ACTIONS,
    REFERENCE_PREFIX,
    ApplicationAction,
    ApplicationPart,
    ApplicationStatus,
)
from grants.models import (
    Annotation,
    Application,
    ApplicationDocument,
    ApplicationFunding,
    BudgetLine,
    Call,
    CallCriterion,
    InfoRequest,
    Message,
    Milestone,
    Programme,
)
from grants.rules import ACTION_PERMISSIONS, forget_instructed_programmes
from grants.selectors import CALLS_GENERATION
from grants.wording import euros, paris_datetime_full
from innovations.catalogue_version import bump_version
from innovations.enums import Stage
from innovations.enums import Status as InnovationStatus
from innovations.models import Innovation
from notifications import services as notifications
from reviewing.criteria import SCALING_CRITERIA

notifications_muted = notifications.muted  # the demo-data loader: no notice, no e-mail
ZERO = Decimal("0.00")
STAGE_ORDER = list(Stage.values)


class StaleEdit(ValidationError):
    """The form was opened on an older version of the application."""


# --- Programmes and calls ---------------------------------------------------------------------

PROGRAMME_FIELDS = ("funder", "title", "description", "total_envelope")
CALL_FIELDS = ("title", "summary", "description", "opens_at", "closes_at", "envelope", "min_amount", "max_amount",
               "eligible_kinds", "min_stage", "required_documents", "reviewers_per_application")
RESERVED_SLUGS = {"nouveau", "instruction", "mes-demandes", "appels", "demandes"}


def _unique_slug(model, title: str, fallback: str) -> str:
    base = slugify(title)[:80].strip("-") or fallback
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


@transaction.atomic
def programme_save(*, programme: Programme | None, by: User, data: dict, instructeurs=()) -> Programme:
    """Create (the author becomes one of its instructeurs) or edit a programme."""
    refused = set(data) - set(PROGRAMME_FIELDS)
    if refused:
        raise ValueError(f"programme_save cannot write {', '.join(sorted(refused))}")
    if programme is None:
        require_perm(by, "grants.add_programme")
        programme = Programme(created_by=by, slug=_unique_slug(Programme, data.get("title", ""), "programme"))
    else:
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        require_perm(by, "grants.change_programme", programme)
        committed = programme.calls.aggregate(total=Sum("envelope"))["total"] or ZERO
        if "total_envelope" in data and data["total_envelope"] < committed:
            raise ValidationError(
                _("L’enveloppe du programme ne peut être inférieure à celle de ses appels (%(total)s).")
                % {"total": euros(committed)}, code="envelope")
    for name, value in data.items():
        setattr(programme, name, value)
    programme.save()
    programme.instructeurs.add(by, *instructeurs)
    forget_instructed_programmes(by)
    audit_record(obj=programme, action="save", actor=by)
    return programme


def _check_call_envelope(programme: Programme, envelope: Decimal, exclude_pk=None) -> None:
    others = programme.calls.exclude(pk=exclude_pk).aggregate(total=Sum("envelope"))["total"] or ZERO
    if others + envelope > programme.total_envelope:
        raise ValidationError(
            _("Les enveloppes des appels dépasseraient celle du programme : il reste %(left)s à répartir.")
            % {"left": euros(programme.total_envelope - others)}, code="envelope")


def default_criteria(call: Call) -> list[CallCriterion]:
    return CallCriterion.objects.bulk_create([
        CallCriterion(call=call, **criterion.as_fields(order)) for order, criterion in enumerate(SCALING_CRITERIA)])


@transaction.atomic
def call_save(*, call: Call | None, programme: Programme, by: User, data: dict, eligible_territories=None,
              themes=None, copied_from: Call | None = None, base_version: int | None = None) -> Call:
    """Create or edit a call; a new call gets the default scaling criteria (proposal 9), or the
    criteria of the call it is copied from. The programme's envelope is never exceeded."""
    refused = set(data) - set(CALL_FIELDS)
    if refused:
        raise ValueError(f"call_save cannot write {', '.join(sorted(refused))}")
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if call is None:
        require_perm(by, "grants.add_call", programme)
        call = Call(programme=programme, created_by=by, copied_from=copied_from,
                    slug=_unique_slug(Call, data.get("title", ""), "appel"))
        creating = True
    else:
        call = Call.objects.select_for_update().get(pk=call.pk)
        require_perm(by, "grants.change_call", call)
        if base_version is not None and call.version != base_version:
            raise StaleEdit(_("L’appel a été modifié depuis que vous avez ouvert le formulaire : rien n’a été "
                              "enregistré. Rechargez la page pour voir la nouvelle version."), code="stale_edit")
        creating = False
    _check_call_envelope(programme, data.get("envelope", call.envelope), exclude_pk=call.pk)
    for name, value in data.items():
        setattr(call, name, value)
    call.version = (call.version or 0) + (0 if creating else 1)
    call.save()
    if eligible_territories is not None:
        call.eligible_territories.set(eligible_territories)
    if themes is not None:
        call.themes.set(themes)
    if creating:
        if copied_from is not None:
            CallCriterion.objects.bulk_create([
                CallCriterion(call=call, code=c.code, label=c.label, description=c.description, weight=c.weight,
                              scale_max=c.scale_max, is_scaling=c.is_scaling, order=c.order)
                for c in copied_from.criteria.all()])
        if not call.criteria.filter(is_scaling=True).exists():
            default_criteria(call)
    audit_record(obj=call, action="copy" if creating and copied_from else "save", actor=by)
    versioned_cache.bump_generation(CALLS_GENERATION)  # the home page's open calls
    return call


def call_copy_data(source: Call) -> dict:
    """The initial data of a call copied from `source` (dates to choose again)."""
    return {
        "title": source.title, "summary": source.summary, "description": source.description,
        "envelope": source.envelope, "min_amount": source.min_amount, "max_amount": source.max_amount,
        "eligible_kinds": list(source.eligible_kinds), "min_stage": source.min_stage,
        "required_documents": list(source.required_documents),
        "reviewers_per_application": source.reviewers_per_application,
        "eligible_territories": list(source.eligible_territories.all()), "themes": list(source.themes.all()),
    }


@dataclass
class CriterionInput:
    pk: int | None
    label: str
    description: str
    weight: Decimal
    scale_max: int
    delete: bool = False


@transaction.atomic
def criteria_save(*, call: Call, by: User, rows: list[CriterionInput]) -> list[CallCriterion]:
    """Re-weight, add or remove a call's criteria. The scaling criteria may be re-weighted (and
    their scale changed), never renamed nor removed."""
    call = Call.objects.select_for_update().get(pk=call.pk)
    require_perm(by, "grants.change_call", call)
    existing = {criterion.pk: criterion for criterion in call.criteria.all()}
    next_order = max((c.order for c in existing.values()), default=0) + 1
    for row in rows:
        criterion = existing.get(row.pk) if row.pk else None
        if row.pk and criterion is None:
            raise ValidationError(_("Ce critère n’appartient pas à cet appel."), code="foreign")
        if criterion is not None and row.delete:
            if not criterion.is_removable:
                raise ValidationError(_("Les critères d’essaimage ne peuvent pas être supprimés : changez plutôt "
                                        "leur poids."), code="scaling")
            if criterion.scores.exists():
                raise ValidationError(_("Le critère « %(label)s » a déjà été noté : il ne peut plus être supprimé.")
                                      % {"label": criterion.label}, code="scored")
            criterion.delete()
            del existing[criterion.pk]
            continue
        if row.delete:
            continue
        if criterion is None:
            criterion = CallCriterion(call=call, order=next_order)
            next_order += 1
            existing[f"new-{next_order}"] = criterion
        if not criterion.is_scaling:
            criterion.label, criterion.description = row.label, row.description
        criterion.weight, criterion.scale_max = row.weight, row.scale_max
    from reviewing.criteria import validate_weights

    validate_weights(existing.values())
    for criterion in existing.values():
        criterion.save()
    audit_record(obj=call, action="criteria", actor=by)
    return list(call.criteria.all())


# --- Eligibility and checklist -----------------------------------------------------------------

def eligibility_problems(call: Call, innovation: Innovation, *, now=None, check_open=True) -> list[str]:
    """Why `innovation` may not apply to `call` (empty: eligible), in French."""
    problems = []
    now = now or timezone.now()
    if check_open and not call.phase_at(now).is_open:
        problems.append(_("l’appel n’est pas ouvert (clôture le %(date)s)")
                        % {"date": paris_datetime_full(call.closes_at)})
    if not InnovationStatus(innovation.status).is_public:
        problems.append(_("l’innovation doit être publiée dans le catalogue"))
    organisation = innovation.organisation
    if organisation is None:
        problems.append(_("la fiche de l’innovation n’indique pas d’organisation porteuse"))
    elif call.eligible_kinds and organisation.kind not in call.eligible_kinds:
        problems.append(_("l’appel est réservé à : %(kinds)s (votre organisation : %(kind)s)") % {
            "kinds": ", ".join(str(label).lower() for label in call.eligible_kind_labels),
            "kind": organisation.get_kind_display().lower()})
    eligible = {territory.pk for territory in call.eligible_territories.all()}
    if eligible:
        places = {innovation.territory_id, innovation.departement_id, innovation.region_id} - {None}
        if not places & eligible:
            problems.append(_("l’innovation doit venir d’un de ces territoires : %(places)s") % {
                "places": ", ".join(sorted(t.name for t in call.eligible_territories.all()))})
    if call.min_stage and STAGE_ORDER.index(innovation.stage) < STAGE_ORDER.index(call.min_stage):
        problems.append(_("l’innovation doit avoir atteint le stade « %(stage)s » (elle est au stade « %(now)s »)")
                        % {"stage": call.min_stage_label, "now": innovation.get_stage_display()})
    return problems


@dataclass(frozen=True)
class MissingPart:
    """One thing left to do before the deposit, and where the form asks for it."""

    part: str
    label: str
    anchor: str


def _sum(values) -> Decimal:
    return sum((Decimal(v) for v in values if v is not None), ZERO)


def needs_republican_contract(application: Application) -> bool:
    """Associations and foundations confirm the contrat d’engagement républicain (loi 2000-321, art. 10-1)."""
    organisation = application.organisation
    return organisation is not None and organisation.kind == OrganisationKind.ASSOCIATION


def application_checklist(application: Application) -> list[MissingPart]:
    """What the application still lacks to be deposited (the sums, the amounts within the call's
    bounds, the scaling plan, the required documents, the contract for associations)."""
    call = application.call
    missing = []

    def need(part, label, anchor):
        missing.append(MissingPart(part, str(label), anchor))

    requested, budget = application.amount_requested, application.total_budget
    if not application.summary.strip():
        need(ApplicationPart.PROJECT, _("l’objet de la demande"), "id_summary")
    if requested is None:
        need(ApplicationPart.PROJECT, _("le montant demandé"), "id_amount_requested")
    elif not call.min_amount <= requested <= call.max_amount:
        need(ApplicationPart.PROJECT, _("un montant demandé entre %(min)s et %(max)s (demandé : %(amount)s)") % {
            "min": euros(call.min_amount), "max": euros(call.max_amount), "amount": euros(requested)},
             "id_amount_requested")
    if budget is None:
        need(ApplicationPart.PROJECT, _("le budget total du projet"), "id_total_budget")
    fundings = list(application.fundings.all())
    if requested is not None and budget is not None:
        funded = requested + _sum(f.amount for f in fundings)
        if funded != budget:
            need(ApplicationPart.FUNDING, _("un plan de financement égal au budget total : montant demandé et "
                                            "cofinancements font %(funded)s pour un budget de %(budget)s") % {
                "funded": euros(funded), "budget": euros(budget)}, "plan-financement")
    lines = list(application.budget_lines.all())
    if not lines:
        need(ApplicationPart.BUDGET, _("au moins une ligne de budget"), "budget")
    elif budget is not None and _sum(line.planned_amount for line in lines) != budget:
        need(ApplicationPart.BUDGET,
             _("des lignes de budget qui totalisent le budget total (%(lines)s pour %(budget)s)")
             % {"lines": euros(_sum(line.planned_amount for line in lines)), "budget": euros(budget)}, "budget")
    if not application.target_territories.exists():
        need(ApplicationPart.SCALING, _("au moins un territoire cible"), "id_target_territories")
    if not application.scaling_mode:
        need(ApplicationPart.SCALING, _("le mode d’essaimage"), "id_scaling_mode_0")
    for name, label in (("scaling_partners", _("les partenaires dans les territoires cibles")),
                        ("transfer_kit", _("le kit de transfert")),
                        ("success_indicators", _("les indicateurs de réussite"))):
        if not getattr(application, name).strip():
            need(ApplicationPart.SCALING, label, f"id_{name}")
    milestones = list(application.milestones.all())
    if not milestones:
        need(ApplicationPart.MILESTONES, _("au moins un jalon"), "jalons")
    elif requested is not None and _sum(m.tranche_amount for m in milestones) != requested:
        need(ApplicationPart.MILESTONES, _("des tranches qui totalisent le montant demandé (%(tranches)s pour "
                                           "%(amount)s)") % {
            "tranches": euros(_sum(m.tranche_amount for m in milestones)), "amount": euros(requested)}, "jalons")
    provided = {document.required_label for document in application.documents.all()}
    for label in call.required_documents:
        if label not in provided:
            need(ApplicationPart.DOCUMENTS, _("la pièce « %(label)s »") % {"label": label}, "pieces")
    if needs_republican_contract(application) and application.republican_contract_confirmed_at is None:
        need(ApplicationPart.PROJECT, _("la souscription du contrat d’engagement républicain"),
             "id_republican_contract")
    return missing


# --- Applications: drafts --------------------------------------------------------------------

PART_FIELDS = {
    ApplicationPart.PROJECT: ("summary", "amount_requested", "total_budget", "project_start", "project_end"),
    ApplicationPart.SCALING: ("scaling_mode", "scaling_partners", "transfer_kit", "scaling_budget",
                              "success_indicators"),
}
ALL_PARTS = frozenset(ApplicationPart)


def open_parts(application: Application | None) -> frozenset[ApplicationPart]:
    """The parts the team may change now: all of a draft; those an open information request reopened."""
    if application is None or ApplicationStatus(application.status).is_draft:
        return ALL_PARTS
    if ApplicationStatus(application.status).is_info_requested:
        request = application.info_requests.filter(answered_at__isnull=True).first()
        return frozenset(ApplicationPart(part) for part in request.parts) if request else frozenset()
    return frozenset()


@dataclass
class ApplicationInput:
    """What the form typed, by part (a part left out is not written)."""

    fields: dict = field(default_factory=dict)  # model fields of PROJECT and SCALING
    target_territories: list | None = None  # SCALING
    fundings: list[tuple[str, Decimal, bool]] | None = None  # FUNDING: (source, amount, secured)
    budget_lines: list[tuple[str, Decimal]] | None = None  # BUDGET: (label, planned)
    milestones: list[dict] | None = None  # MILESTONES: title, kind, due_date, deliverable, tranche_amount
    republican_contract: bool | None = None  # PROJECT (associations and foundations)

    def parts(self) -> set[ApplicationPart]:
        parts = {part for part, names in PART_FIELDS.items() if set(names) & set(self.fields)}
        if self.target_territories is not None:
            parts.add(ApplicationPart.SCALING)
        if self.fundings is not None:
            parts.add(ApplicationPart.FUNDING)
        if self.budget_lines is not None:
            parts.add(ApplicationPart.BUDGET)
        if self.milestones is not None:
            parts.add(ApplicationPart.MILESTONES)
        if self.republican_contract is not None:
            parts.add(ApplicationPart.PROJECT)
        return parts


class AlreadyApplied(ValidationError):
    """The innovation already has an application to this call (one per innovation and call)."""

    def __init__(self, application):
        super().__init__(_("Une demande existe déjà pour cette innovation à cet appel : la voici."),
                         code="already_applied")
        self.application = application


@transaction.atomic
def application_create(*, call: Call, innovation: Innovation, by: User, now=None) -> Application:
    """A new draft for one of the team's published innovations, if eligible. The same innovation
    applying twice to the call (a double post, two team members at once) meets the unique
    constraint: `AlreadyApplied` carries the existing application."""
    require_perm(by, "grants.apply", innovation)
    now = now or timezone.now()
    problems = eligibility_problems(call, innovation, now=now)
    if problems:
        raise ValidationError(_("Cette innovation ne peut pas répondre à l’appel : %(problems)s.")
                              % {"problems": " ; ".join(problems)}, code="ineligible")
    existing = Application.objects.filter(call=call, innovation=innovation).first()
    if existing is not None:
        raise AlreadyApplied(existing)
    try:
        with transaction.atomic():
            application = Application.objects.create(call=call, innovation=innovation, created_at=now,
                                                     organisation=innovation.organisation, created_by=by)
    except IntegrityError:
        raise AlreadyApplied(Application.objects.get(call=call, innovation=innovation)) from None
    audit_record(obj=application, action="create", actor=by, to_state=application.status)
    return application


@transaction.atomic
def application_save(*, application: Application, by: User, data: ApplicationInput,
                     base_version: int | None = None) -> Application:
    """Write the parts of `data` on a draft, or on the parts an information request reopened.
    `base_version`: the version the form was opened on; a newer one raises StaleEdit (nothing
    is written, the form keeps what was typed)."""
    locked = Application.objects.select_for_update().select_related("call", "innovation").get(pk=application.pk)
    require_perm(by, "grants.team_application", locked)
    if not by.has_perm("grants.change_application", locked):
        raise ValidationError(_("Cette demande est « %(status)s » : elle ne se modifie plus.")
                              % {"status": locked.get_status_display()}, code="locked")
    if base_version is not None and base_version != locked.version:
        raise StaleEdit(_("La demande a été modifiée par un autre membre de l’équipe depuis que vous l’avez ouverte : "
                          "rien n’a été enregistré, pour ne pas effacer ses modifications. Votre saisie est "
                          "conservée ci-dessous ; la page montre maintenant la dernière version enregistrée "
                          "de la demande."), code="stale_edit")
    allowed = open_parts(locked)
    closed = data.parts() - allowed
    if closed:
        raise ValidationError(_("Ces parties ne sont pas rouvertes : %(parts)s.")
                              % {"parts": ", ".join(str(ApplicationPart(p).label) for p in sorted(closed))},
                              code="closed_part")
    writable = {name for part in allowed for name in PART_FIELDS.get(part, ())}
    refused = set(data.fields) - writable
    if refused:
        raise ValueError(f"application_save cannot write {', '.join(sorted(refused))}")
    for name, value in data.fields.items():
        setattr(locked, name, value)
    if data.republican_contract is not None:
        if data.republican_contract and locked.republican_contract_confirmed_at is None:
            locked.republican_contract_confirmed_at, locked.republican_contract_confirmed_by = timezone.now(), by
        elif not data.republican_contract:
            locked.republican_contract_confirmed_at, locked.republican_contract_confirmed_by = None, None
    locked.version += 1
    try:
        with transaction.atomic():
            locked.save()
    except IntegrityError:
        raise ValidationError(_("Le budget total ne peut être inférieur au montant demandé ni au budget de "
                                "l’essaimage, et la fin du projet ne peut précéder son début."),
                              code="amounts") from None
    if data.target_territories is not None:
        locked.target_territories.set(data.target_territories)
    if data.fundings is not None:
        locked.fundings.all().delete()
        ApplicationFunding.objects.bulk_create([
            ApplicationFunding(application=locked, source=source, amount=amount, is_secured=secured, order=i)
            for i, (source, amount, secured) in enumerate(data.fundings)])
    if data.budget_lines is not None:
        locked.budget_lines.all().delete()
        BudgetLine.objects.bulk_create([
            BudgetLine(application=locked, label=label, planned_amount=amount, order=i)
            for i, (label, amount) in enumerate(data.budget_lines)])
    if data.milestones is not None:
        locked.milestones.all().delete()
        Milestone.objects.bulk_create([Milestone(application=locked, order=i, **row)
                                       for i, row in enumerate(data.milestones)])
    return locked


@transaction.atomic
def application_delete_draft(*, application: Application, by: User) -> None:
    """A draft never deposited may be deleted by its team (frees the innovation for this call)."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    require_perm(by, "grants.team_application", locked)
    if not ApplicationStatus(locked.status).is_draft:
        raise ValidationError(_("Seul un brouillon se supprime : retirez plutôt la demande."), code="not_draft")
    for document in locked.documents.all():
        document.file.delete(save=False)
    audit_record(obj=locked, action="delete", actor=by, from_state=locked.status)
    locked.delete()


@transaction.atomic
def document_add(*, application: Application, by: User, upload, content_type: str, required_label: str = "",
                 description: str = "") -> ApplicationDocument:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    require_perm(by, "grants.change_application", locked)
    if ApplicationPart.DOCUMENTS not in open_parts(locked):
        raise ValidationError(_("Les pièces jointes ne sont pas rouvertes."), code="closed_part")
    if required_label and required_label not in locked.call.required_documents:
        raise ValidationError(_("Cette pièce n’est pas demandée par l’appel."), code="unknown_document")
    original_name = uploads.safe_filename(upload.name, content_type)
    upload.name = uploads.stored_name(content_type)
    if required_label:  # a new file for a required document replaces the previous one
        for previous in locked.documents.filter(required_label=required_label):
            previous.file.delete(save=False)
            previous.delete()
    return ApplicationDocument.objects.create(
        application=locked, file=upload, original_name=original_name, content_type=content_type, size=upload.size,
        required_label=required_label, description=" ".join(description.split()), uploaded_by=by)


@transaction.atomic
def document_delete(*, document: ApplicationDocument, by: User) -> None:
    locked = Application.objects.select_for_update().get(pk=document.application_id)
    require_perm(by, "grants.change_application", locked)
    if ApplicationPart.DOCUMENTS not in open_parts(locked):
        raise ValidationError(_("Les pièces jointes ne sont pas rouvertes."), code="closed_part")
    document.file.delete(save=False)
    document.delete()


# --- Applications: the one transition service -------------------------------------------------

def next_reference(application: Application, now) -> str:
    """ESS-<year of deposit>-<6 digits>: the application's id, unique for ever."""
    return f"{REFERENCE_PREFIX}-{timezone.localtime(now).year}-{application.pk:06d}"


def team_users(application: Application):
    return User.objects.filter(innovation_memberships__innovation_id=application.innovation_id, is_active=True)


def instructeur_users(application: Application):
    return User.objects.filter(instructed_programmes=application.call.programme_id, is_active=True)


def _excerpt(text: str, size: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1] + "…"


def _closing_check(call: Call, now) -> None:
    if now >= call.closes_at:
        raise ValidationError(
            _("L’appel a clos le %(date)s : la demande ne peut plus être déposée.")
            % {"date": paris_datetime_full(call.closes_at)}, code="closed")
    if now < call.opens_at:
        raise ValidationError(_("L’appel ouvre le %(date)s : la demande ne peut pas encore être déposée.")
                              % {"date": paris_datetime_full(call.opens_at)}, code="not_open")


def _context(application: Application, action, message="", **extra) -> dict:
    context = {
        "title": application.innovation.title, "call": application.call.title,
        "reference": application.reference, "url": application.get_absolute_url(),
        "action_code": action.value, "action": str(action.label), "status": application.get_status_display(),
        "message": message,
    }
    context.update({key: str(value) for key, value in extra.items() if value is not None})
    return context


@transaction.atomic
def application_transition(*, application: Application, action: ApplicationAction | str, by: User,
                           message: str = "", notify: bool = True, **kw) -> Application:
    """The one way an application changes status. Locks the row, checks the table and the
    permission, writes the audit entry (who, when, from, to, message) and notifies.

    Per action: SUBMIT (the call open at this minute, Paris time; the checklist empty; gives the
    reference number), REQUEST_INFO (`message`, `parts` and `due_date` required: opens an
    InfoRequest), COMPLETE (closes it, the file complete again), WITHDRAW (optional message),
    ACCEPT / REFUSE / DISMISS (part 2's decision service; a motivation is required for REFUSE
    and DISMISS; `notify=False` when the caller sends its own decision notice). Extra keyword
    arguments are passed to the e-mail context."""
    action = ApplicationAction(action)
    sources, target = APPLICATION_TRANSITIONS[action]
    locked = (Application.objects.select_for_update(of=("self",))
              .select_related("call", "call__programme", "innovation", "organisation").get(pk=application.pk))
    require_perm(by, ACTION_PERMISSIONS[action], locked)
    if locked.status not in sources:
        raise ValidationError(_("Cette action n’est plus possible : la demande est « %(status)s ».")
                              % {"status": locked.get_status_display()}, code="stale")
    message = (message or "").strip()
    now = kw.pop("now", None) or timezone.now()
    previous = locked.status
    extra = {}
    if action == ApplicationAction.SUBMIT:
        _closing_check(locked.call, now)
        problems = eligibility_problems(locked.call, locked.innovation, now=now, check_open=False)
        missing = [part.label for part in application_checklist(locked)]
        if problems or missing:
            raise ValidationError(_("Pour déposer la demande, complétez : %(parts)s.")
                                  % {"parts": " ; ".join([*problems, *missing])}, code="incomplete")
        locked.reference = next_reference(locked, now)
        locked.submitted_at = locked.complete_since = now
    elif action == ApplicationAction.REQUEST_INFO:
        parts = [ApplicationPart(part) for part in kw.pop("parts", None) or []]
        due_date = kw.pop("due_date", None)
        if not message:
            raise ValidationError(_("Dites à l’équipe quels compléments vous attendez."), code="message_required")
        if not parts:
            raise ValidationError(_("Choisissez au moins une partie de la demande à rouvrir."), code="parts_required")
        if due_date is None or due_date <= timezone.localdate(now):
            raise ValidationError(_("Choisissez une date limite postérieure à aujourd’hui."), code="due_date")
        InfoRequest.objects.create(application=locked, message=message, parts=[p.value for p in parts],
                                   due_date=due_date, requested_by=by, requested_at=now)
        extra = {"parts": ", ".join(str(p.label).lower() for p in parts),
                 "due_date": due_date.strftime("%d/%m/%Y")}
    elif action == ApplicationAction.COMPLETE:
        missing = [part.label for part in application_checklist(locked)]
        if missing:
            raise ValidationError(_("Pour renvoyer la demande, complétez : %(parts)s.")
                                  % {"parts": " ; ".join(missing)}, code="incomplete")
        locked.info_requests.filter(answered_at__isnull=True).update(answered_at=now, answered_by=by)
        locked.complete_since = now
    elif action in DECISION_ACTIONS:
        if action != ApplicationAction.ACCEPT and not message:
            raise ValidationError(_("Une motivation est obligatoire pour refuser ou classer sans suite."),
                                  code="motivation_required")
        locked.decided_at = now
    elif action == ApplicationAction.WITHDRAW:
        locked.withdrawn_at = now
    locked.status = target
    locked.save()
    audit_record(obj=locked, action=action.value, actor=by, from_state=previous, to_state=target, message=message)
    if ApplicationStatus.ACCEPTED in (previous, target):
        bump_version()  # the grants shown on the innovation's page (grants.selectors.laureate_innovation_ids)
    if notify:
        _notify_transition(locked, action, by, message, {**extra, **kw})
    return locked


def _notify_transition(application: Application, action: ApplicationAction, by: User, message: str,
                       extra: dict) -> None:
    context = _context(application, action, message, **extra)
    url = application.get_absolute_url()
    team, instructeurs = team_users(application), instructeur_users(application)
    if action == ApplicationAction.SUBMIT:
        context["closes_at"] = paris_datetime_full(application.call.closes_at)
        context["submitted_at"] = paris_datetime_full(application.submitted_at)
        context["amount"] = euros(application.amount_requested)
        notifications.notify(team, notices.RECEIPT, application, url=reverse_receipt(application),
                             text=application.reference, context=context)
        notifications.notify(instructeurs, notices.TO_INSTRUCT, application, url=url, exclude=[by],
                             text=application.innovation.title, context=context)
    elif action in (ApplicationAction.COMPLETE, ApplicationAction.WITHDRAW):
        notifications.notify(instructeurs, notices.TO_INSTRUCT, application, url=url, exclude=[by],
                             text=_excerpt(message) or application.innovation.title, context=context)
        if action == ApplicationAction.WITHDRAW:
            notifications.notify(team, notices.STATUS, application, url=url, exclude=[by], context=context)
    else:
        notifications.notify(team, notices.STATUS, application, url=url, exclude=[by], text=_excerpt(message),
                             context=context)
    if action == ApplicationAction.ACCEPT:
        call = application.call
        notifications.notify_followers(
            call, notices.FOLLOWED_CALL, exclude=[by, *team], url=call.get_absolute_url(),
            text=application.innovation.title,
            context={"call": call.title, "title": application.innovation.title,
                     "url": call.get_absolute_url()})


def reverse_receipt(application: Application) -> str:
    from django.urls import reverse

    return reverse("grants:application_receipt", kwargs={"pk": application.pk})


# --- The thread, annotations ------------------------------------------------------------------

@transaction.atomic
def message_post(*, application: Application, by: User, body: str, upload=None, content_type: str = "") -> Message:
    """A message of the thread (team ⇄ instructeurs), with an optional attachment; the other side
    is told (notice + e-mail by preference)."""
    application = Application.objects.select_related("call", "innovation").get(pk=application.pk)
    require_perm(by, "grants.post_message", application)
    body = body.strip()
    if not body:
        raise ValidationError(_("Écrivez votre message."), code="empty")
    from_instructeur = by.has_perm("grants.instruct_application", application)
    row = Message(application=application, author=by, from_instructeur=from_instructeur, body=body)
    if upload is not None:
        row.attachment_name = uploads.safe_filename(upload.name, content_type)
        row.attachment_type, row.attachment_size = content_type, upload.size
        upload.name = uploads.stored_name(content_type)
        row.attachment = upload
    row.save()
    audit_record(obj=application, action="message", actor=by)
    recipients = team_users(application) if from_instructeur else instructeur_users(application)
    context = {"title": application.innovation.title, "call": application.call.title,
               "reference": application.reference, "url": application.get_absolute_url() + "#messages",
               "body": body, "from_instructeur": "1" if from_instructeur else "",
               "author": by.full_name or _("Un agent"), "attachment": row.attachment_name}
    notifications.notify(recipients, notices.MESSAGE, application, url=context["url"], exclude=[by],
                         text=_excerpt(body), context=context)
    return row


@transaction.atomic
def annotation_add(*, application: Application, by: User, body: str) -> Annotation:
    """A private note of the instructeurs: no notice, no e-mail, never shown to the team."""
    require_perm(by, "grants.add_annotation", application)
    body = body.strip()
    if not body:
        raise ValidationError(_("Écrivez votre annotation."), code="empty")
    return Annotation.objects.create(application=application, author=by, body=body)


# --- Demo and tests helpers --------------------------------------------------------------------

def paris_deadline(day: datetime.date, hour: int = 12) -> datetime.datetime:
    """`day` at `hour`:00 in Paris (a call's usual closing time)."""
    from grants.wording import PARIS

    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=PARIS)
