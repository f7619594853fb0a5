"""Pages of the scoring: the evaluators' list and score sheet (conflict first), the organiser's
jury and deliberation, the exports, the explanation given to each entrant team.

Every object is fetched with `get_object_for` (missing or not permitted: 404). The pages an
evaluator reaches never show the team, its organisation or its territory when the campaign is
anonymised (see `evaluations.anonymity`), nor any other evaluator's score or the ranking."""

from collections import defaultdict
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from essaimage.permissions import get_object_for
from evaluations import exports, scoring_selectors as selectors, scoring_services as services
from evaluations.anonymity import redactor_for
from evaluations.enums import CampaignPhase, Panel
from evaluations.models import Award, Campaign, Entry
from evaluations.scoring_forms import NEXT, ConflictForm, JurorInviteForm, ScoreSheetForm
from reviewing.forms import SUBMIT

ENTRY_TEXTS = [
    ("summary", gettext_lazy("Résumé")), ("problem", gettext_lazy("Problème traité")),
    ("solution", gettext_lazy("Solution mise en œuvre")), ("public_concerned", gettext_lazy("Public concerné")),
    ("results", gettext_lazy("Résultats obtenus")), ("evidence", gettext_lazy("Preuves et évaluations")),
    ("costs", gettext_lazy("Coûts")),
]


def _campaign(user, perm: str, slug: str) -> Campaign:
    return get_object_for(user, perm, Campaign.objects.prefetch_related("organisers"), slug=slug)


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- Evaluators ---------------------------------------------------------------------------------

def scoring_tasks(request, slug):
    campaign = _campaign(request.user, "evaluations.evaluate_in_campaign", slug)
    groups = selectors.evaluator_tasks(request.user, campaign)
    return render(request, "evaluations/scoring/tasks.html", {
        "campaign": campaign, "groups": groups, "phase": campaign.state,
    })


class EntryView:
    """What an evaluator reads of an entry: its texts and answers, through the campaign's redactor."""

    def __init__(self, entry: Entry):
        redactor = redactor_for(entry)
        innovation = entry.innovation
        self.title = redactor.redact(innovation.title)
        self.stage = innovation.get_stage_display()
        self.category = entry.category.name
        self.texts = [(label, redactor.redact(getattr(innovation, name))) for name, label in ENTRY_TEXTS
                      if getattr(innovation, name)]
        self.answers = [(answer.question.label, redactor.redact(answer.text)) for answer in entry.answers.all()]
        self.anonymised = entry.campaign.anonymised
        self.public_url = "" if self.anonymised else innovation.get_absolute_url()


def _assignment(request, pk):
    assignment = get_object_for(request.user, "evaluations.view_assignment", selectors.assignment_page(pk))
    assignment.number = selectors.assignment_number(request.user, assignment)
    return assignment


def _sheet_form(request, assignment, data=None):
    criteria = list(assignment.campaign.criteria.all())
    scores = {score.criterion_id: score for score in assignment.sheet.scores.all()}
    editable = request.user.has_perm("evaluations.score_assignment", assignment)
    return ScoreSheetForm(criteria, data, scores=scores, sheet=assignment.sheet, locked=not editable), editable


