import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.http import require_POST

from essaimage import hooks, uploads, versioned_cache
from essaimage.permissions import get_object_for
from innovations import catalogue_version, forms, revisions, rules, selectors, services, wording
from innovations.enums import SUBMITTABLE, ModerationAction, Status
from innovations.models import Attachment, BusinessModel, Replication, Revision


def _innovation_for(user, perm: str, slug) -> "selectors.Innovation":
    """The innovation's page data if `user` has `perm` on it, else 404 (essaimage.permissions)."""
    return get_object_for(user, perm, selectors.innovation_page_queryset(), slug=slug)


def _visible_or_404(user, slug):
    return _innovation_for(user, "innovations.view_innovation", slug)


def _team_or_404(user, slug):
    return _innovation_for(user, "innovations.change_innovation", slug)


def _flash_errors(request, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)


@login_not_required
def catalogue(request):
    context = selectors.catalogue(params=request.GET, page_number=request.GET.get("page"))
    context["query_without_page"] = context["link_query"]
    return render(request, "innovations/innovation_list.html", context)


DETAIL_TEMPLATE = "innovations/innovation_detail.html"
DETAIL_CONTENT_TEMPLATE = "innovations/partials/detail_content.html"


@login_not_required
def detail(request, slug):
    if not request.user.is_authenticated:
        return _public_detail(request, slug)
    innovation = _visible_or_404(request.user, slug)
    context = _detail_context(request, innovation)
    context["innovation_sections"] = hooks.collect("innovation_sections", request, innovation)
    return render(request, DETAIL_TEMPLATE, context)


# Where the apps' sections go in an anonymous visitor's cached content: they are rendered at each
# request (events, grants and prizes change without moving the catalogue version on).
SECTIONS_MARK = mark_safe("<!--essaimage:innovation-sections-->")


def _public_detail(request, slug):
    """An anonymous visitor's page. Its content is the same for every anonymous visitor (their
    rights are those of nobody: no team, moderation or own declaration parts, no form), so each
    process renders it once per catalogue version (any write to a published innovation, its
    attachments, grid, funding, team, replications or organisations moves it on:
    innovations.signals) and keeps it (shared=False: a round trip to the shared cache costs about
    what rendering it costs). The rest of the page (header, messages, nonces) is rendered each
    time. The version is read before the row, so the content is never older than its version;
    a page that is not public is a 404, cached or not: the row and its rights are checked first."""
    version = catalogue_version.current_version()
    innovation = get_object_for(request.user, "innovations.view_innovation",
                                selectors.innovation_page_queryset().prefetch_related(None)
                                .defer(*selectors.SEARCH_FIELDS), slug=slug)
    sheet_url = request.build_absolute_uri(innovation.get_absolute_url())
    where = hashlib.sha256(sheet_url.encode()).hexdigest()[:16]  # the page prints its address

    def content():
        selectors.prefetch_innovation_page(innovation)
        # Its themes from the catalogue's labels, read once per catalogue version (no query).
        selectors.attach_themes([innovation], selectors.catalogue_labels(version))
        return render_to_string(DETAIL_CONTENT_TEMPLATE, {**_detail_context(request, innovation),
                                                          "sections_mark": SECTIONS_MARK}, request=request)

    cached = versioned_cache.cached(
        f"innovation-page:{innovation.pk}:{innovation.updated_at.timestamp()}:{get_language()}:{where}",
        version, content, shared=False)
    sections = render_to_string("innovations/partials/sections.html", {
        "innovation": innovation, "innovation_sections": hooks.collect("innovation_sections", request, innovation)},
        request=request)
    page = mark_safe(cached.replace(SECTIONS_MARK, sections))
    return render(request, DETAIL_TEMPLATE, {"innovation": innovation, "public_content": page})


