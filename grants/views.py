"""Pages of programmes, calls, applications and their instruction. Every object is fetched through
`get_object_for` (missing or not permitted: 404); every write goes through grants/services.py."""

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from essaimage import uploads
from essaimage.permissions import get_object_for
from essaimage.selectors import audit_entries_for
from grants import forms, rules, selectors, services
from grants.enums import TEAM_ACTIONS, ApplicationAction, ApplicationPart, MilestoneKind
from grants.models import Annotation, Application, ApplicationDocument, Call, Message, Programme
from grants.wording import paris_datetime_full, time_left
from innovations.models import Innovation


def _flash_errors(request, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)


def _application_for(user, perm, pk) -> Application:
    return get_object_for(user, perm, selectors.application_page_queryset(), pk=pk)


def _require_instructeur(user):
    if not user.has_perm("grants.manage_grants"):
        raise Http404


# --- Public pages ----------------------------------------------------------------------------

@login_not_required
def call_list(request):
    context = selectors.call_list(params=request.GET, page_number=request.GET.get("page"))
    return render(request, "grants/call_list.html", context)


def call_state(call, now=None) -> dict:
    """What the call's page and cards say about its phase: « clôture le … (heure de Paris), dans 5 jours »."""
    now = now or timezone.now()
    phase = call.phase_at(now)
    return {"phase": phase, "opens": paris_datetime_full(call.opens_at), "closes": paris_datetime_full(call.closes_at),
            "left": time_left(call.closes_at, now) if phase.is_open else time_left(call.opens_at, now)}


@login_not_required
def call_detail(request, slug):
    call = get_object_for(request.user, "grants.view_call", selectors.call_page_queryset(), slug=slug)
    user = request.user
    context = {
        "call": call, "state": call_state(call), "criteria": list(call.criteria.all()),
        "median_days": selectors.median_decision_days(call),
        "can_manage": user.has_perm("grants.change_call", call),
    }
    if user.is_authenticated:
        context["my_applications"] = [a for a in selectors.my_applications(user) if a.call_id == call.pk]
    return render(request, "grants/call_detail.html", context)


# --- Applying --------------------------------------------------------------------------------

def apply(request, slug):
    """Choose which of the team's published innovations applies; each ineligible one says why."""
    call = get_object_for(request.user, "grants.view_call", selectors.call_page_queryset(), slug=slug)
    innovations = list(Innovation.objects.filter(members__user=request.user).select_related("organisation")
                       .prefetch_related("members").order_by("title").distinct())
    existing = {a.innovation_id: a for a in Application.objects.filter(call=call, innovation__in=innovations)}
    choices = []
    for innovation in innovations:
        problems = [] if request.user.has_perm("grants.apply", innovation) else [
            _("l’innovation doit être publiée dans le catalogue")]
        problems = problems or services.eligibility_problems(call, innovation)
        choices.append({"innovation": innovation, "problems": problems, "application": existing.get(innovation.pk)})
    if request.method == "POST":
        innovation = get_object_for(request.user, "grants.apply", Innovation, pk=request.POST.get("innovation"))
        try:
            application = services.application_create(call=call, innovation=innovation, by=request.user)
        except services.AlreadyApplied as error:
            messages.info(request, error.messages[0])
            return redirect("grants:application_update", pk=error.application.pk)
        except ValidationError as error:
            _flash_errors(request, error)
        else:
            messages.success(request, _("Votre brouillon de demande est créé : complétez-le, il s’enregistre à tout "
                                        "moment."))
            return redirect("grants:application_update", pk=application.pk)
    return render(request, "grants/apply.html", {"call": call, "state": call_state(call), "choices": choices})


def _prefill(application) -> dict:
    """What the innovation's sheet already says: its grid's funding sources, the territories
    where it is being taken up."""
    innovation = application.innovation
    grid = getattr(innovation, "business_model", None)
    fundings = [{"source": source.label} for source in grid.funding_sources.all()] if grid is not None else []
    territories = [r.territory for r in innovation.replications.select_related("territory")
                   .filter(status__in=["interesse", "en_cours"])[:10]]
    return {"fundings": fundings, "target_territories": territories}


