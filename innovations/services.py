"""Every write that matters on the catalogue: innovations, their grid, team, files, replications."""

import re
from contextlib import contextmanager
from dataclasses import dataclass
from contextvars import ContextVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from essaimage import uploads
from essaimage.articles import organisation_with_article
from essaimage.enums import Role
from essaimage.models import User
from essaimage import mail, throttle
from essaimage.services import audit_record
from innovations.catalogue_version import bump_version
from innovations.enums import (
    ACTIVE_REPLICATION, MODERATOR_ACTIONS, REPLICATION_TRANSITIONS, TRANSITIONS, ModerationAction,
    ReplicationStatus, Status, TeamRole,
)
from innovations.models import SEARCH_EXTRA_MAX_LENGTH, Attachment, BusinessModel, FundingSource, Innovation, Replication, Revision, TeamMember

REVISION_FIELDS = ["title", "summary", "stage", "problem", "solution", "public_concerned", "results",
                   "evidence", "costs", "links"]

# Parts required to submit (a draft may be saved without them): field, label, id of the edit
# form's field the label links to, id of the form section that holds it.
SUBMISSION_PARTS = [
    ("title", _("le titre"), "id_title", "section-identite"),
    ("summary", _("le résumé"), "id_summary", "section-identite"),
    ("themes", _("au moins un thème"), "id_themes_0", "section-identite"),
    ("problem", _("le problème traité"), "id_problem", "section-solution"),
    ("solution", _("la solution"), "id_solution", "section-solution"),
    ("public_concerned", _("le public concerné"), "id_public_concerned", "section-solution"),
    ("territory", _("le territoire d’origine"), "id_territory", "section-porteur"),
    ("organisation", _("l’organisation porteuse"), "id_organisation_name", "section-porteur"),
    ("value_proposition", _("la proposition de valeur"), "id_grid-value_proposition", "grille"),
    ("beneficiaries", _("les bénéficiaires"), "id_grid-beneficiaries", "grille"),
    ("funding", None, "financement", "grille"),  # label: funding_problem()
]
GRID_REQUIRED_TO_SUBMIT = ("value_proposition", "beneficiaries")


@dataclass(frozen=True)
class MissingPart:
    """One thing left to do before submission, and where the edit form asks for it."""

    field: str
    label: str
    anchor: str
    section: str


_muted: ContextVar[bool] = ContextVar("notifications_muted", default=False)