def _detail_context(request, innovation) -> dict:
    user = request.user
    # The visitor's own declaration (latest first, from the prefetched rows): offered for update
    # instead of a second declaration.
    own_replication = next((replication for replication in innovation.replications.all()
                            if user.is_authenticated and replication.declared_by_id == user.pk), None)
    if own_replication is not None and not user.has_perm("innovations.change_replication", own_replication):
        own_replication = None
    actions = rules.allowed_actions(user, innovation)
    context = {
        "innovation": innovation,
        "summary": selectors.replication_summary(innovation),
        "own_replication": own_replication,
        "sheet_url": request.build_absolute_uri(innovation.get_absolute_url()),
        "grid": getattr(innovation, "business_model", None),
        "is_team": user.has_perm("innovations.change_innovation", innovation),
        "can_submit": ModerationAction.SUBMIT in actions,
        "is_moderator": user.has_perm("innovations.moderate_innovation", innovation),
        # {"publish": True, ...}: the moderation panel offers exactly these.
        "allowed": {action.value: True for action in actions},
        "can_replicate": own_replication is None and user.has_perm("innovations.add_replication", innovation),
        "missing": services.missing_for_submission(innovation)
        if innovation.status in SUBMITTABLE else [],
    }
    if user.has_perm("innovations.view_moderation_history", innovation):
        context["history"] = selectors.moderation_history(innovation)
        context["revisions"] = innovation.revisions.select_related("author")[:10]
    if context["grid"] is not None:
        context["completeness"] = context["grid"].completeness()
    return context


def revision(request, slug, pk):
    """One version of a sheet compared with the one before it (team and moderators only)."""
    innovation = _innovation_for(request.user, "innovations.view_moderation_history", slug)
    try:
        version, previous, changes = revisions.comparison(innovation, pk)
    except Revision.DoesNotExist:
        raise Http404 from None
    return render(request, "innovations/revision_detail.html", {
        "innovation": innovation, "revision": version, "previous": previous, "changes": changes})


# The edit form's sections, in order: (anchor, title, whether submission needs something there).
FORM_SECTIONS = [
    ("section-identite", _lazy("Identité"), True),
    ("section-solution", _lazy("Problème et solution"), True),
    ("section-porteur", _lazy("Territoire et porteur"), True),
    ("section-resultats", _lazy("Résultats, coûts et liens"), False),
    ("grille", _lazy("Grille du modèle économique"), True),
    ("pieces-jointes", _lazy("Pièces jointes"), False),
]


def form_sections(checklist: list[services.MissingPart]) -> list[dict]:
    """Each section of the edit form with what submission still needs in it."""
    sections = []
    for anchor, title, needed in FORM_SECTIONS:
        missing = [part for part in checklist if part.section == anchor]
        if not needed:
            state = _("facultatif")
        elif missing:
            state = ngettext("%(count)s champ à compléter", "%(count)s champs à compléter", len(missing)) % {
                "count": len(missing)}
        else:
            state = _("complet")
        sections.append({"anchor": anchor, "title": title, "state": state, "missing": missing,
                         "complete": needed and not missing})
    return sections


