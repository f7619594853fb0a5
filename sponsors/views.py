import json
from functools import cache
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from essaimage.permissions import get_object_for
from essaimage.selectors import audit_entries_for
from innovations import selectors as innovation_selectors
from sponsors import forms, matching, rules, selectors, services
from sponsors.enums import ProfileAction, RequestAction, SponsorshipAction
from sponsors.models import SponsorProfile, SponsorshipRequest

# (fill, text colour) for 0, 1, 2, 3 or more sponsors: DSFR blues, contrast AA for the figures.
MAP_COLOURS = [("#eeeeee", "#161616"), ("#cacafb", "#161616"), ("#4747d6", "#ffffff"), ("#000091", "#ffffff")]
MAP_FILE = Path(__file__).resolve().parent / "data" / "departements.json"


@cache
def map_shapes() -> dict:
    """The committed outlines of the départements (devtools/build_departement_map.py)."""
    return json.loads(MAP_FILE.read_text())


def _apply_errors(request, form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            for text in errors:
                form.add_error(field if field in form.fields else None, text)
    else:
        for text in error.messages:
            form.add_error(None, text)


@login_not_required
def directory(request):
    context = selectors.directory(params=request.GET, page_number=request.GET.get("page"))
    context["can_volunteer"] = request.user.has_perm("sponsors.volunteer")
    return render(request, "sponsors/directory.html", context)


@login_not_required
def france_map(request):
    counts = selectors.departement_counts()
    shapes = map_shapes()
    departements = []
    for row in counts:
        shape = shapes["departements"].get(row["code"])
        fill, text_fill = MAP_COLOURS[min(row["count"], len(MAP_COLOURS) - 1)]
        departements.append({**row, "path": shape["path"] if shape else "", "tile": None if shape else
                             shapes["overseas"].get(row["code"]), "label_at": shape["label"] if shape else None,
                             "fill": fill, "text_fill": text_fill})
    return render(request, "sponsors/map.html", {
        "departements": departements, "view_box": shapes["viewBox"], "attribution": shapes["attribution"],
        "total": selectors.approved_count(),
    })


@login_not_required
def ranking_explained(request):
    return render(request, "sponsors/ranking.html", {"points": {
        "theme": matching.THEME_POINTS, "departement": matching.DEPARTEMENT_POINTS, "region": matching.REGION_POINTS,
        "target": matching.TARGET_POINTS, "capacity_cap": matching.CAPACITY_CAP,
        "success": matching.SUCCESS_POINTS, "success_cap": matching.SUCCESS_CAP}})


@login_not_required
def profile(request, pk):
    sponsor = get_object_for(request.user, "sponsors.view_sponsorprofile", selectors.profile_page_queryset(), pk=pk)
    context = {"sponsor": sponsor, "allowed": {a.value: True for a in rules.allowed_profile_actions(request.user,
                                                                                                     sponsor)},
               "is_owner": sponsor.user_id == request.user.pk,
               "is_moderator": request.user.has_perm("sponsors.moderate_sponsorprofile")}
    if context["is_owner"] or context["is_moderator"]:
        context["history"] = audit_entries_for(sponsor)
        context["moderation_form"] = forms.MessageForm()
    return render(request, "sponsors/profile.html", context)


def volunteer(request):
    """« Devenir parrain ou marraine »: create one's profile, or edit it."""
    existing = selectors.profile_of(request.user)
    if existing is not None:
        if not request.user.has_perm("sponsors.change_sponsorprofile", existing):
            messages.info(request, _("Votre profil est suspendu : il ne peut pas être modifié."))
            return redirect(existing)
    elif not request.user.has_perm("sponsors.volunteer"):
        raise Http404
    form = forms.ProfileForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.profile_save(by=request.user, profile=existing, **form.service_arguments())
        except ValidationError as error:
            _apply_errors(request, form, error)
        else:
            if "submit" in request.POST and ProfileAction.SUBMIT in rules.allowed_profile_actions(request.user, saved):
                services.profile_transition(profile=saved, action=ProfileAction.SUBMIT, by=request.user)
                messages.success(request, _("Votre profil est envoyé à la modération : vous serez prévenu de la "
                                            "décision."))
            else:
                messages.success(request, _("Votre profil est enregistré."))
            return redirect(saved)
    return render(request, "sponsors/profile_form.html", {"form": form, "sponsor": existing})


@require_POST
def profile_action(request, pk, action):
    sponsor = get_object_for(request.user, "sponsors.view_sponsorprofile", SponsorProfile, pk=pk)
    try:
        action = ProfileAction(action)
    except ValueError:
        raise Http404 from None
    form = forms.MessageForm(request.POST)
    form.is_valid()
    try:
        services.profile_transition(profile=sponsor, action=action, by=request.user,
                                    message=form.cleaned_data.get("message", ""))
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Décision enregistrée : %(action)s.") % {"action": action.label.lower()})
    return redirect(sponsor)


def moderation(request):
    if not request.user.has_perm("sponsors.moderate_sponsorprofile"):
        raise Http404
    return render(request, "sponsors/moderation.html", {"profiles": selectors.moderation_queue()})


def request_create(request, slug, pk):
    innovation = get_object_for(request.user, "sponsors.request_sponsor",
                                innovation_selectors.innovation_page_queryset(), slug=slug)
    sponsor = get_object_for(request.user, "sponsors.view_sponsorprofile",
                             selectors.public_profiles().select_related("user"), pk=pk)
    form = forms.RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.request_create(innovation=innovation, sponsor=sponsor, by=request.user,
                                              **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(request, form, error)
        else:
            messages.success(request, _("Votre demande est envoyée à %(name)s.") % {"name": sponsor})
            return redirect(created)
    return render(request, "sponsors/request_form.html", {"form": form, "innovation": innovation,
                                                          "sponsor": sponsor})


def _request_for(user, pk):
    return get_object_for(user, "sponsors.view_sponsorshiprequest",
                          SponsorshipRequest.objects.select_related("innovation", "sponsor__user", "requested_by",
                                                                    "sponsorship"), pk=pk)


def request_detail(request, pk):
    request_obj = _request_for(request.user, pk)
    allowed = rules.allowed_request_actions(request.user, request_obj)
    accept_form = forms.AcceptForm(initial={"objectives": request_obj.objectives})
    decline_form = forms.DeclineForm()
    if request.method == "POST":
        try:
            action = RequestAction(request.POST.get("action", ""))
        except ValueError:
            raise Http404 from None
        if action not in allowed:
            messages.error(request, _("Cette action n’est plus possible."))
            return redirect(request_obj)
        form = {RequestAction.ACCEPT: forms.AcceptForm, RequestAction.DECLINE: forms.DeclineForm}.get(
            action, forms.MessageForm)(request.POST)
        if form.is_valid():
            try:
                done = services.request_transition(request=request_obj, action=action, by=request.user,
                                                   **form.cleaned_data)
            except ValidationError as error:
                _apply_errors(request, form, error)
            else:
                if action == RequestAction.ACCEPT:
                    messages.success(request, _("Vous parrainez désormais « %(title)s ».")
                                     % {"title": request_obj.innovation.title})
                    return redirect(done.created_sponsorship)
                messages.success(request, _("Votre réponse est enregistrée et l’équipe est prévenue.")
                                 if action == RequestAction.DECLINE else _("Votre demande est retirée."))
                return redirect(request_obj)
        if action == RequestAction.ACCEPT:
            accept_form = form
        elif action == RequestAction.DECLINE:
            decline_form = form
    return render(request, "sponsors/request_detail.html", {
        "req": request_obj, "allowed": {a.value: True for a in allowed}, "accept_form": accept_form,
        "decline_form": decline_form, "sponsorship": getattr(request_obj, "sponsorship", None)})


def _sponsorship_for(user, pk):
    return get_object_for(user, "sponsors.view_sponsorship", selectors.sponsorship_page_queryset(), pk=pk)


def sponsorship_detail(request, pk):
    sponsorship = _sponsorship_for(request.user, pk)
    checkin_form = forms.CheckInForm()
    if request.method == "POST":
        checkin_form = forms.CheckInForm(request.POST)
        if checkin_form.is_valid():
            try:
                services.checkin_add(sponsorship=sponsorship, by=request.user, **checkin_form.cleaned_data)
            except PermissionDenied:
                messages.error(request, _("Ce parrainage est terminé : il ne reçoit plus de point d’étape."))
                return redirect(sponsorship)
            except ValidationError as error:
                _apply_errors(request, checkin_form, error)
            else:
                messages.success(request, _("Point d’étape enregistré."))
                return redirect(sponsorship)
    return render(request, "sponsors/sponsorship_detail.html", {
        "sponsorship": sponsorship, "checkins": sponsorship.checkins.select_related("author"),
        "checkin_form": checkin_form,
        "can_checkin": request.user.has_perm("sponsors.add_checkin", sponsorship),
        "allowed": {a.value: True for a in rules.allowed_sponsorship_actions(request.user, sponsorship)},
    })


def sponsorship_end(request, pk):
    sponsorship = _sponsorship_for(request.user, pk)
    form = forms.EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.sponsorship_transition(sponsorship=sponsorship, action=SponsorshipAction.END, by=request.user,
                                            **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [_("Action impossible.")])))
        else:
            messages.success(request, _("Le parrainage est terminé ; merci pour ce bilan."))
        return redirect(sponsorship)
    return render(request, "sponsors/sponsorship_end.html", {"sponsorship": sponsorship, "form": form})
