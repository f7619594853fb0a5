"""Pages of reviews and decisions: the evaluator's queue and file (conflict question, score
sheet), the instructeur's reviews of a call (automatic assignment, ranking) and of an
application (assignment by hand, scores, decision), the decision letter and the convention."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from essaimage.permissions import get_object_for
from grants import decision_services, review_forms, review_selectors, review_services
from grants.enums import APPLICATION_TRANSITIONS, DECISION_ACTIONS, AssignmentAction, DecisionOutcome
from grants.models import Application, Call, Decision, ReviewAssignment
from reviewing.enums import ConflictAnswer, SheetStatus
from reviewing.forms import ConflictForm, ScoreSheetForm


# The states from which some decision may be taken (refusal and dismissal also from « en attente de compléments »).
DECIDABLE = frozenset().union(*(APPLICATION_TRANSITIONS[action].sources for action in DECISION_ACTIONS))


def _flash(request, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)


def application_queryset():
    return Application.objects.select_related("call__programme__funder", "innovation", "organisation")


def application_page_queryset():
    return application_queryset().prefetch_related("milestones", "budget_lines", "fundings", "target_territories")


def call_for(user, perm: str, call_pk) -> Call:
    return get_object_for(user, perm, Call.objects.select_related("programme__funder"), pk=call_pk)


def application_for(user, perm: str, application_pk) -> Application:
    return get_object_for(user, perm, application_queryset(), pk=application_pk)


# --- Evaluator ----------------------------------------------------------------------------

def review_queue(request):
    if not request.user.has_perm("grants.review_any"):
        raise Http404
    assignments = list(review_selectors.reviewer_queue(request.user))
    return render(request, "grants/review/queue.html", {
        "assignments": assignments,
        "pending": sum(1 for a in assignments if a.conflict == ConflictAnswer.PENDING),
    })


def _sheet_context(assignment, form=None):
    sheet = getattr(assignment, "sheet", None)
    criteria = list(assignment.application.call.criteria.all())
    scores = {s.criterion_id: s for s in sheet.scores.all()} if sheet is not None else {}
    locked = sheet is not None and SheetStatus(sheet.status).is_locked
    if form is None:
        form = ScoreSheetForm(criteria, with_opinion=True, scores=scores, sheet=sheet, locked=locked)
    return {"form": form, "sheet": sheet, "locked": locked}


def assignment_detail(request, pk):
    """The evaluator's file: first the conflict question; once « aucun conflit », the file and
    the score sheet. A declared conflict or a removal: 404, for good."""
    assignment = get_object_for(request.user, "grants.open_assignment",
                                review_selectors.assignment_for_reviewer_queryset(), pk=pk)
    application = assignment.application
    if request.method == "POST" and not assignment.can_see_file:
        form = ConflictForm(request.POST)
        if form.is_valid():
            declared = form.cleaned_data["answer"] == ConflictAnswer.DECLARED
            try:
                review_services.assignment_transition(
                    assignment=assignment, by=request.user, reason=form.cleaned_data["reason"],
                    action=AssignmentAction.DECLARE_CONFLICT if declared
                    else AssignmentAction.DECLARE_NO_CONFLICT)
            except ValidationError as error:
                _flash(request, error)
                return redirect("grants:review_queue")
            if declared:
                messages.success(request, _("Votre conflit d’intérêts est enregistré : ce dossier vous est retiré et "
                                            "sera confié à quelqu’un d’autre."))
                return redirect("grants:review_queue")
            messages.success(request, _("Merci : vous pouvez maintenant lire le dossier et l’évaluer."))
            return redirect("grants:assignment", pk=assignment.pk)
        return render(request, "grants/review/conflict.html",
                      {"assignment": assignment, "application": application, "form": form}, status=400)
    if not assignment.can_see_file:
        return render(request, "grants/review/conflict.html",
                      {"assignment": assignment, "application": application, "form": ConflictForm()})
    if request.method == "POST":
        return _sheet_post(request, assignment)
    return render(request, "grants/review/assignment.html",
                  {"assignment": assignment, "application": application, **_sheet_context(assignment)})


def _sheet_post(request, assignment):
    application = assignment.application
    criteria = list(application.call.criteria.all())
    form = ScoreSheetForm(criteria, request.POST, with_opinion=True)
    if not form.is_valid():
        messages.error(request, _("La fiche contient des erreurs : rien n’a été enregistré, ce que vous avez saisi est "
                                  "conservé ci-dessous."))
        return render(request, "grants/review/assignment.html",
                      {"assignment": assignment, "application": application,
                       **_sheet_context(assignment, form)}, status=400)
    try:
        review_services.sheet_save(assignment=assignment, by=request.user, data=form.cleaned_data,
                                   criteria=criteria, submit=form.is_final)
    except ValidationError as error:
        _flash(request, error)
        return render(request, "grants/review/assignment.html",
                      {"assignment": assignment, "application": application,
                       **_sheet_context(assignment, form)}, status=409)
    if form.is_final:
        messages.success(request, _("Votre évaluation est envoyée. Merci !"))
        return redirect("grants:review_queue")
    messages.success(request, _("Votre brouillon est enregistré."))
    return redirect("grants:assignment", pk=assignment.pk)


# --- Instructeur: a call ------------------------------------------------------------------

def _ranking_rows(lines) -> list[dict]:
    """The ranking's rows as plain values (a hundred rows render fast: no lookups in templates)."""
    euros = decision_services.euros
    base = reverse("grants:application_reviews", args=[0]).removesuffix("0/evaluations/")
    rows = []
    for line in lines:
        application, score = line.application, line.score
        state = application.state
        rows.append({
            "rank": score.rank if score and score.rank else None, "tied": bool(score and score.tied),
            "url": f"{base}{application.pk}/evaluations/", "title": application.innovation.title,
            "reference": application.reference, "organisation": application.organisation.name,
            "final": score.final if score else None, "spread": score.spread if score else None,
            "evaluators": score.evaluators if score else 0,
            "opinions": [(item.opinion.badge_class, item.opinion.label, item.count) for item in line.opinions],
            "requested": euros(application.amount_requested or 0), "cumulative": euros(line.cumulative),
            "over": not line.within_envelope, "badge": state.badge_class, "status": state.label,
        })
    return rows