class InnovationEditView(View):
    """Create (no slug) or edit an innovation: save as draft, or save and submit. The same form
    adds or removes attachments, saving the draft at the same time: nothing typed is lost."""

    template_name = "innovations/innovation_form.html"

    def get_innovation(self):
        slug = self.kwargs.get("slug")
        return _team_or_404(self.request.user, slug) if slug else None

    def forms(self, innovation, data=None, files=None):
        grid = getattr(innovation, "business_model", None) if innovation else None
        return (
            forms.InnovationForm(data, instance=innovation, user=self.request.user),
            forms.BusinessModelForm(data, instance=grid or BusinessModel()),
            forms.funding_formset(data, grid),
            forms.AttachmentForm(data, files, optional=True),
        )

    def render_forms(self, innovation, form, grid_form, funding, attachment_form, status=200, stale=None):
        completeness = None
        if grid_form.instance.pk:
            completeness = grid_form.instance.completeness()
        checklist = services.submission_checklist(innovation)
        return render(self.request, self.template_name, {
            "innovation": innovation, "form": form, "grid_form": grid_form, "funding": funding,
            "attachment_form": attachment_form, "completeness": completeness,
            "attachments": list(innovation.attachments.all()) if innovation else [],
            "checklist": checklist, "sections": form_sections(checklist),
            "stale": stale,
            "can_submit": innovation is None or innovation.status in SUBMITTABLE,
        }, status=status)

    def get(self, request, slug=None):
        innovation = self.get_innovation()
        return self.render_forms(innovation, *self.forms(innovation))

    def post(self, request, slug=None):
        innovation = self.get_innovation()
        form, grid_form, funding, attachment_form = self.forms(innovation, request.POST, request.FILES)
        if not all(f.is_valid() for f in (form, grid_form, funding, attachment_form)):
            messages.error(request, _("Le formulaire contient des erreurs : rien n’a été enregistré, "
                                      "ce que vous avez saisi est conservé ci-dessous."))
            return self.render_forms(innovation, form, grid_form, funding, attachment_form)
        upload = attachment_form.cleaned_data.get("file")
        try:
            with transaction.atomic():
                saved = services.innovation_save(
                    innovation=innovation, by=request.user, data=form.service_data(),
                    themes=form.cleaned_data["themes"],
                    grid={name: grid_form.cleaned_data[name] for name in BusinessModel.TEXT_PARTS},
                    funding=funding.sources(), coauthors=form.cleaned_data["coauthors"],
                    creation_token=form.cleaned_data.get("form_token") if innovation is None else None,
                    base_revision=form.cleaned_data.get("base_revision") if innovation is not None else None,
                )
                added = removed = None
                if upload:
                    added = services.attachment_add(
                        innovation=saved, by=request.user, upload=upload,
                        content_type=attachment_form.cleaned_data["content_type"],
                        description=attachment_form.cleaned_data["description"])
                if request.POST.get("remove_attachment", "").isdigit():
                    removed = saved.attachments.filter(pk=request.POST["remove_attachment"]).first()
                    if removed is not None:
                        services.attachment_delete(attachment=removed, by=request.user)
        except services.StaleEdit as error:
            return self.render_stale(innovation, error, {**form.cleaned_data, **grid_form.cleaned_data})
        except (ValidationError, PermissionDenied) as error:
            messages.error(request,
                           " ".join(getattr(error, "messages", [])) or _("Cette fiche ne peut plus être modifiée."))
            return self.render_forms(innovation, form, grid_form, funding, attachment_form, status=409)
        if added is not None:
            messages.success(request, _("Pièce jointe « %(name)s » ajoutée.") % {"name": added.original_name})
        if removed is not None:
            messages.success(request, _("Pièce jointe « %(name)s » supprimée.") % {"name": removed.original_name})
        if form.deferred_errors:  # saved without the SIRET: its error beside what the person typed
            data = request.POST.copy()
            data["base_revision"] = str(services.latest_revision_id(saved))  # this save is not a stale edit
            form, grid_form, funding, attachment_form = self.forms(saved, data, None)
            for bound in (form, grid_form, funding, attachment_form):
                bound.is_valid()
            form.show_deferred_errors()
            messages.warning(request, _("Votre fiche est enregistrée, sauf le SIRET de l’organisation, "
                                        "à corriger ci-dessous."))
            return self.render_forms(saved, form, grid_form, funding, attachment_form)
        if request.POST.get("action") == "submit" and saved.status in SUBMITTABLE:
            try:
                services.innovation_transition(innovation=saved, action=ModerationAction.SUBMIT, by=request.user)
            except ValidationError as error:
                _flash_errors(request, error)
                messages.info(request, _("Votre brouillon est enregistré."))
                return redirect("innovations:update", slug=saved.slug)
            messages.success(request, _("Votre innovation est soumise : l’équipe de modération va la relire."))
            return redirect(saved)
        if saved.status == Status.PUBLISHED:
            messages.success(request, _("Vos modifications sont enregistrées et déjà visibles dans le catalogue."))
        else:
            messages.success(request, _("Vos modifications sont enregistrées."))
        if saved.status in SUBMITTABLE or added is not None or removed is not None:
            return redirect("innovations:update", slug=saved.slug)
        return redirect(saved)

    def render_stale(self, innovation, error, typed: dict):
        """Someone saved the sheet since this form was opened: nothing is saved. The form comes
        back with what the user typed; fields they left alone take the newer version, and the
        form now carries the newer version (saving again is a choice made knowingly)."""
        data = self.request.POST.copy()
        base = innovation.revisions.filter(pk=data.get("base_revision") or 0).first()
        latest = error.since[-1] if error.since else None
        merged, kept = [], []
        if base is not None and latest is not None:
            grid = {part: f"grid-{part}" for part in BusinessModel.TEXT_PARTS}
            names = {name: name for name in services.REVISION_FIELDS} | grid
            changed = {name for revision in error.since for name in revision.changed_fields}
            for name in (n for n in revisions.FIELDS if n in changed):
                key = names.get(name)
                if key is None:
                    kept.append(name)  # themes, territory, team, funding: shown, left as typed
                elif typed.get(name) == base.data.get(name, ""):
                    data[key] = latest.data.get(name, "")
                    merged.append(name)
                else:
                    kept.append(name)
        data["base_revision"] = str(services.latest_revision_id(innovation))
        form, grid_form, funding, attachment_form = self.forms(innovation, data, None)
        for bound in (form, grid_form, funding, attachment_form):
            bound.is_valid()
        return self.render_forms(innovation, form, grid_form, funding, attachment_form, status=409, stale={
            "message": error.messages[0], "since": error.since, "merged": merged, "kept": kept,
            "lost_file": bool(self.request.FILES)})