def _initial_texts(application) -> dict:
    """Texts of the grid offered in an empty draft (the team changes them as it likes)."""
    grid = getattr(application.innovation, "business_model", None)
    if grid is None:
        return {}
    return {"scaling_partners": grid.key_partners, "transfer_kit": "\n".join(
        part for part in (grid.transfer_skills, grid.transfer_budget, grid.transfer_time, grid.transfer_legal) if part)}


class ApplicationEditView(View):
    """The application form: every part of a draft, or the parts an information request reopened.
    « Enregistrer le brouillon » at any time (nothing typed lost); « Déposer » / « Renvoyer »
    saves then runs the transition, whose refusal (checklist, closing time) keeps the draft."""

    template_name = "grants/application_form.html"

    def get_application(self, request, pk):
        application = _application_for(request.user, "grants.team_application", pk)
        if not request.user.has_perm("grants.change_application", application):
            messages.info(request, _("Cette demande ne se modifie plus."))
            return None, redirect(application)
        return application, None

    def build(self, application, data=None, files=None):
        parts = services.open_parts(application)
        bound = forms.ApplicationForms(application, parts, data, files, prefill=_prefill(application))
        if data is None and application.version == 1 and not application.scaling_partners:
            if bound.scaling is not None:
                for name, value in _initial_texts(application).items():
                    bound.scaling.initial.setdefault(name, value)
            if bound.project is not None and not application.summary:
                bound.project.initial["summary"] = application.innovation.summary
        return bound

    @staticmethod
    def error_summary(bound) -> list[tuple[str, str]]:
        """(field id, « Label : error ») for every error of every part, in the form's order."""
        rows = []
        for form in bound.all():
            if isinstance(form, django_forms.BaseFormSet):
                rows += [("", str(error)) for error in form.non_form_errors()]
                for number, row in enumerate(form.forms, 1):
                    rows += [(row[name].id_for_label, f"{row.fields[name].label} ({_('ligne')} {number}) : {errors[0]}")
                             for name, errors in row.errors.items() if name in row.fields]
            else:
                rows += [("", str(error)) for error in form.non_field_errors()]
                rows += [(form[name].id_for_label, f"{form.fields[name].label} : {errors[0]}")
                         for name, errors in form.errors.items() if name in form.fields]
        return rows

    def render_forms(self, application, bound, status=200, stale=None):
        checklist = services.application_checklist(application)
        actions = rules.allowed_actions(self.request.user, application)
        info_request = application.info_requests.filter(answered_at__isnull=True).first()
        return render(self.request, self.template_name, {
            "application": application, "call": application.call, "forms": bound,
            "checklist": checklist, "state": call_state(application.call), "stale": stale,
            "error_summary": self.error_summary(bound) if bound.version.is_bound else [],
            "can_submit": ApplicationAction.SUBMIT in actions, "can_complete": ApplicationAction.COMPLETE in actions,
            "info_request": info_request, "parts": ApplicationPart, "milestone_kinds": MilestoneKind,
            "documents": list(application.documents.all()),
            "closed_parts": [part for part in ApplicationPart if part not in bound.parts],
        }, status=status)

    def get(self, request, pk):
        application, response = self.get_application(request, pk)
        if response:
            return response
        return self.render_forms(application, self.build(application))

    def post(self, request, pk):
        application, response = self.get_application(request, pk)
        if response:
            return response
        bound = self.build(application, request.POST, request.FILES)
        if not bound.is_valid():
            messages.error(request, _("Le formulaire contient des erreurs : rien n’a été enregistré, ce que vous avez "
                                      "saisi est conservé ci-dessous."))
            return self.render_forms(application, bound)
        upload = bound.document.cleaned_data.get("file") if bound.document is not None else None
        try:
            with transaction.atomic():
                saved = services.application_save(application=application, by=request.user,
                                                  data=bound.service_input(),
                                                  base_version=bound.version.cleaned_data.get("base_version"))
                if upload:
                    document = services.document_add(
                        application=saved, by=request.user, upload=upload,
                        content_type=bound.document.cleaned_data["content_type"],
                        required_label=bound.document.cleaned_data["required_label"],
                        description=bound.document.cleaned_data["description"])
                    messages.success(request, _("Pièce « %(name)s » ajoutée.") % {"name": document.original_name})
                remove = request.POST.get("remove_document", "")
                if remove.isdigit():
                    document = saved.documents.filter(pk=remove).first()
                    if document is not None:
                        services.document_delete(document=document, by=request.user)
                        messages.success(request, _("Pièce « %(name)s » supprimée.")
                                         % {"name": document.original_name})
        except services.StaleEdit as error:
            fresh = _application_for(request.user, "grants.team_application", pk)
            data = request.POST.copy()
            data["base_version"] = str(fresh.version)
            bound = self.build(fresh, data, None)
            bound.is_valid()
            return self.render_forms(fresh, bound, status=409, stale=error.messages[0])
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [])) or _("Cette demande ne se modifie plus."))
            return self.render_forms(application, bound, status=409)
        action = request.POST.get("action")
        if action in (ApplicationAction.SUBMIT, ApplicationAction.COMPLETE):
            try:
                services.application_transition(application=saved, action=action, by=request.user)
            except ValidationError as error:
                _flash_errors(request, error)
                messages.info(request, _("Votre brouillon est enregistré."))
                return redirect("grants:application_update", pk=saved.pk)
            if action == ApplicationAction.SUBMIT:
                messages.success(request, _("Votre demande est déposée."))
                return redirect("grants:application_receipt", pk=saved.pk)
            messages.success(request, _("Vos compléments sont transmis : la demande revient en instruction."))
            return redirect(saved)
        messages.success(request, _("Votre brouillon est enregistré."))
        return redirect("grants:application_update", pk=saved.pk)


