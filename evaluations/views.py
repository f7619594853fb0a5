"""Pages of prize campaigns (part 1): the public list and page, results, the public vote; the
team's entry; the organiser's campaign management, eligibility rulings and prizes. Every object
is fetched with `get_object_for` (missing or forbidden: 404); every campaign read first catches
its phase up with the dates (`services.campaign_phase_advance`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from essaimage.permissions import get_object_for
from essaimage.selectors import audit_entries_for
from evaluations import forms, identifying, rules, selectors, services
from evaluations.enums import CampaignPhase, EntryAction, EntryStatus, JournalAction, PhaseAction
from evaluations.models import Award, Campaign, Category, Criterion, Entry, Question


def _campaign_for(user, perm: str, slug: str) -> Campaign:
    """The campaign if `user` may see it and holds `perm` on it once its phase is up to date; else 404."""
    campaign = get_object_for(user, "evaluations.view_campaign", Campaign, slug=slug)
    campaign = services.campaign_phase_advance(campaign)
    if perm != "evaluations.view_campaign" and not user.has_perm(perm, campaign):
        raise Http404
    return campaign


def _entry_for(user, perm: str, pk: int) -> Entry:
    entry = get_object_for(user, "evaluations.view_entry", selectors.entry_for_page(), pk=pk)
    campaign = services.campaign_phase_advance(entry.campaign)
    entry.campaign = campaign
    if perm != "evaluations.view_entry" and not user.has_perm(perm, entry):
        raise Http404
    return entry


def _error_message(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- Public ----------------------------------------------------------------------------------

@login_not_required
def campaign_list(request):
    context = selectors.campaign_list(user=request.user, page_number=request.GET.get("page") or 1)
    for campaign in context["page"].object_list:  # a phase the dates have overtaken catches up (rare)
        if services.phase_is_behind(campaign):
            campaign.phase = services.campaign_phase_advance(campaign).phase
    context["can_create"] = request.user.has_perm("evaluations.add_campaign")
    return render(request, "evaluations/campaign_list.html", context)


@login_not_required
def campaign_detail(request, slug):
    campaign = _campaign_for(request.user, "evaluations.view_campaign", slug)
    user = request.user
    context = {
        "campaign": campaign, **selectors.campaign_page(campaign),
        "criteria_shares": selectors.criteria_with_shares(campaign),
        "can_enter": user.has_perm("evaluations.enter_campaign", campaign),
        "can_manage": user.has_perm("evaluations.manage_campaign", campaign),
        "can_vote": user.has_perm("evaluations.vote", campaign),
        "results_visible": campaign.state.results_published,
        "phases": _phase_calendar(campaign),
        "current_end": campaign.phase_end(campaign.state),
        # Extensions are public: the calendar never changes silently.
        "extensions": list(audit_entries_for(campaign, actions=[JournalAction.EXTEND_PHASE])[:5]),
    }
    if user.is_authenticated:
        context["my_entries"] = list(selectors.my_entries(user).filter(campaign=campaign))
    return render(request, "evaluations/campaign_detail.html", context)


def _phase_calendar(campaign: Campaign) -> list[dict]:
    """The dated phases with their start and end, and which one is current."""
    from evaluations.models import PHASE_DATE_FIELDS

    current = campaign.state
    rows = []
    for phase in PHASE_DATE_FIELDS:
        if phase == CampaignPhase.PEER_REVIEW and not campaign.has_peer_review:
            continue
        rows.append({"phase": phase, "start": campaign.phase_start(phase), "end": campaign.phase_end(phase),
                     "current": phase == current, "past": phase.order < current.order})
    return rows


@login_not_required
def results(request, slug):
    campaign = _campaign_for(request.user, "evaluations.view_results", slug)
    return render(request, "evaluations/results.html", {
        "campaign": campaign, "categories": selectors.results(campaign),
        "preview": not campaign.state.results_published})


def vote(request, slug):
    campaign = _campaign_for(request.user, "evaluations.vote", slug)
    if request.method == "POST":
        entry = get_object_for(request.user, None, Entry.objects.filter(campaign=campaign).select_related(
            "innovation", "campaign"), pk=request.POST.get("entry") or 0)
        try:
            services.vote_cast(entry=entry, by=request.user)
        except ValidationError as error:
            messages.error(request, _error_message(error))
        else:
            messages.success(request, _("Merci : votre vote pour « %(title)s » est enregistré.")
                             % {"title": entry.innovation.title})
        return redirect("evaluations:vote", slug=campaign.slug)
    return render(request, "evaluations/vote.html",
                  {"campaign": campaign, **selectors.vote_page(campaign, request.user)})


# --- Team: entering ---------------------------------------------------------------------------

def my_entries(request):
    return render(request, "evaluations/my_entries.html", {"entries": selectors.my_entries(request.user)})


def enter(request, slug):
    campaign = _campaign_for(request.user, "evaluations.enter_campaign", slug)
    candidates = list(selectors.enterable_innovations(request.user, campaign))
    problems = {innovation.pk: services.eligibility_problems(campaign, innovation) for innovation in candidates}
    eligible = selectors.enterable_innovations(request.user, campaign).filter(
        pk__in=[pk for pk, reasons in problems.items() if not reasons])
    form = forms.EntryCreateForm(request.POST or None, innovations=eligible, categories=campaign.categories.all())
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.entry_create(campaign=campaign, innovation=form.cleaned_data["innovation"],
                                          category=form.cleaned_data["category"], by=request.user)
        except ValidationError as error:
            _add_errors(form, error) if hasattr(error, "error_dict") else form.add_error(None, error)
        else:
            messages.success(request, _("Candidature créée : répondez aux questions, enregistrez autant de fois que "
                                        "nécessaire, puis déposez-la avant la clôture."))
            return redirect("evaluations:entry", pk=entry.pk)
    return render(request, "evaluations/enter.html", {
        "campaign": campaign, "form": form, "has_eligible": any(not reasons for reasons in problems.values()),
        "ineligible": [(innovation, problems[innovation.pk]) for innovation in candidates if problems[innovation.pk]]})


def _add_errors(form, error: ValidationError):
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def entry_detail(request, pk):
    """The team's entry: answers (drafts), submission with the anonymity warning, withdrawal;
    the organiser sees it read-only with the ruling form."""
    entry = _entry_for(request.user, "evaluations.view_entry", pk)
    user = request.user
    can_edit = user.has_perm("evaluations.change_entry", entry)
    questions = list(entry.campaign.questions.all())
    answers = {a.question_id: a.text for a in entry.answers.all()}
    form = None
    warnings = {}
    if can_edit:
        form = forms.EntryForm(request.POST or None, entry=entry, questions=questions, answers=answers,
                               anonymised=entry.campaign.anonymised)
        if request.method == "POST" and form.is_valid():
            submitting = "submit" in request.POST or "confirm" in request.POST
            services.entry_save(entry=entry, by=user, answers=form.answers(), category=form.cleaned_data["category"])
            if not submitting:
                messages.success(request, _("Brouillon enregistré. Vous pouvez y revenir à tout moment avant "
                                            "la clôture."))
                return redirect("evaluations:entry", pk=entry.pk)
            if entry.campaign.anonymised and "confirm" not in request.POST:
                terms = identifying.identifying_terms(entry.innovation)
                warnings = identifying.answer_warnings(form.answers(), terms)
            if not warnings:
                try:
                    services.entry_transition(entry=entry, action=EntryAction.SUBMIT, by=user)
                except ValidationError as error:
                    messages.error(request, _error_message(error))
                    return redirect("evaluations:entry", pk=entry.pk)
                messages.success(request, _("Candidature déposée. L’organisateur va examiner sa recevabilité ; "
                                            "vous serez prévenu de sa décision."))
                return redirect("evaluations:entry", pk=entry.pk)
    questions_by_id = {q.pk: q for q in questions}
    is_organiser = user.has_perm("evaluations.manage_campaign", entry.campaign)
    context = {
        "entry": entry, "campaign": entry.campaign, "form": form, "can_edit": can_edit,
        "answers": selectors.entry_answers(entry) if not can_edit else [],
        "warnings": [(questions_by_id[key], terms) for key, terms in warnings.items()],
        "allowed": {action.value: True for action in rules.allowed_entry_actions(user, entry)},
        "missing": services.missing_answers(entry) if can_edit else [],
        "is_organiser": is_organiser,
        "ruling_form": forms.RulingForm() if user.has_perm("evaluations.rule_entry", entry) else None,
        # The team reads its entry's own steps; the prizes stay the organisers' until the results.
        "history": list(audit_entries_for(entry, actions=None if is_organiser else [*EntryAction, "create"])[:20]),
    }
    return render(request, "evaluations/entry_detail.html", context)


@require_POST
def entry_withdraw(request, pk):
    entry = _entry_for(request.user, "evaluations.withdraw_entry", pk)
    try:
        services.entry_transition(entry=entry, action=EntryAction.WITHDRAW, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_message(error))
    else:
        messages.success(request, _("Candidature retirée : elle ne concourt plus."))
    return redirect("evaluations:entry", pk=entry.pk)


@require_POST
def entry_rule(request, pk):
    entry = _entry_for(request.user, "evaluations.rule_entry", pk)
    form = forms.RulingForm(request.POST)
    if form.is_valid():
        action = EntryAction.ACCEPT if form.cleaned_data["decision"] == "accept" else EntryAction.REJECT
        try:
            services.entry_transition(entry=entry, action=action, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, _error_message(error))
        else:
            messages.success(request, _("Décision enregistrée ; l’équipe en est prévenue."))
            return redirect("evaluations:entries", slug=entry.campaign.slug)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("evaluations:entry", pk=entry.pk)


# --- Organiser -------------------------------------------------------------------------------

def campaign_create(request):
    if not request.user.has_perm("evaluations.add_campaign"):
        raise Http404
    form = forms.CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                campaign = services.campaign_create(by=request.user, territories=form.territories_value(),
                                                    organisation=request.user.organisation, **form.service_fields())
                services.campaign_organisers_set(campaign=campaign, by=request.user,
                                                 emails=form.co_organiser_emails())
        except ValidationError as error:
            _add_errors(form, error) if hasattr(error, "error_dict") else form.add_error(None, error)
        else:
            messages.success(request, _("Campagne créée en brouillon, avec les critères d’essaimage par défaut. "
                                        "Ajoutez ses catégories, puis publiez-la."))
            return redirect("evaluations:manage", slug=campaign.slug)
    return render(request, "evaluations/campaign_form.html", {"form": form, "campaign": None})


def campaign_edit(request, slug):
    campaign = _campaign_for(request.user, "evaluations.change_campaign_texts", slug)
    locked = not request.user.has_perm("evaluations.change_campaign", campaign)
    form = forms.CampaignForm(request.POST or None, instance=campaign, locked=locked, by=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.campaign_save(campaign=campaign, by=request.user, territories=form.territories_value(),
                                       **form.service_fields())
                services.campaign_organisers_set(campaign=campaign, by=request.user,
                                                 emails=form.co_organiser_emails())
        except ValidationError as error:
            _add_errors(form, error) if hasattr(error, "error_dict") else form.add_error(None, error)
        else:
            messages.success(request, _("Campagne enregistrée."))
            return redirect("evaluations:manage", slug=campaign.slug)
    return render(request, "evaluations/campaign_form.html", {"form": form, "campaign": campaign, "locked": locked})


def manage(request, slug):
    campaign = _campaign_for(request.user, "evaluations.manage_campaign", slug)
    from django.db.models import Count

    counts = dict(campaign.entries.values_list("status").annotate(n=Count("pk")))
    context = {
        "campaign": campaign, **selectors.campaign_page(campaign),
        "criteria_shares": selectors.criteria_with_shares(campaign),
        "phases": _phase_calendar(campaign),
        "counts": [(status, counts.get(status.value, 0)) for status in EntryStatus],
        "phase_actions": rules.allowed_phase_actions(request.user, campaign),
        "can_change": request.user.has_perm("evaluations.change_campaign", campaign),
        "can_extend": request.user.has_perm("evaluations.extend_phase", campaign),
        "can_award": request.user.has_perm("evaluations.award_prizes", campaign),
        "results_ready": services.results_ready(campaign),
        "history": list(audit_entries_for(campaign)[:20]),
    }
    return render(request, "evaluations/manage.html", context)


@require_POST
def phase_action(request, slug):
    campaign = _campaign_for(request.user, "evaluations.run_campaign", slug)
    try:
        action = PhaseAction(request.POST.get("action", ""))
    except ValueError:
        raise Http404 from None
    if action not in rules.MANUAL_PHASE_ACTIONS:
        raise Http404
    try:
        services.campaign_transition(campaign=campaign, action=action, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_message(error))
    else:
        messages.success(request, _("C’est fait : la campagne est désormais « %(phase)s ».")
                         % {"phase": Campaign.objects.get(pk=campaign.pk).get_phase_display()})
    return redirect("evaluations:manage", slug=campaign.slug)


def extend_phase(request, slug):
    campaign = _campaign_for(request.user, "evaluations.extend_phase", slug)
    form = forms.ExtendPhaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_phase_extend(campaign=campaign, by=request.user, until=form.cleaned_data["until"],
                                           reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_errors(form, error) if hasattr(error, "error_dict") else form.add_error(None, error)
        else:
            messages.success(request, _("Phase prolongée ; les dates suivantes sont décalées d’autant et les "
                                        "participants sont prévenus."))
            return redirect("evaluations:manage", slug=campaign.slug)
    return render(request, "evaluations/extend_phase.html", {"campaign": campaign, "form": form,
                                                             "end": campaign.phase_end(campaign.state)})


SETTING_KINDS = {
    "categories": (Category, forms.CategoryForm, services.category_save, services.category_delete, "category"),
    "criteres": (Criterion, forms.CriterionForm, services.criterion_save, services.criterion_delete, "criterion"),
    "questions": (Question, forms.QuestionForm, services.question_save, services.question_delete, "question"),
}
SETTING_TITLES = {
    "categories": (_lazy("Catégories et prix"), _lazy("Ajouter une catégorie")),
    "criteres": (_lazy("Critères d’évaluation"), _lazy("Ajouter un critère")),
    "questions": (_lazy("Questions posées aux candidats"), _lazy("Ajouter une question")),
}


def _setting_kind(kind):
    if kind not in SETTING_KINDS:
        raise Http404
    return SETTING_KINDS[kind]


def settings_items(request, slug, kind, pk=None):
    """The list of a campaign's categories, criteria or questions, with the add (or edit) form."""
    model, form_class, save, _delete, name = _setting_kind(kind)
    campaign = _campaign_for(request.user, "evaluations.manage_campaign", slug)
    can_change = request.user.has_perm("evaluations.change_campaign", campaign)
    instance = None
    if pk is not None:
        if not can_change:
            raise Http404
        instance = get_object_for(request.user, None, model.objects.filter(campaign=campaign), pk=pk)
    form = form_class(request.POST or None, instance=instance) if can_change else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                save(campaign=campaign, by=request.user, **{name: instance}, **form.service_fields())
            except ValidationError as error:
                _add_errors(form, error) if hasattr(error, "error_dict") else form.add_error(None, error)
            else:
                messages.success(request, _("Enregistré."))
                return redirect("evaluations:settings", slug=campaign.slug, kind=kind)
    items = model.objects.filter(campaign=campaign)
    title, add_label = SETTING_TITLES[kind]
    return render(request, "evaluations/settings_items.html", {
        "campaign": campaign, "kind": kind, "items": items, "form": form, "instance": instance,
        "can_change": can_change, "title": title, "add_label": add_label,
        "shares": {c.pk: share for c, share in selectors.criteria_with_shares(campaign)}
        if kind == "criteres" else {},
    })