def call_reviews(request, call_pk):
    call = call_for(request.user, "grants.assign_reviewers", call_pk)
    lines = review_selectors.call_ranking(call)
    return render(request, "grants/review/call.html", {
        "call": call, "lines": _ranking_rows(lines), "envelope": review_selectors.call_envelope(call),
        "evaluator_count": review_services.evaluators().count(),
    })


@require_POST
def assign_automatically(request, call_pk):
    call = call_for(request.user, "grants.assign_reviewers", call_pk)
    try:
        plan = review_services.assign_automatically(call=call, by=request.user)
    except ValidationError as error:
        _flash(request, error)
        return redirect("grants:call_reviews", call_pk=call.pk)
    count = len(plan.new_pairs)
    messages.success(request, ngettext("%(count)s attribution créée.", "%(count)s attributions créées.", count)
                     % {"count": count} if count else _("Chaque dossier a déjà ses évaluateurs : rien à ajouter."))
    if plan.short:
        messages.warning(request, ngettext(
            "%(count)s dossier n’a pas assez d’évaluateurs sans conflit d’intérêts : attribuez-le à la main.",
            "%(count)s dossiers n’ont pas assez d’évaluateurs sans conflit d’intérêts : attribuez-les à la main.",
            len(plan.short)) % {"count": len(plan.short)})
    return redirect("grants:call_reviews", call_pk=call.pk)


# --- Instructeur: an application ----------------------------------------------------------

def _application_context(request, application, *, assign_form=None, decision_form=None):
    decision = Decision.objects.filter(application=application).select_related("decided_by").first()
    context = {
        "application": application, "call": application.call, "decision": decision,
        **review_selectors.application_review_summary(application),
        "assign_form": assign_form or review_forms.AssignByHandForm(evaluators=review_services.evaluators()),
        "remove_form": review_forms.RemoveAssignmentForm(),
        "can_decide": decision is None and application.status in DECIDABLE,
        "envelope": review_selectors.call_envelope(application.call),
        "overdue_reports": list(review_selectors.overdue_reports(application.innovation_id)
                                .exclude(application=application).select_related("application")),
    }
    if context["can_decide"]:
        context["decision_form"] = decision_form or review_forms.DecisionForm(
            initial={"amount": review_forms.amount_input(application.amount_requested)})
    return context