def application_detail(request, pk):
    application = _application_for(request.user, "grants.view_application", pk)
    user = request.user
    is_instructeur = user.has_perm("grants.instruct_application", application)
    actions = rules.allowed_actions(user, application)
    context = {
        "application": application, "call": application.call, "is_instructeur": is_instructeur,
        "is_team": user.has_perm("grants.team_application", application),
        "can_edit": user.has_perm("grants.change_application", application),
        "allowed": {action.value: True for action in actions},
        "team_actions": [a for a in actions if a in TEAM_ACTIONS],
        "message_form": forms.MessageForm() if user.has_perm("grants.post_message", application) else None,
        "info_requests": list(application.info_requests.all()),
        "checklist": services.application_checklist(application) if application.state.is_editable else [],
        "history": audit_entries_for(application, actions=ApplicationAction),
    }
    if is_instructeur:
        # Private annotations: only ever put in the context of the programme's instructeurs.
        context["annotations"] = list(Annotation.objects.filter(application=application).select_related("author"))
        context["annotation_form"] = forms.AnnotationForm()
        context["info_request_form"] = forms.InfoRequestForm() if "request_info" in context["allowed"] else None
    return render(request, "grants/application_detail.html", context)


def application_receipt(request, pk):
    application = _application_for(request.user, "grants.team_application", pk)
    if not application.state.is_submitted:
        raise Http404
    return render(request, "grants/application_receipt.html", {
        "application": application, "submitted": paris_datetime_full(application.submitted_at)})


@require_POST
def application_action(request, pk):
    """The team's withdrawal, the instructeur's « passer en instruction »; the other actions have
    their own forms (deposit in the form, information request, decisions in part 2)."""
    application = _application_for(request.user, "grants.view_application", pk)
    action = request.POST.get("action", "")
    if action not in (ApplicationAction.WITHDRAW, ApplicationAction.START_REVIEW, ApplicationAction.COMPLETE,
                      ApplicationAction.SUBMIT):
        raise Http404
    try:
        services.application_transition(application=application, action=action, by=request.user,
                                        message=request.POST.get("message", "")[:2000])
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        _flash_errors(request, error)
        return redirect(application)
    done = {ApplicationAction.WITHDRAW: _("La demande est retirée."),
            ApplicationAction.START_REVIEW: _("La demande est en instruction."),
            ApplicationAction.COMPLETE: _("Vos compléments sont transmis : la demande revient en instruction."),
            ApplicationAction.SUBMIT: _("Votre demande est déposée.")}
    messages.success(request, done[ApplicationAction(action)])
    if action == ApplicationAction.SUBMIT:
        return redirect("grants:application_receipt", pk=application.pk)
    return redirect(application)


