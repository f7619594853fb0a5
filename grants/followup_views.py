"""Pages of the follow-up of a grant (team and instructeurs), dashboards, exports and the open
data of conventions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from essaimage.permissions import get_object_for
from grants import (
    decision_services, exports, followup_services, review_forms, review_selectors, scdl,
)
from grants.enums import GRANT_TRANSITIONS, MILESTONE_TRANSITIONS, GrantAction, MilestoneAction, MilestoneKind
from grants.models import Call, Hearing, Milestone, Programme
from grants.review_views import call_for
from innovations.models import Replication


CHECKABLE = MILESTONE_TRANSITIONS[MilestoneAction.VALIDATE].sources


def _flash(request, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)


def grant_for(user, perm: str, application_pk):
    return get_object_for(user, perm, review_selectors.grant_page_queryset(), application_id=application_pk)


def _grant_context(request, grant, **forms):
    application = grant.application
    user = request.user
    milestones = list(application.milestones.all())
    is_instructor = user.has_perm("grants.manage_grant", grant)
    is_team = user.has_perm("grants.answer_hearing", grant)
    releases = {r.milestone_id: r for r in grant.releases.all()}
    released = sum((r.amount for r in releases.values()), decision_services.CENTS * 0)
    rows = []
    replications = None  # fetched once, only if a replication milestone waits for its check
    for milestone in milestones:
        state = milestone.state
        row = {"milestone": milestone, "state": state,
               "tranche": followup_services.tranche_amount(milestone, grant, milestones),
               "release": releases.get(milestone.pk)}
        if grant.state.is_running and is_team and state.is_reportable:
            row["report_form"] = forms.get(f"report_{milestone.pk}") or review_forms.MilestoneReportForm(
                prefix=f"m{milestone.pk}")
        if grant.state.is_running and is_instructor and state in CHECKABLE:
            if replications is None and MilestoneKind(milestone.kind).is_replication:
                replications = _replications(application)
            row["check_form"] = forms.get(f"check_{milestone.pk}") or review_forms.MilestoneCheckForm(
                prefix=f"m{milestone.pk}", replications=replications or (),
                needs_replication=MilestoneKind(milestone.kind).is_replication)
        rows.append(row)
    hearings = list(grant.hearings.all())
    open_hearing = next((h for h in hearings if h.closed_at is None), None)
    awaiting_convention = grant.status in GRANT_TRANSITIONS[GrantAction.SIGN_CONVENTION].sources
    context = {
        "grant": grant, "application": application, "rows": rows, "released": released,
        "awaiting_convention": awaiting_convention, "today": timezone.localdate(),
        "remaining": grant.amount_granted - released, "is_instructor": is_instructor, "is_team": is_team,
        "hearings": hearings, "open_hearing": open_hearing,
        "budget_lines": list(application.budget_lines.all()),
        "reached": [m.replication for m in milestones if m.replication_id],
    }
    if is_instructor:
        if awaiting_convention:
            context["sign_form"] = forms.get("sign") or review_forms.SignConventionForm()
        if grant.state.is_running and open_hearing is None:
            context["hearing_form"] = forms.get("hearing") or review_forms.HearingOpenForm()
        if grant.state.is_running and open_hearing is None and any(h.closed_at for h in hearings):
            context["end_form"] = forms.get("end") or review_forms.GrantEndForm()
    if is_team and open_hearing is not None:
        context["answer_form"] = forms.get("answer") or review_forms.HearingAnswerForm()
    return context


def _replications(application) -> list:
    return list(Replication.objects.filter(innovation_id=application.innovation_id)
                .select_related("territory", "organisation").order_by("-created_at"))


def grant_detail(request, application_pk):
    grant = grant_for(request.user, "grants.view_grant", application_pk)
    return render(request, "grants/followup/grant.html", _grant_context(request, grant))


@require_POST
def sign_convention(request, application_pk):
    grant = grant_for(request.user, "grants.manage_grant", application_pk)
    form = review_forms.SignConventionForm(request.POST)
    if not form.is_valid():
        return render(request, "grants/followup/grant.html", _grant_context(request, grant, sign=form), status=400)
    try:
        decision_services.grant_transition(grant=grant, action=GrantAction.SIGN_CONVENTION, by=request.user)
    except ValidationError as error:
        _flash(request, error)
        return redirect("grants:grant_detail", application_pk=application_pk)
    messages.success(request, _("La convention est enregistrée comme signée : la subvention commence."))
    return redirect("grants:grant_detail", application_pk=application_pk)


def _milestone(grant, pk) -> Milestone:
    return get_object_for(None, None, Milestone.objects.filter(application_id=grant.application_id).select_related(
        "application__call__programme", "application__innovation"), pk=pk)


@require_POST
def milestone_report(request, application_pk, pk):
    grant = grant_for(request.user, "grants.view_grant", application_pk)
    milestone = _milestone(grant, pk)
    if not request.user.has_perm("grants.report_milestone", milestone):
        raise Http404
    form = review_forms.MilestoneReportForm(request.POST, request.FILES, prefix=f"m{milestone.pk}")
    if form.is_valid():
        try:
            followup_services.milestone_transition(
                milestone=milestone, action=MilestoneAction.REPORT, by=request.user,
                message=form.cleaned_data["report"], evidence=form.cleaned_data.get("evidence"),
                evidence_type=form.cleaned_data.get("evidence_type", ""))
        except ValidationError as error:
            _flash(request, error)
        else:
            messages.success(request, _("Votre compte rendu du jalon « %(title)s » est transmis à l’instruction.")
                             % {"title": milestone.title})
            return redirect("grants:grant_detail", application_pk=application_pk)
    else:
        messages.error(request, _("Le compte rendu n’est pas transmis : corrigez le formulaire, ce que vous avez "
                                  "saisi est conservé."))
    return render(request, "grants/followup/grant.html",
                  _grant_context(request, grant, **{f"report_{milestone.pk}": form}), status=400)


@require_POST
def milestone_check(request, application_pk, pk):
    grant = grant_for(request.user, "grants.view_grant", application_pk)
    milestone = _milestone(grant, pk)
    if not request.user.has_perm("grants.check_milestone", milestone):
        raise Http404
    replications = _replications(grant.application)
    form = review_forms.MilestoneCheckForm(request.POST, prefix=f"m{milestone.pk}", replications=replications,
                                           needs_replication=MilestoneKind(milestone.kind).is_replication)
    if form.is_valid():
        validate = form.cleaned_data["decision"] == form.VALIDATE
        try:
            followup_services.milestone_transition(
                milestone=milestone, action=MilestoneAction.VALIDATE if validate else MilestoneAction.RETURN,
                by=request.user, message=form.cleaned_data.get("message") or "",
                replication=form.cleaned_data.get("replication"))
        except ValidationError as error:
            _flash(request, error)
        else:
            messages.success(request, _("Jalon validé : sa tranche est versée.") if validate
                             else _("Le jalon est renvoyé à l’équipe."))
            return redirect("grants:grant_detail", application_pk=application_pk)
    return render(request, "grants/followup/grant.html",
                  _grant_context(request, grant, **{f"check_{milestone.pk}": form}), status=400)


def milestone_evidence(request, application_pk, pk):
    grant = grant_for(request.user, "grants.view_grant", application_pk)
    milestone = _milestone(grant, pk)
    if not milestone.evidence:
        raise Http404
    return FileResponse(milestone.evidence.open("rb"), as_attachment=True, filename=milestone.evidence_name,
                        content_type=milestone.evidence_type or "application/octet-stream")


def financial_report(request, application_pk):
    grant = grant_for(request.user, "grants.view_grant", application_pk)
    lines = list(grant.application.budget_lines.all())
    can_edit = request.user.has_perm("grants.report_financial", grant) and grant.financial_report_submitted_at is None
    form = review_forms.FinancialReportForm(request.POST or None, lines=lines,
                                            initial={"comment": grant.financial_report_comment})
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if form.is_valid():
            submit = request.POST.get("action") == "submit"
            try:
                followup_services.financial_report_save(grant=grant, by=request.user, spent=form.spent(),
                                                        comment=form.cleaned_data["comment"], submit=submit)
            except ValidationError as error:
                _flash(request, error)
                status = 400
            else:
                messages.success(request, _("Votre compte rendu financier est transmis.") if submit
                                 else _("Votre compte rendu financier est enregistré (brouillon)."))
                return redirect("grants:financial_report", application_pk=application_pk)
        else:
            status = 400
            messages.error(request, _("Le compte rendu n’est pas enregistré : corrigez le formulaire, ce que vous avez "
                                      "saisi est conservé."))
    planned = sum((line.planned_amount for line in lines), decision_services.CENTS * 0)
    spent = sum((line.spent_amount or 0 for line in lines), decision_services.CENTS * 0)
    return render(request, "grants/followup/financial_report.html", {
        "grant": grant, "application": grant.application, "form": form, "can_edit": can_edit, "lines": lines,
        "planned_total": planned, "spent_total": spent}, status=status)


@require_POST
def hearing_open(request, application_pk):
    grant = grant_for(request.user, "grants.manage_grant", application_pk)
    form = review_forms.HearingOpenForm(request.POST)
    if form.is_valid():
        try:
            followup_services.hearing_open(grant=grant, by=request.user, purpose=form.cleaned_data["purpose"],
                                           reason=form.cleaned_data["reason"], deadline=form.cleaned_data["deadline"],
                                           proposed_amount=form.cleaned_data.get("proposed_amount"))
        except ValidationError as error:
            _flash(request, error)
        else:
            messages.success(request, _("La procédure contradictoire est ouverte : l’équipe est prévenue."))
            return redirect("grants:grant_detail", application_pk=application_pk)
    return render(request, "grants/followup/grant.html", _grant_context(request, grant, hearing=form), status=400)


@require_POST
def hearing_answer(request, application_pk, pk):
    grant = grant_for(request.user, "grants.answer_hearing", application_pk)
    hearing = get_object_for(None, None, Hearing.objects.filter(grant=grant), pk=pk)
    form = review_forms.HearingAnswerForm(request.POST)
    if form.is_valid():
        try:
            followup_services.hearing_answer(hearing=hearing, by=request.user, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            _flash(request, error)
        else:
            messages.success(request, _("Vos observations sont transmises à l’instruction."))
            return redirect("grants:grant_detail", application_pk=application_pk)
    return render(request, "grants/followup/grant.html", _grant_context(request, grant, answer=form), status=400)


@require_POST
def hearing_close(request, application_pk, pk):
    grant = grant_for(request.user, "grants.manage_grant", application_pk)
    hearing = get_object_for(None, None, Hearing.objects.filter(grant=grant), pk=pk)
    try:
        followup_services.hearing_close(hearing=hearing, by=request.user)
        messages.success(request, _("La procédure contradictoire est close."))
    except ValidationError as error:
        _flash(request, error)
    return redirect("grants:grant_detail", application_pk=application_pk)


@require_POST
def grant_end(request, application_pk):
    grant = grant_for(request.user, "grants.manage_grant", application_pk)
    form = review_forms.GrantEndForm(request.POST)
    if form.is_valid():
        reduce = form.cleaned_data["action"] == form.REDUCE
        try:
            decision_services.grant_transition(
                grant=grant, action=GrantAction.REDUCE if reduce else GrantAction.WITHDRAW, by=request.user,
                message=form.cleaned_data["motivation"], amount=form.cleaned_data.get("amount"))
        except ValidationError as error:
            _flash(request, error)
        else:
            messages.success(request, _("La subvention est réduite.") if reduce else _("La subvention est retirée."))
            return redirect("grants:grant_detail", application_pk=application_pk)
    return render(request, "grants/followup/grant.html", _grant_context(request, grant, end=form), status=400)


# --- Dashboards and exports ---------------------------------------------------------------

def call_dashboard(request, call_pk):
    call = call_for(request.user, "grants.view_call_dashboard", call_pk)
    return render(request, "grants/exports/dashboard.html", {
        "call": call, "board": review_selectors.call_dashboard(call), "title": call.title})


def programme_dashboard(request, pk):
    programme = get_object_for(request.user, "grants.view_programme_dashboard",
                               Programme.objects.select_related("funder"), pk=pk)
    return render(request, "grants/exports/dashboard.html", {
        "programme": programme, "board": review_selectors.programme_dashboard(programme),
        "title": programme.title,
        "calls": list(Call.objects.filter(programme=programme).order_by("-opens_at", "pk"))})


def export(request, call_pk, kind):
    call = call_for(request.user, "grants.view_call_dashboard", call_pk)
    if kind not in exports.EXPORTS:
        raise Http404
    return exports.EXPORTS[kind](call)


@login_not_required
def open_data(request):
    return render(request, "grants/exports/open_data.html", {
        "columns": scdl.COLUMNS, "column_docs": scdl.COLUMN_DOCS, "count": review_selectors.open_data_grants().count()})


@login_not_required
def open_data_csv(request):
    return scdl.response(review_selectors.open_data_grants())