@require_POST
def submit(request, slug):
    innovation = _innovation_for(request.user, "innovations.submit_innovation", slug)
    try:
        services.innovation_transition(innovation=innovation, action=ModerationAction.SUBMIT, by=request.user)
        messages.success(request, _("Votre innovation est soumise : l'équipe de modération va la relire."))
    except ValidationError as error:
        _flash_errors(request, error)
    return redirect(innovation)


@require_POST
def moderate(request, slug):
    innovation = _innovation_for(request.user, "innovations.moderate_innovation", slug)
    form = forms.ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Action de modération inconnue."))
        return redirect(innovation)
    try:
        decided = services.innovation_transition(innovation=innovation, action=form.cleaned_data["action"],
                                                 by=request.user, message=form.cleaned_data["message"])
    except ValidationError as error:
        _flash_errors(request, error)
        return render(request, "innovations/innovation_moderate.html",
                      {"innovation": innovation, "form": form}, status=400)
    messages.success(request, wording.decision_done(form.cleaned_data["action"], decided.title))
    return redirect("innovations:moderation")


def moderation_queue(request):
    if not request.user.has_perm("innovations.moderate_innovation"):
        raise Http404
    status = request.GET.get("statut", Status.SUBMITTED)
    if status not in Status.values:
        status = Status.SUBMITTED
    status = Status(status)
    context = selectors.moderation_queue(status=status, page_number=request.GET.get("page"))
    context.update({"status": status, "statuses": Status.choices, "query_without_page": f"statut={status}"})
    return render(request, "innovations/moderation_queue.html", context)


def my_innovations(request):
    return render(request, "innovations/my_innovations.html", selectors.my_innovations(user=request.user))


@require_POST
def attachment_add(request, slug):
    innovation = _team_or_404(request.user, slug)
    form = forms.AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        attachment = services.attachment_add(innovation=innovation, by=request.user, upload=form.cleaned_data["file"],
                                             content_type=form.cleaned_data["content_type"],
                                             description=form.cleaned_data["description"])
        messages.success(request, _("Pièce jointe « %(name)s » ajoutée.") % {"name": attachment.original_name})
    else:
        for error in form.errors.get("file", []):
            messages.error(request, error)
    return redirect("innovations:update", slug=innovation.slug)