@contextmanager
def notifications_muted():
    """Used by the demo-data loader: no e-mail for what it creates."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def _notify(template: str, recipients, reply_to: User | None = None, **context):
    """Queue an e-mail once the transaction commits; `reply_to`: the person the recipients may
    answer directly (their address goes in the Reply-To header only, never on a page)."""
    if _muted.get():
        return
    emails = sorted({user.email for user in recipients if user.is_active})
    context = {key: str(value) for key, value in context.items()}  # rendered as the texts they were
    answer_to = [reply_to.email] if reply_to is not None else []
    mail.send(template=f"innovations/emails/{template}", context=context, recipients=emails, reply_to=answer_to)


RESERVED_SLUGS = {"nouvelle", "mes-innovations", "moderation", "essaimages"}


def _unique_slug(title: str) -> str:
    """The title's slug, or the first free `slug-2`, `slug-3`... (one query)."""
    base = slugify(title)[:80].strip("-") or "innovation"
    taken = set(Innovation.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$")
                .values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def _search_extra(innovation: Innovation) -> str:
    parts = [theme.name for theme in innovation.themes]
    for territory in (innovation.territory, innovation.departement, innovation.region):
        if territory:
            parts.append(territory.name)
    if innovation.organisation:
        parts.append(innovation.organisation.name)
    return " ".join(parts)[:SEARCH_EXTRA_MAX_LENGTH]


def _snapshot(innovation: Innovation, business_model: BusinessModel | None = None,
              funding: list[tuple[str, int]] = (), coauthors: list[str] = ()) -> dict:
    """What a version records: the texts, the business-model grid, the funding mix, the team."""
    data = {field: getattr(innovation, field) for field in REVISION_FIELDS}
    data["themes"] = sorted(theme.name for theme in innovation.themes)
    data["territory"] = str(innovation.territory) if innovation.territory else ""
    data["organisation"] = str(innovation.organisation) if innovation.organisation else ""
    data["coauthors"] = sorted(coauthors)
    for part in BusinessModel.TEXT_PARTS:
        data[part] = getattr(business_model, part) if business_model is not None else ""
    data["funding"] = [f"{label}\u00a0: {share}\u00a0%" for label, share in funding]
    return data


def _record_revision(innovation: Innovation, author, **parts) -> Revision | None:
    data = _snapshot(innovation, **parts)
    previous = innovation.revisions.order_by("-created_at", "-id").first()
    # A key the previous version did not record yet (older versions) is not a change.
    changed = sorted(k for k in data if previous is None or previous.data.get(k, data[k]) != data[k])
    if previous is not None and not changed:
        return None
    return Revision.objects.create(innovation=innovation, author=author, status=innovation.status,
                                   data=data, changed_fields=changed)


def team_users(innovation: Innovation):
    return User.objects.filter(innovation_memberships__innovation=innovation)


SLUG_CONSTRAINT = "innovations_innovation_slug_key"
TOKEN_CONSTRAINT = "innovations_innovation_creation_token_key"


def _violated_constraint(error: IntegrityError) -> str:
    return getattr(getattr(error.__cause__, "diag", None), "constraint_name", "") or ""


def _foreign_token_error() -> ValidationError:
    return ValidationError(
        _("Ce formulaire de création n’est plus valable : rechargez la page « Partager une innovation » "
          "et saisissez à nouveau votre fiche."),
        code="foreign_token",
    )


def _by_token(*, by: User, creation_token) -> Innovation | None:
    """The innovation this person's creation form already made; a token someone else's form
    made (copied, replayed or forged) is refused."""
    if creation_token is None:
        return None
    made = Innovation.objects.filter(creation_token=creation_token).first()
    if made is not None and made.created_by_id != by.pk:
        raise _foreign_token_error()
    return made


def _create(*, by: User, title: str, creation_token) -> tuple[Innovation, bool]:
    """A new innovation row with a free slug: (innovation, True); or, when the same form was
    posted at the same instant, the innovation that post made: (innovation, False).

    No fixed number of tries: a slug refused by the unique index was committed by another
    creation (the index waits for it), so the next look sees it and picks another one; the
    loop ends after at most as many turns as there are creations of that title at once."""
    while True:
        innovation = Innovation(created_by=by, slug=_unique_slug(title), creation_token=creation_token)
        try:
            with transaction.atomic():
                innovation.save()
            return innovation, True
        except IntegrityError as error:
            constraint = _violated_constraint(error)
            if constraint == TOKEN_CONSTRAINT:
                same_form = _by_token(by=by, creation_token=creation_token)
                if same_form is None:  # the other row has gone meanwhile: try again
                    continue
                return same_form, False
            if constraint != SLUG_CONSTRAINT:
                raise


def funding_problem(funding: list[tuple[str, int]]) -> str:
    """What is wrong with a funding mix for submission ("" if nothing): it is empty (not known
    yet) or its shares add up to 100 %. A draft may hold any mix."""
    total = sum(share for label, share in funding)
    if funding and total != 100:
        return _("le financement, dont les parts doivent totaliser 100\u00a0%% (total actuel\u00a0: "
                 "%(total)s\u00a0%%)") % {"total": total}
    return ""


class StaleEdit(ValidationError):
    """The form was opened on an older version: saving it would undo what others saved since."""

    def __init__(self, message, *, since: list[Revision]):
        super().__init__(message, code="stale_edit")
        self.since = since


def latest_revision_id(innovation: Innovation) -> int:
    """The version a form is opened on (0: none yet); carried by the edit form."""
    return innovation.revisions.order_by("-created_at", "-id").values_list("pk", flat=True).first() or 0


def _check_not_stale(innovation: Innovation, base_revision: int | None) -> None:
    if base_revision is None:
        return
    current = latest_revision_id(innovation)
    if current == base_revision:
        return
    since = list(innovation.revisions.filter(pk__gt=base_revision).select_related("author")
                 .order_by("created_at", "id"))
    authors = sorted({str(revision.author) if revision.author else _("quelqu’un") for revision in since})
    raise StaleEdit(
        _("La fiche a été modifiée par %(authors)s depuis que vous l’avez ouverte : rien n’a été enregistré, "
          "pour ne pas effacer ces modifications.") % {"authors": ", ".join(authors) or _("quelqu’un")},
        since=since,
    )


@transaction.atomic
def innovation_save(*, innovation: Innovation | None, by: User, data: dict, themes, grid: dict,
                    funding: list[tuple[str, int]], coauthors: list[User], creation_token=None,
                    base_revision: int | None = None) -> Innovation:
    """Create or update an innovation with its grid, funding mix and co-authors (draft or not:
    what submission needs is listed by missing_for_submission and never blocks a draft).
    A creation form posted twice (same `creation_token`) updates the innovation the first made.
    `base_revision`: the version the form was opened on; a newer one raises StaleEdit."""
    if innovation is None:
        innovation = _by_token(by=by, creation_token=creation_token)
    creating = innovation is None
    if creating:
        innovation, creating = _create(by=by, title=data.get("title") or "", creation_token=creation_token)
    if not creating:
        innovation = Innovation.objects.select_for_update().get(pk=innovation.pk)
        if not TeamMember.objects.filter(innovation=innovation, user=by).exists():
            raise PermissionDenied
        if innovation.status == Status.ARCHIVED:
            raise ValidationError(_("Une innovation archivée ne se modifie plus."))
        _check_not_stale(innovation, base_revision)
    for field, value in data.items():
        setattr(innovation, field, value)
    innovation.theme_ids = sorted({theme.pk for theme in themes})
    innovation.theme_list = sorted(themes, key=lambda theme: (theme.position, theme.name))
    innovation.save()
    if not TeamMember.objects.filter(innovation=innovation, role=TeamRole.OWNER).exists():
        TeamMember.objects.create(innovation=innovation, user=by, role=TeamRole.OWNER)
    _set_coauthors(innovation, coauthors, editor=by)

    business_model, _created = BusinessModel.objects.get_or_create(innovation=innovation)
    for field, value in grid.items():
        setattr(business_model, field, value)
    business_model.save()
    business_model.funding_sources.all().delete()
    FundingSource.objects.bulk_create(
        [FundingSource(business_model=business_model, label=label, share=share) for label, share in funding]
    )

    innovation.search_extra = _search_extra(innovation)
    innovation.save(update_fields=["search_extra", "updated_at"])
    _record_revision(innovation, by, business_model=business_model, funding=funding,
                     coauthors=list(innovation.members.filter(role=TeamRole.COAUTHOR)
                                    .values_list("user__email", flat=True)))
    return innovation


def _set_coauthors(innovation: Innovation, coauthors: list[User], editor: User) -> None:
    """The co-authors become exactly `coauthors`; whoever edits stays in the team."""
    wanted = {user.pk for user in coauthors}
    innovation.members.filter(role=TeamRole.COAUTHOR).exclude(user_id__in=wanted | {editor.pk}).delete()
    existing = set(innovation.members.values_list("user_id", flat=True))
    TeamMember.objects.bulk_create(
        [TeamMember(innovation=innovation, user_id=pk, role=TeamRole.COAUTHOR) for pk in wanted - existing]
    )


def submission_checklist(innovation: Innovation | None) -> list[MissingPart]:
    """What the innovation still lacks to be submitted (everything for a sheet not saved yet)."""
    grid = getattr(innovation, "business_model", None) if innovation is not None else None
    missing = []
    for field, label, anchor, section in SUBMISSION_PARTS:
        if field == "funding":
            sources = [(s.label, s.share) for s in grid.funding_sources.all()] if grid is not None else []
            label = funding_problem(sources)
            filled = not label
        elif innovation is None:
            filled = False
        elif field == "themes":
            filled = bool(innovation.theme_ids)
        elif field in GRID_REQUIRED_TO_SUBMIT:
            filled = grid is not None and bool(getattr(grid, field).strip())
        else:
            value = getattr(innovation, field)
            filled = bool(value.strip() if isinstance(value, str) else value)
        if not filled:
            missing.append(MissingPart(field, str(label), anchor, section))
    return missing


def missing_for_submission(innovation: Innovation) -> list[str]:
    return [part.label for part in submission_checklist(innovation)]


@transaction.atomic
def innovation_transition(*, innovation: Innovation, action: ModerationAction | str, by: User,
                          message: str = "") -> Innovation:
    """The one way an innovation changes status: checks the transition and the permission,
    locks the row, records the audit entry and notifies."""
    action = ModerationAction(action)
    sources, target = TRANSITIONS[action]
    locked = Innovation.objects.select_for_update().get(pk=innovation.pk)
    if action in MODERATOR_ACTIONS:
        if not by.has_role(Role.MODERATEUR):
            raise PermissionDenied
    elif not TeamMember.objects.filter(innovation=locked, user=by).exists():
        raise PermissionDenied
    if locked.status not in sources:
        raise ValidationError(
            _("Cette action n'est plus possible : l'innovation est « %(status)s ».")
            % {"status": locked.get_status_display()},
            code="stale",
        )
    if action == ModerationAction.REQUEST_CHANGES and not message.strip():
        raise ValidationError(_("Expliquez à l'équipe les modifications attendues."), code="message_required")
    if action == ModerationAction.SUBMIT:
        missing = missing_for_submission(locked)
        if missing:
            raise ValidationError(
                _("Pour soumettre, complétez : %(parts)s.") % {"parts": ", ".join(missing)}, code="incomplete"
            )
    previous = locked.status
    locked.status = target
    now = timezone.now()
    if action == ModerationAction.SUBMIT:
        locked.submitted_at = now
    if target == Status.PUBLISHED and locked.published_at is None:
        locked.published_at = now
    locked.save(update_fields=["status", "submitted_at", "published_at", "updated_at"])
    audit_record(obj=locked, action=action.value, actor=by, from_state=previous, to_state=target,
                 message=message.strip())
    context = {"title": locked.title, "url": locked.get_absolute_url(), "message": message.strip(),
               "action": action.label, "action_code": action.value, "status": locked.get_status_display(),
               "organisation": organisation_with_article(locked.organisation)}
    if action == ModerationAction.SUBMIT:
        _notify("submitted", User.objects.filter(groups__name=Role.MODERATEUR), **context)
    else:
        _notify("moderated", team_users(locked), **context)
    return locked


# --- Attachments -------------------------------------------------------------------------

@transaction.atomic
def attachment_add(*, innovation: Innovation, by: User, upload, content_type: str,
                   description: str = "") -> Attachment:
    if not TeamMember.objects.filter(innovation=innovation, user=by).exists():
        raise PermissionDenied
    # Named after the checked content, never the sender's extension (essaimage/uploads.py).
    original_name = uploads.safe_filename(upload.name, content_type)
    upload.name = uploads.stored_name(content_type)
    return Attachment.objects.create(
        innovation=innovation, file=upload, original_name=original_name, content_type=content_type,
        size=upload.size, uploaded_by=by, description=" ".join(description.split()),
    )


@transaction.atomic
def attachment_delete(*, attachment: Attachment, by: User) -> None:
    if not TeamMember.objects.filter(innovation=attachment.innovation_id, user=by).exists():
        raise PermissionDenied
    attachment.file.delete(save=False)
    attachment.delete()


# --- Replications ------------------------------------------------------------------------

def refresh_replication_count(innovation_id: int) -> None:
    count = Replication.objects.filter(innovation_id=innovation_id, status__in=ACTIVE_REPLICATION).count()
    Innovation.objects.filter(pk=innovation_id).update(replication_count=count)
    bump_version()  # update() sends no signal; the facet index counts replicated innovations


MESSAGES_PER_HOUR = 10  # messages one declarer may send to teams through declarations


def _check_message_rate(by: User, message: str) -> None:
    if message and not throttle.allow(scope="replication-message", key=str(by.pk), limit=MESSAGES_PER_HOUR,
                                      window_seconds=3600):
        raise ValidationError(
            _("Vous avez envoyé beaucoup de messages en peu de temps\u00a0: réessayez dans une heure "
              "ou enregistrez sans message."), code="rate_limited")


@transaction.atomic
def replication_declare(*, innovation: Innovation, by: User, organisation, territory, scaling_mode: str,
                        status: str, adaptations: str, parent: Replication | None = None,
                        message: str = "") -> Replication:
    """Declare that an organisation takes up a published innovation; the team receives an
    e-mail with the declarer's optional `message` (a reply goes to the declarer)."""
    message = message.strip()
    _check_message_rate(by, message)
    locked = Innovation.objects.select_for_update().get(pk=innovation.pk)
    if locked.status != Status.PUBLISHED:
        raise ValidationError(_("Seule une innovation publiée peut être essaimée."))
    if parent is not None and parent.innovation_id != locked.pk:
        raise ValidationError(_("L'essaimage dont vous vous êtes inspiré doit concerner la même innovation."))
    try:
        with transaction.atomic():
            replication = Replication.objects.create(
                innovation=locked, organisation=organisation, territory=territory, declared_by=by,
                scaling_mode=scaling_mode, status=status, adaptations=adaptations, parent=parent,
            )
    except IntegrityError:
        raise ValidationError(
            _("Vous avez déjà déclaré l’essaimage de cette innovation sur ce territoire\u00a0: "
              "mettez à jour votre déclaration."),
            code="duplicate",
        ) from None
    audit_record(obj=replication, action="declare", actor=by, to_state=status, message=message)
    refresh_replication_count(locked.pk)
    _notify("replication_declared", team_users(locked), reply_to=by if message else None, title=locked.title,
            url=locked.get_absolute_url(), organisation=str(organisation), territory=str(territory),
            status=replication.get_status_display(), mode=replication.get_scaling_mode_display(),
            declarer=by.full_name or _("Un agent"), message=message)
    return replication


@transaction.atomic
def replication_update(*, replication: Replication, by: User, scaling_mode: str, status: str,
                       adaptations: str, message: str = "") -> Replication:
    """Edit a declaration; its status changes only along REPLICATION_TRANSITIONS. The team is
    told of a new status, and receives the declarer's `message` if there is one."""
    locked = Replication.objects.select_for_update().get(pk=replication.pk)
    if locked.declared_by_id != by.pk:
        raise PermissionDenied
    message = message.strip()
    if locked.innovation.status != Status.PUBLISHED:
        raise ValidationError(_("Cette innovation n'est plus publiée : la déclaration ne se modifie plus."))
    previous = locked.status
    if status != previous and status not in REPLICATION_TRANSITIONS[ReplicationStatus(previous)]:
        raise ValidationError(
            _("Un essaimage « %(from)s » ne peut pas passer à « %(to)s ».")
            % {"from": locked.get_status_display(), "to": ReplicationStatus(status).label},
            code="transition",
        )
    _check_message_rate(by, message)
    locked.scaling_mode, locked.status, locked.adaptations = scaling_mode, status, adaptations
    locked.save()
    if status != previous:
        audit_record(obj=locked, action="status", actor=by, from_state=previous, to_state=status, message=message)
        refresh_replication_count(locked.innovation_id)
    if status != previous or message:
        innovation = locked.innovation
        _notify("replication_updated", team_users(innovation), reply_to=by if message else None,
                title=innovation.title, url=innovation.get_absolute_url(), organisation=str(locked.organisation),
                territory=str(locked.territory), status=locked.get_status_display(),
                status_changed="1" if status != previous else "", declarer=by.full_name or _("Un agent"),
                message=message)
    return locked