@require_POST
def settings_item_delete(request, slug, kind, pk):
    model, _form, _save, delete, name = _setting_kind(kind)
    campaign = _campaign_for(request.user, "evaluations.change_campaign", slug)
    instance = get_object_for(request.user, None, model.objects.filter(campaign=campaign), pk=pk)
    try:
        delete(**{name: instance}, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_message(error))
    else:
        messages.success(request, _("Supprimé."))
    return redirect("evaluations:settings", slug=campaign.slug, kind=kind)


def entries(request, slug):
    campaign = _campaign_for(request.user, "evaluations.manage_campaign", slug)
    status = request.GET.get("statut") or ""
    if status and status not in EntryStatus.values:
        status = ""
    page = selectors.campaign_entries(campaign, status=status or None, page_number=request.GET.get("page") or 1)
    return render(request, "evaluations/entries.html", {
        "campaign": campaign, "page": page, "status": status,
        "statuses": [s for s in EntryStatus if s != EntryStatus.DRAFT],
        "query_without_page": f"statut={status}" if status else ""})


def awards(request, slug):
    """The organiser records the winners and their citations, per category (during the deliberation)."""
    campaign = _campaign_for(request.user, "evaluations.manage_campaign", slug)
    can_award = request.user.has_perm("evaluations.award_prizes", campaign)
    if request.method == "POST":
        if not can_award:
            raise Http404
        entry = get_object_for(request.user, None, Entry.objects.filter(campaign=campaign).select_related(
            "category", "innovation", "campaign"), pk=request.POST.get("entry") or 0)
        form = forms.AwardForm(request.POST, category=entry.category, prefix=f"e{entry.pk}")
        if form.is_valid():
            try:
                services.award_save(entry=entry, by=request.user, rank=form.cleaned_data["rank"],
                                    citation=form.cleaned_data["citation"])
            except ValidationError as error:
                messages.error(request, _error_message(error))
            else:
                messages.success(request, _("Prix enregistré pour « %(title)s ».") % {"title": entry.innovation.title})
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return redirect(reverse("evaluations:awards", kwargs={"slug": campaign.slug}) + f"#candidature-{entry.pk}")
    rows = selectors.awards_page(campaign)
    for row in rows:
        row["forms"] = [(entry, award, forms.AwardForm(
            category=row["category"], prefix=f"e{entry.pk}",
            initial={"rank": award.rank, "citation": award.citation} if award else None) if can_award else None)
            for entry, award in row["entries"]]
    return render(request, "evaluations/awards.html", {"campaign": campaign, "rows": rows, "can_award": can_award})


@require_POST
def award_delete(request, slug, pk):
    campaign = _campaign_for(request.user, "evaluations.award_prizes", slug)
    award = get_object_for(request.user, None, Award.objects.filter(category__campaign=campaign)
                           .select_related("entry", "category"), pk=pk)
    try:
        services.award_delete(award=award, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_message(error))
    else:
        messages.success(request, _("Prix retiré."))
    return redirect("evaluations:awards", slug=campaign.slug)