@require_POST
def attachment_delete(request, slug, pk):
    innovation = _team_or_404(request.user, slug)
    attachment = get_object_for(request.user, None, Attachment.objects.filter(innovation=innovation), pk=pk)
    services.attachment_delete(attachment=attachment, by=request.user)
    messages.success(request, _("Pièce jointe supprimée."))
    return redirect("innovations:update", slug=innovation.slug)


@login_not_required
def attachment_download(request, slug, pk):
    innovation = _visible_or_404(request.user, slug)
    attachment = get_object_for(request.user, None, Attachment.objects.filter(innovation=innovation), pk=pk)
    # Older rows kept the sender's name: the served name is rebuilt from the checked type.
    filename = uploads.safe_filename(attachment.original_name, attachment.content_type)
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=filename,
                            content_type=attachment.content_type)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


class ReplicationCreateView(View):
    template_name = "innovations/replication_form.html"

    def setup_innovation(self, request, slug):
        return _innovation_for(request.user, "innovations.add_replication", slug)

    @staticmethod
    def to_existing_declaration(request, innovation):
        """One declaration per agent and innovation: a second one is an update of the first."""
        existing = (Replication.objects.filter(innovation=innovation, declared_by=request.user)
                    .order_by("-created_at", "-pk").first())
        if existing is None:
            return None
        messages.info(request, _("Vous avez déjà déclaré l’essaimage de cette innovation\u00a0: "
                                 "mettez à jour votre déclaration ci-dessous."))
        return redirect("innovations:replication_update", pk=existing.pk)

    def get(self, request, slug):
        innovation = self.setup_innovation(request, slug)
        if existing := self.to_existing_declaration(request, innovation):
            return existing
        return render(request, self.template_name,
                      {"innovation": innovation,
                       "form": forms.ReplicationForm(user=request.user, innovation=innovation)})

    def post(self, request, slug):
        innovation = self.setup_innovation(request, slug)
        if existing := self.to_existing_declaration(request, innovation):
            return existing
        form = forms.ReplicationForm(request.POST, user=request.user, innovation=innovation)
        if form.is_valid():
            try:
                services.replication_declare(  # finds or creates the typed organisation in its transaction
                    innovation=innovation, by=request.user, organisation=form.organisation(),
                    territory=form.cleaned_data["territory"], scaling_mode=form.cleaned_data["scaling_mode"],
                    status=form.cleaned_data["status"], adaptations=form.cleaned_data["adaptations"],
                    parent=form.cleaned_data.get("parent"), message=form.cleaned_data["message"],
                )
            except ValidationError as error:
                if error.code == "duplicate" and (existing := self.to_existing_declaration(request, innovation)):
                    return existing
                form.add_error(None, error)
            else:
                messages.success(request, _("Merci\u202f! Votre essaimage est déclaré\u00a0; "
                                            "l’équipe de l’innovation est prévenue par e-mail."))
                return redirect(innovation)
        return render(request, self.template_name, {"innovation": innovation, "form": form})


class ReplicationUpdateView(View):
    template_name = "innovations/replication_update.html"

    def get_replication(self, request, pk):
        return get_object_for(request.user, "innovations.change_replication",
                              Replication.objects.select_related("innovation", "organisation", "territory"), pk=pk)

    def get(self, request, pk):
        replication = self.get_replication(request, pk)
        return render(request, self.template_name,
                      {"replication": replication, "form": forms.ReplicationUpdateForm(instance=replication)})

    def post(self, request, pk):
        replication = self.get_replication(request, pk)
        form = forms.ReplicationUpdateForm(request.POST, instance=Replication.objects.get(pk=pk))
        if form.is_valid():
            try:
                services.replication_update(replication=replication, by=request.user, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Votre déclaration d’essaimage est mise à jour."))
                return redirect(replication.innovation.get_absolute_url() + "#essaimages")
        return render(request, self.template_name, {"replication": replication, "form": form})