def application_reviews(request, application_pk):
    application = get_object_for(request.user, "grants.view_scores", application_page_queryset(),
                                 pk=application_pk)
    return render(request, "grants/review/application.html", _application_context(request, application))


@require_POST
def assign_by_hand(request, application_pk):
    application = application_for(request.user, "grants.view_scores", application_pk)
    form = review_forms.AssignByHandForm(request.POST, evaluators=review_services.evaluators())
    if form.is_valid():
        try:
            review_services.assign_by_hand(application=application, evaluator=form.cleaned_data["evaluator"],
                                           by=request.user)
        except (ValidationError, PermissionDenied) as error:
            _flash(request, error) if isinstance(error, ValidationError) else None
            return render(request, "grants/review/application.html",
                          _application_context(request, application, assign_form=form), status=400)
        messages.success(request, _("Le dossier est confié à %(name)s.") % {
            "name": form.cleaned_data["evaluator"].full_name})
        return redirect("grants:application_reviews", application_pk=application.pk)
    return render(request, "grants/review/application.html",
                  _application_context(request, application, assign_form=form), status=400)


@require_POST
def remove_assignment(request, application_pk, pk):
    application = application_for(request.user, "grants.remove_assignment", application_pk)
    assignment = get_object_for(request.user, None, ReviewAssignment.objects.filter(application=application), pk=pk)
    form = review_forms.RemoveAssignmentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Indiquez le motif du retrait."))
    else:
        try:
            review_services.assignment_transition(assignment=assignment, by=request.user,
                                                  action=review_services.REMOVE,
                                                  reason=form.cleaned_data["reason"])
            messages.success(request, _("L’attribution est retirée."))
        except ValidationError as error:
            _flash(request, error)
    return redirect("grants:application_reviews", application_pk=application.pk)


@require_POST
def decide(request, application_pk):
    application = application_for(request.user, "grants.decide_application", application_pk)
    form = review_forms.DecisionForm(request.POST)
    if form.is_valid():
        outcome = DecisionOutcome(form.cleaned_data["outcome"])
        try:
            decision_services.decide(application=application, outcome=outcome, by=request.user,
                                     amount=form.cleaned_data.get("amount"),
                                     motivation=form.cleaned_data.get("motivation") or "")
        except ValidationError as error:
            _flash(request, error)
            return render(request, "grants/review/application.html",
                          _application_context(request, application, decision_form=form), status=409)
        messages.success(request, _("La décision est enregistrée et notifiée à l’équipe, avec les voies et délais "
                                    "de recours."))
        return redirect("grants:application_reviews", application_pk=application.pk)
    messages.error(request, _("La décision n’est pas enregistrée : corrigez le formulaire ci-dessous, ce que vous "
                              "avez saisi est conservé."))
    return render(request, "grants/review/application.html",
                  _application_context(request, application, decision_form=form), status=400)


# --- Printable pages ----------------------------------------------------------------------

def decision_letter(request, application_pk):
    application = application_for(request.user, "grants.view_decision", application_pk)
    decision = Decision.objects.filter(application=application).select_related("decided_by").first()
    if decision is None:
        raise Http404
    grant = getattr(application, "grant", None)
    outcome = DecisionOutcome(decision.outcome)
    return render(request, "grants/decision/letter.html", {
        "application": application, "decision": decision, "grant": grant, "outcome": outcome,
        "is_accepted": outcome == DecisionOutcome.ACCEPTED, "is_refused": outcome == DecisionOutcome.REFUSED,
        "funder_name": application.call.programme.funder.name,
        "amount_text": decision_services.euros(decision.amount) if decision.amount is not None else "",
    })


def convention(request, application_pk):
    application = application_for(request.user, "grants.view_decision", application_pk)
    grant = getattr(application, "grant", None)
    if grant is None or not grant.convention_required:
        raise Http404
    milestones = list(application.milestones.order_by("due_date", "pk"))
    from grants.followup_services import tranche_amount

    tranches = [(m, decision_services.euros(tranche_amount(m, grant, milestones))) for m in milestones]
    return render(request, "grants/decision/convention.html", {
        "application": application, "grant": grant, "tranches": tranches,
        "funder": application.call.programme.funder, "amount_text": decision_services.euros(grant.initial_amount),
        "report_due": grant.financial_report_due,
        "budget_lines": list(application.budget_lines.all()),
    })