def assignment_detail(request, pk):
    assignment = _assignment(request, pk)
    if assignment.needs_conflict_answer:
        return _conflict_page(request, assignment, ConflictForm())
    if not request.user.has_perm("evaluations.read_assigned_entry", assignment):
        raise Http404
    form, editable = _sheet_form(request, assignment, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not editable:
            messages.error(request, _("Cette fiche ne peut plus être modifiée."))
            return redirect("evaluations:assignment", pk=assignment.pk)
        if form.is_valid():
            action = request.POST.get("action")
            try:
                services.sheet_save(assignment=assignment, by=request.user, cleaned_data=form.cleaned_data,
                                    submit=action == SUBMIT)
            except ValidationError as error:
                messages.error(request, _error_text(error))
                return redirect("evaluations:assignment", pk=assignment.pk)
            except PermissionDenied:
                raise Http404 from None
            if action == SUBMIT:
                messages.success(request, _("Votre fiche est envoyée. Merci !"))
            else:
                messages.success(request, _("Votre brouillon est enregistré."))
            if action in (SUBMIT, NEXT):
                following = selectors.next_assignment(request.user, assignment)
                if following is not None:
                    return redirect("evaluations:assignment", pk=following.pk)
                if action == NEXT:
                    messages.info(request, _("C’était la dernière candidature qui vous restait à noter."))
                return redirect("evaluations:scoring_tasks", slug=assignment.campaign.slug)
            return redirect("evaluations:assignment", pk=assignment.pk)
    return render(request, "evaluations/scoring/assignment.html", {
        "assignment": assignment, "campaign": assignment.campaign, "entry": EntryView(assignment.entry),
        "form": form, "editable": editable, "panel_phase_open": assignment.campaign.phase == (
            CampaignPhase.PEER_REVIEW if assignment.panel == Panel.PEER else CampaignPhase.JURY),
        "may_declare": request.user.has_perm("evaluations.declare_conflict", assignment),
        "conflict_form": ConflictForm(),
    })


def _conflict_page(request, assignment, form, status=200):
    return render(request, "evaluations/scoring/conflict.html", {
        "assignment": assignment, "campaign": assignment.campaign, "form": form,
        "may_declare": request.user.has_perm("evaluations.declare_conflict", assignment),
    }, status=status)


def assignment_conflict(request, pk):
    assignment = _assignment(request, pk)
    if request.method != "POST":
        return redirect("evaluations:assignment", pk=assignment.pk)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        if assignment.needs_conflict_answer:
            return _conflict_page(request, assignment, form, status=400)
        messages.error(request, " ".join(form.errors.get("reason", form.errors.get("answer", []))))
        return redirect("evaluations:assignment", pk=assignment.pk)
    try:
        services.conflict_answer(assignment=assignment, by=request.user, answer=form.cleaned_data["answer"],
                                 reason=form.cleaned_data["reason"])
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("evaluations:scoring_tasks", slug=assignment.campaign.slug)
    if form.cleaned_data["answer"] == "declared":
        messages.success(request, _("Votre conflit d’intérêts est enregistré : cette candidature ne vous est plus "
                                    "attribuée et sera confiée à quelqu’un d’autre."))
        return redirect("evaluations:scoring_tasks", slug=assignment.campaign.slug)
    messages.success(request, _("Merci. Vous pouvez maintenant lire et noter la candidature."))
    return redirect("evaluations:assignment", pk=assignment.pk)


# --- Jurors' invitations --------------------------------------------------------------------------

@login_not_required
def juror_invitation(request, token):
    invitation = services.invitation_for_token(token)
    if invitation is None:
        raise Http404
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('login')}?next={request.path}")
        try:
            services.juror_invitation_accept(token=token, user=request.user)
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return redirect(request.path)
        messages.success(request, _("Vous faites partie du jury. Les candidatures vous seront confiées à "
                                    "l’ouverture de la phase du jury."))
        return redirect("evaluations:scoring_tasks", slug=invitation.campaign.slug)
    return render(request, "evaluations/scoring/invitation.html", {
        "invitation": invitation, "campaign": invitation.campaign,
        "accepted": invitation.accepted_at is not None,
        "mine": invitation.accepted_by_id is not None and invitation.accepted_by_id == request.user.pk,
    })


# --- Organiser ----------------------------------------------------------------------------------

