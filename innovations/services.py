"""Every write that matters on the catalogue: innovations, their grid, team, files, replications."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from essaimage import uploads
from essaimage.articles import organisation_with_article
from essaimage.enums import Role
from essaimage.models import Organisation, User
from essaimage import throttle
from essaimage.permissions import require_perm
from essaimage.services import OrganisationInput, audit_record, organisation_resolve
from innovations.catalogue_version import bump_version
from innovations.enums import (
    ACTIVE_REPLICATION, REPLICATION_TRANSITIONS, TRANSITIONS, ModerationAction, ReplicationStatus, Status, TeamRole,
)
from innovations import notices
from innovations.models import (
    SEARCH_EXTRA_MAX_LENGTH, Attachment, BusinessModel, FundingSource, Innovation, Replication, Revision, TeamMember,
)
from innovations.rules import ACTION_PERMISSIONS
from notifications import services as notifications

REVISION_FIELDS = ["title", "summary", "stage", "problem", "solution", "public_concerned", "results",
                   "evidence", "costs", "links"]
# What innovation_save may write on an innovation: never its status, slug, dates or counters
# (those belong to innovation_transition and the replication services).
EDITABLE_FIELDS = (*REVISION_FIELDS, "territory", "organisation")

# Parts required to submit (a draft may be saved without them): field, label, id of the edit
# form's field the label links to, id of the form section that holds it.
SUBMISSION_PARTS = [
    ("title", gettext_lazy("le titre"), "id_title", "section-identite"),
    ("summary", gettext_lazy("le résumé"), "id_summary", "section-identite"),
    ("themes", gettext_lazy("au moins un thème"), "id_themes_0", "section-identite"),
    ("problem", gettext_lazy("le problème traité"), "id_problem", "section-solution"),
    ("solution", gettext_lazy("la solution"), "id_solution", "section-solution"),
    ("public_concerned", gettext_lazy("le public concerné"), "id_public_concerned", "section-solution"),
    ("territory", gettext_lazy("le territoire d’origine"), "id_territory", "section-porteur"),
    ("organisation", gettext_lazy("l’organisation porteuse"), "id_organisation_name", "section-porteur"),
    ("value_proposition", gettext_lazy("la proposition de valeur"), "id_grid-value_proposition", "grille"),
    ("beneficiaries", gettext_lazy("les bénéficiaires"), "id_grid-beneficiaries", "grille"),
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


notifications_muted = notifications.muted  # the demo-data loader: no notice, no e-mail


def _notify(kind: str, recipients, innovation: Innovation, reply_to: User | None = None, text: str = "",
            anchor: str = "", **context):
    """Tell `recipients` about `innovation` (notifications.services.notify: a notice in the
    site, the e-mail by their preference, once the transaction commits); `reply_to`: the person
    the recipients may answer directly (their address goes in the Reply-To header only, never
    on a page)."""
    context = {key: str(value) for key, value in context.items()}
    notifications.notify(recipients, kind, innovation, url=innovation.get_absolute_url() + anchor, text=text,
                         context=context, reply_to=reply_to)


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


def _editable_data(data: dict, fields) -> dict:
    """`data` restricted to the explicit list `fields`, itself a part of EDITABLE_FIELDS: a key
    outside it is a programming error (status, slug... are never written here)."""
    fields = tuple(fields)
    refused = sorted((set(fields) - set(EDITABLE_FIELDS)) | (set(data) - set(fields)))
    if refused:
        raise ValueError(f"innovation_save cannot write {', '.join(refused)}")
    return dict(data)


@transaction.atomic
def innovation_save(*, innovation: Innovation | None, by: User, data: dict, themes, grid: dict,
                    funding: list[tuple[str, int]], coauthors: list[User], creation_token=None,
                    base_revision: int | None = None, fields=EDITABLE_FIELDS) -> Innovation:
    """Create or update an innovation with its grid, funding mix and co-authors (draft or not:
    what submission needs is listed by missing_for_submission and never blocks a draft).
    `data` writes only the explicit list `fields` (by default EDITABLE_FIELDS); its
    `organisation` may be an OrganisationInput (as typed in the form): found or created here.
    A creation form posted twice (same `creation_token`) updates the innovation the first made.
    `base_revision`: the version the form was opened on; a newer one raises StaleEdit."""
    data = _editable_data(data, fields)
    if innovation is None:
        innovation = _by_token(by=by, creation_token=creation_token)
    creating = innovation is None
    if creating:
        require_perm(by, "innovations.add_innovation")
        innovation, creating = _create(by=by, title=data.get("title") or "", creation_token=creation_token)
    if not creating:
        innovation = Innovation.objects.select_for_update().get(pk=innovation.pk)
        if not by.has_perm("innovations.change_innovation", innovation):
            require_perm(by, "innovations.team_innovation", innovation)  # not the team: refused
            raise ValidationError(_("Une innovation archivée ne se modifie plus."))  # the team, too late
        _check_not_stale(innovation, base_revision)
    if "organisation" in data:
        data["organisation"] = organisation_resolve(data["organisation"])
    for field, value in data.items():
        setattr(innovation, field, value)
    innovation.theme_ids = sorted({theme.pk for theme in themes})
    innovation.theme_list = sorted(themes, key=lambda theme: (theme.position, theme.name))
    innovation.save()
    if not TeamMember.objects.filter(innovation=innovation, role=TeamRole.OWNER).exists():
        TeamMember.objects.create(innovation=innovation, user=by, role=TeamRole.OWNER)
    _set_coauthors(innovation, coauthors, editor=by)
    innovation.__dict__.pop("_team_ids", None)  # the team the rules remembered may have changed

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
    version = _record_revision(innovation, by, business_model=business_model, funding=funding,
                               coauthors=list(innovation.members.filter(role=TeamRole.COAUTHOR)
                                              .values_list("user__email", flat=True)))
    if version is not None and not creating and innovation.status == Status.PUBLISHED:
        notifications.notify_followers(innovation, notices.FOLLOWED_NEW_VERSION, exclude=[by],
                                       url=innovation.get_absolute_url(),
                                       context={"title": innovation.title, "url": innovation.get_absolute_url()})
    return innovation


# What the admin site may change on an innovation (its status only through the moderation
# actions, which call innovation_transition).
ADMIN_EDITABLE_FIELDS = (*EDITABLE_FIELDS, "theme_ids", "created_by")


@transaction.atomic
def innovation_admin_save(*, innovation: Innovation, by: User, changed: list[str]) -> Innovation:
    """Write what an administrator changed in the admin site's form (`innovation` carries the new
    values, `changed` names them), refresh the search words, record the version. Refused for a
    field outside ADMIN_EDITABLE_FIELDS, and for a new innovation (they are created on the site)."""
    require_perm(by, "innovations.change_innovation")  # the admin site's model permission
    refused = sorted(set(changed) - set(ADMIN_EDITABLE_FIELDS))
    if refused or innovation.pk is None:
        raise ValueError(f"the admin site cannot write {', '.join(refused) or 'a new innovation'}")
    locked = Innovation.objects.select_for_update().get(pk=innovation.pk)
    for field in changed:
        setattr(locked, field, getattr(innovation, field))
    locked.search_extra = _search_extra(locked)
    locked.save()
    _record_revision(locked, by, business_model=getattr(locked, "business_model", None),
                     funding=_funding_of(locked), coauthors=_coauthor_emails(locked))
    return locked


@transaction.atomic
def innovation_team_admin_set(*, innovation: Innovation, members: list[tuple[User, str]], by: User) -> None:
    """The team becomes exactly `members` ((user, TeamRole) pairs), as an administrator set it in
    the admin site; it keeps at least one owner; the change is audited with who was added and removed."""
    require_perm(by, "innovations.change_innovation")  # the admin site's model permission
    wanted = {}
    for user, role in members:
        wanted[user.pk] = (user, TeamRole(role))
    if not any(role == TeamRole.OWNER for _user, role in wanted.values()):
        raise ValidationError(_("L’équipe doit garder au moins un porteur."), code="no_owner")
    locked = Innovation.objects.select_for_update().get(pk=innovation.pk)
    current = {member.user_id: member for member in locked.members.select_related("user")}
    removed = [member.user for pk, member in current.items() if pk not in wanted]
    locked.members.filter(user_id__in=[user.pk for user in removed]).delete()
    added, changed = [], []
    for pk, (user, role) in wanted.items():
        member = current.get(pk)
        if member is None:
            TeamMember.objects.create(innovation=locked, user=user, role=role)
            added.append(user)
        elif member.role != role:
            member.role = role
            member.save(update_fields=["role"])
            changed.append(user)
    if not (added or removed or changed):
        return
    parts = []
    for label, users in ((_("ajouté"), added), (_("retiré"), removed), (_("rôle changé"), changed)):
        parts += [f"{user.full_name} ({label})" for user in users]
    audit_record(obj=locked, action="team", actor=by, message=", ".join(parts))


@transaction.atomic
def replication_admin_save(*, replication: Replication, by: User, changed: list[str]) -> Replication:
    """The admin site may correct a declaration's mode and adaptations; its state changes only
    through replication_update (the declarer's), with its audit entry."""
    require_perm(by, "innovations.change_replication")
    refused = sorted(set(changed) - {"scaling_mode", "adaptations"})
    if refused or replication.pk is None:
        raise ValueError(f"the admin site cannot write {', '.join(refused) or 'a new declaration'}")
    locked = Replication.objects.select_for_update().get(pk=replication.pk)
    for field in changed:
        setattr(locked, field, getattr(replication, field))
    locked.save(update_fields=[*changed, "updated_at"])
    return locked


def _funding_of(innovation: Innovation) -> list[tuple[str, int]]:
    grid = getattr(innovation, "business_model", None)
    return [(source.label, source.share) for source in grid.funding_sources.all()] if grid is not None else []


def _coauthor_emails(innovation: Innovation) -> list[str]:
    return list(innovation.members.filter(role=TeamRole.COAUTHOR).values_list("user__email", flat=True))


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
    require_perm(by, ACTION_PERMISSIONS[action], locked)
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
    was_published = locked.published_at is not None
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
        proposer = _("Proposée par %(organisation)s.") % {"organisation": context["organisation"]}
        _notify(notices.SUBMITTED, User.objects.filter(groups__name=Role.MODERATEUR), locked,
                text=proposer if context["organisation"] else "", **context)
    else:
        _notify(notices.MODERATED, team_users(locked), locked, text=_message_excerpt(message), **context)
    if target == Status.PUBLISHED and was_published:  # published again: followers are told
        notifications.notify_followers(locked, notices.FOLLOWED_NEW_VERSION, exclude=[by],
                                       url=locked.get_absolute_url(),
                                       context={"title": locked.title, "url": locked.get_absolute_url(),
                                                "republished": "1"})
    return locked


def _message_excerpt(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= 300 else message[:299] + "…"


# --- Attachments -------------------------------------------------------------------------

@transaction.atomic
def attachment_add(*, innovation: Innovation, by: User, upload, content_type: str,
                   description: str = "") -> Attachment:
    require_perm(by, "innovations.change_attachments", innovation)
    # Named after the checked content, never the sender's extension (essaimage/uploads.py).
    original_name = uploads.safe_filename(upload.name, content_type)
    upload.name = uploads.stored_name(content_type)
    return Attachment.objects.create(
        innovation=innovation, file=upload, original_name=original_name, content_type=content_type,
        size=upload.size, uploaded_by=by, description=" ".join(description.split()),
    )


@transaction.atomic
def attachment_delete(*, attachment: Attachment, by: User) -> None:
    require_perm(by, "innovations.change_attachments", attachment.innovation)
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
def replication_declare(*, innovation: Innovation, by: User, organisation: OrganisationInput | Organisation,
                        territory, scaling_mode: str, status: str, adaptations: str,
                        parent: Replication | None = None, message: str = "") -> Replication:
    """Declare that an organisation (a row, or as typed: found or created here) takes up a
    published innovation; the team receives an e-mail with the declarer's optional `message`
    (a reply goes to the declarer)."""
    message = message.strip()
    _check_message_rate(by, message)
    locked = Innovation.objects.select_for_update().get(pk=innovation.pk)
    if not Status(locked.status).is_public:
        raise ValidationError(_("Seule une innovation publiée peut être essaimée."))
    require_perm(by, "innovations.add_replication", locked)
    organisation = organisation_resolve(organisation)
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
    team = list(team_users(locked))
    where = f"{organisation} ({territory}), {replication.get_status_display().lower()}"
    _notify(notices.REPLICATION_DECLARED, team, locked, reply_to=by if message else None, text=where,
            anchor="#essaimages",
            title=locked.title, url=locked.get_absolute_url(), organisation=str(organisation),
            territory=str(territory), status=replication.get_status_display(),
            mode=replication.get_scaling_mode_display(), declarer=by.full_name or _("Un agent"), message=message)
    notifications.notify_followers(locked, notices.FOLLOWED_REPLICATION, exclude=[by, *team], text=where,
                                   url=locked.get_absolute_url() + "#essaimages",
                                   context={"title": locked.title, "url": locked.get_absolute_url(),
                                            "organisation": str(organisation), "territory": str(territory),
                                            "status": replication.get_status_display().lower()})
    return replication


@transaction.atomic
def replication_update(*, replication: Replication, by: User, scaling_mode: str, status: str,
                       adaptations: str, message: str = "") -> Replication:
    """Edit a declaration; its status changes only along REPLICATION_TRANSITIONS. The team is
    told of a new status, and receives the declarer's `message` if there is one."""
    locked = Replication.objects.select_for_update().get(pk=replication.pk)
    require_perm(by, "innovations.own_replication", locked)
    message = message.strip()
    if not by.has_perm("innovations.change_replication", locked):
        raise ValidationError(_("Cette innovation n'est plus publiée : la déclaration ne se modifie plus."))
    previous = locked.status
    if status != previous and previous not in REPLICATION_TRANSITIONS[ReplicationStatus(status)].sources:
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
        _notify(notices.REPLICATION_UPDATED, team_users(innovation), innovation, reply_to=by if message else None,
                anchor="#essaimages",
                text=_message_excerpt(message) or f"{locked.organisation} ({locked.territory}) : "
                                                  f"{locked.get_status_display().lower()}",
                title=innovation.title, url=innovation.get_absolute_url(), organisation=str(locked.organisation),
                territory=str(locked.territory), status=locked.get_status_display(),
                status_changed="1" if status != previous else "", declarer=by.full_name or _("Un agent"),
                message=message)
    return locked