@require_POST
def application_delete(request, pk):
    application = _application_for(request.user, "grants.team_application", pk)
    try:
        services.application_delete_draft(application=application, by=request.user)
    except ValidationError as error:
        _flash_errors(request, error)
        return redirect(application)
    messages.success(request, _("Le brouillon est supprimé."))
    return redirect("grants:mine")


def info_request(request, pk):
    application = _application_for(request.user, "grants.instruct_application", pk)
    form = forms.InfoRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_transition(application=application, action=ApplicationAction.REQUEST_INFO,
                                            by=request.user, message=form.cleaned_data["message"],
                                            parts=form.cleaned_data["parts"], due_date=form.cleaned_data["due_date"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La demande de compléments est envoyée à l’équipe."))
            return redirect(application)
    return render(request, "grants/info_request_form.html", {"application": application, "form": form},
                  status=400 if request.method == "POST" else 200)


@require_POST
def message_post(request, pk):
    application = _application_for(request.user, "grants.post_message", pk)
    form = forms.MessageForm(request.POST, request.FILES)
    if form.is_valid():
        services.message_post(application=application, by=request.user, body=form.cleaned_data["body"],
                              upload=form.cleaned_data.get("attachment"),
                              content_type=form.cleaned_data.get("content_type", ""))
        messages.success(request, _("Votre message est envoyé."))
        return redirect(reverse("grants:application_detail", kwargs={"pk": pk}) + "#messages")
    for field_errors in form.errors.values():
        for error in field_errors:
            messages.error(request, error)
    return redirect(reverse("grants:application_detail", kwargs={"pk": pk}) + "#messages")


@require_POST
def annotation_add(request, pk):
    application = _application_for(request.user, "grants.add_annotation", pk)
    form = forms.AnnotationForm(request.POST)
    if form.is_valid():
        services.annotation_add(application=application, by=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Annotation enregistrée."))
    else:
        messages.error(request, _("Écrivez votre annotation."))
    return redirect(reverse("grants:application_detail", kwargs={"pk": pk}) + "#annotations")


def _download(stored, name, content_type):
    filename = uploads.safe_filename(name, content_type)
    response = FileResponse(stored.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def document_download(request, pk, document_pk):
    application = _application_for(request.user, "grants.view_application", pk)
    document = get_object_for(request.user, None, ApplicationDocument.objects.filter(application=application),
                              pk=document_pk)
    return _download(document.file, document.original_name, document.content_type)


def message_attachment(request, pk, message_pk):
    application = _application_for(request.user, "grants.view_application", pk)
    message = get_object_for(request.user, None, Message.objects.filter(application=application).exclude(
        attachment=""), pk=message_pk)
    return _download(message.attachment, message.attachment_name, message.attachment_type)


def my_applications(request):
    return render(request, "grants/my_applications.html",
                  {"applications": selectors.my_applications(request.user)})


# --- Instructeurs ---------------------------------------------------------------------------

def instruction(request):
    _require_instructeur(request.user)
    return render(request, "grants/instruction_home.html", {"programmes": selectors.instruction_home(request.user)})


def call_applications(request, slug):
    call = get_object_for(request.user, "grants.list_applications", Call.objects.select_related("programme"),
                          slug=slug)
    context = selectors.instruction_list(call=call, params=request.GET, page_number=request.GET.get("page"))
    context.update({"call": call, "state": call_state(call)})
    return render(request, "grants/call_applications.html", context)


class ProgrammeEditView(View):
    template_name = "grants/programme_form.html"

    def get_programme(self, request, slug):
        if slug is None:
            if not request.user.has_perm("grants.add_programme"):
                raise Http404
            return None
        return get_object_for(request.user, "grants.change_programme", Programme, slug=slug)

    def get(self, request, slug=None):
        programme = self.get_programme(request, slug)
        form = forms.ProgrammeForm(instance=programme, user=request.user)
        return render(request, self.template_name, {"programme": programme, "form": form})

    def post(self, request, slug=None):
        programme = self.get_programme(request, slug)
        form = forms.ProgrammeForm(request.POST, instance=programme or Programme(), user=request.user)
        if form.is_valid():
            try:
                services.programme_save(programme=programme, by=request.user,
                                        data={name: form.cleaned_data[name] for name in services.PROGRAMME_FIELDS})
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Le programme est enregistré."))
                return redirect("grants:instruction")
        return render(request, self.template_name, {"programme": programme, "form": form})


class CallEditView(View):
    """Create a call in a programme (optionally copied from a previous call), or edit one."""

    template_name = "grants/call_form.html"

    def setup_objects(self, request, programme_slug=None, slug=None):
        if slug is not None:
            call = get_object_for(request.user, "grants.change_call", Call.objects.select_related("programme"),
                                  slug=slug)
            return call.programme, call, None
        programme = get_object_for(request.user, "grants.add_call", Programme, slug=programme_slug)
        source = None
        if request.GET.get("copie", "").isdigit():
            source = get_object_for(request.user, "grants.change_call", Call, pk=request.GET["copie"])
        return programme, None, source

    def render_form(self, request, programme, call, source, form, status=200):
        copy_form = None
        if call is None:
            calls = Call.objects.filter(programme_id__in=rules.instructed_programme_ids(request.user))
            copy_form = forms.CopyCallForm(calls=calls.order_by("-closes_at"),
                                           initial={"source": source.pk if source else None})
        return render(request, self.template_name, {"programme": programme, "call": call, "source": source,
                                                    "form": form, "copy_form": copy_form}, status=status)

    def get(self, request, programme_slug=None, slug=None):
        programme, call, source = self.setup_objects(request, programme_slug, slug)
        initial = services.call_copy_data(source) if source else {}
        if source:
            initial["title"] = _("%(title)s (copie)") % {"title": source.title}
        form = forms.CallForm(instance=call, initial=initial)
        return self.render_form(request, programme, call, source, form)

    def post(self, request, programme_slug=None, slug=None):
        programme, call, source = self.setup_objects(request, programme_slug, slug)
        form = forms.CallForm(request.POST, instance=call or Call(programme=programme))
        if form.is_valid():
            try:
                saved = services.call_save(call=call, programme=programme, by=request.user, data=form.service_data(),
                                           eligible_territories=form.cleaned_data["eligible_territories"],
                                           themes=form.cleaned_data["themes"], copied_from=source,
                                           base_version=form.cleaned_data.get("base_version") if call else None)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("L’appel est enregistré. Vérifiez ses critères d’évaluation."))
                return redirect("grants:call_criteria", slug=saved.slug)
        return self.render_form(request, programme, call, source, form, status=400)


def call_criteria(request, slug):
    """Re-weight the call's criteria; the scaling criteria stay (proposal 9)."""
    call = get_object_for(request.user, "grants.change_call", Call.objects.select_related("programme"), slug=slug)
    rows = forms.criteria_forms(call, request.POST or None)
    if request.method == "POST":
        valid = [row.is_valid() for row in rows]  # every row validated: all errors shown at once
        if all(valid):
            inputs = [item for item in (row.as_input() for row in rows) if item is not None]
            try:
                services.criteria_save(call=call, by=request.user, rows=inputs)
            except ValidationError as error:
                _flash_errors(request, error)
            else:
                messages.success(request, _("Les critères sont enregistrés."))
                return redirect("grants:call_criteria", slug=call.slug)
        else:
            messages.error(request, _("Corrigez les critères signalés : rien n’a été enregistré."))
    from reviewing.criteria import weight_shares

    criteria = list(call.criteria.all())
    shares = dict(zip([c.pk for c in criteria], weight_shares(criteria), strict=True))
    return render(request, "grants/call_criteria.html", {"call": call, "rows": rows, "shares": shares},
        status=400 if request.method == "POST" else 200)