def jury_manage(request, slug):
    campaign = _campaign(request.user, "evaluations.view_jury", slug)
    may_manage = request.user.has_perm("evaluations.manage_jury", campaign)
    form = JurorInviteForm()
    if request.method == "POST":
        if not may_manage:
            raise Http404
        action = request.POST.get("action")
        if action == "invite":
            form = JurorInviteForm(request.POST)
            if form.is_valid():
                try:
                    services.juror_invite(campaign=campaign, email=form.cleaned_data["email"], by=request.user)
                except ValidationError as error:
                    form.add_error("email", error)
                else:
                    messages.success(request, _("L’invitation est envoyée à %(email)s.")
                                     % {"email": form.cleaned_data["email"]})
                    return redirect("evaluations:jury_manage", slug=campaign.slug)
        elif action in ("assign_jury", "assign_peers"):
            run = services.jury_assignments_create if action == "assign_jury" else services.peer_assignments_create
            report = run(campaign, by=request.user)
            text = _("%(created)s attribution(s) créée(s), %(removed)s retirée(s).") % {
                "created": report.created, "removed": report.removed}
            if report.short:
                text += " " + _("%(count)s candidature(s) n’ont pas assez d’évaluateurs disponibles.") % {
                    "count": len(report.short)}
                messages.warning(request, text)
            else:
                messages.success(request, text)
            return redirect("evaluations:jury_manage", slug=campaign.slug)
    overview = selectors.jury_overview(campaign)
    return render(request, "evaluations/scoring/jury.html", {
        "campaign": campaign, "form": form, "may_manage": may_manage, **overview,
        "may_assign_jury": may_manage and campaign.phase == CampaignPhase.JURY,
        "may_assign_peers": may_manage and campaign.phase == CampaignPhase.PEER_REVIEW and campaign.has_peer_review,
    }, status=400 if form.is_bound and form.errors else 200)


RANKING_PAGE_SIZE = 100


def deliberation(request, slug):
    campaign = _campaign(request.user, "evaluations.deliberate", slug)
    categories = list(campaign.categories.all())
    if not categories:
        return render(request, "evaluations/deliberation/ranking.html", {"campaign": campaign, "categories": []})
    chosen = categories[0]
    wanted = request.GET.get("categorie")
    if wanted:
        chosen = next((category for category in categories if str(category.pk) == wanted), None)
        if chosen is None:
            raise Http404
    ranking = selectors.campaign_ranking(campaign, category=chosen)[0]
    page = Paginator(ranking.rows, RANKING_PAGE_SIZE).get_page(request.GET.get("page"))
    prizes = defaultdict(list)
    for entry_id, label in Award.objects.filter(category=chosen).order_by("kind", "rank").values_list(
            "entry_id", "prize_label"):
        prizes[entry_id].append(label)
    for row in page.object_list:
        row.prizes = prizes.get(row.entry.pk, [])
    return render(request, "evaluations/deliberation/ranking.html", {
        "campaign": campaign, "categories": categories, "category": chosen, "ranking": ranking, "page": page,
        "query_without_page": urlencode({"categorie": chosen.pk}),
        "weights": selectors.panel_weights_text(campaign), "large_gap": selectors.LARGE_GAP,
        "awards_url": _url_or_empty("evaluations:awards", slug=campaign.slug),
        "by_median": campaign.aggregation_mode.value == "median",
        "may_award": request.user.has_perm("evaluations.award_prizes", campaign),
    })


def _url_or_empty(name: str, **kwargs) -> str:
    """Part 1's page when it is mounted (the awards' form), else nothing."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def export_ranking(request, slug):
    campaign = _campaign(request.user, "evaluations.export_scores", slug)
    return exports.ranking_response(campaign)


def export_scores(request, slug):
    campaign = _campaign(request.user, "evaluations.export_scores", slug)
    return exports.scores_response(campaign)


# --- The explanation -------------------------------------------------------------------------------

def explanation(request, pk):
    entry = get_object_for(request.user, "evaluations.view_explanation",
                           Entry.objects.select_related("campaign", "category", "innovation"), pk=pk)
    return render(request, "evaluations/explanation/entry.html", {
        "entry": entry, "campaign": entry.campaign, **selectors.explanation(entry),
    })

