from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from essaimage.csv_export import csv_response
from essaimage.permissions import get_object_for
from sponsors.events import forms, ical, rules, selectors, services
from sponsors.events.enums import EventAction, Period, RegistrationAction
from sponsors.events.models import Registration


def _event_for(user, perm, slug):
    return get_object_for(user, perm, selectors.event_page_queryset(), slug=slug)


def _flash_errors(request, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)


@login_not_required
def event_list(request):
    form = forms.EventFilterForm(request.GET or None, choices=selectors.filter_choices())
    filters = form.filters()
    page = selectors.event_page(request.GET.get("page"), **filters)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "sponsors/events/event_list.html", {
        "form": form, "page": page, "events": page.object_list, "past": filters["period"] == Period.PAST,
        "query_without_page": query.urlencode(), "can_create": request.user.has_perm("sponsors.add_event"),
    })


@login_not_required
def feed(request):
    body = ical.calendar(selectors.upcoming_feed(), name=_("Rencontres Essaimage"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rencontres-essaimage.ics"'
    return response


def _person_actions(user, registration) -> list[RegistrationAction]:
    """The buttons of « Votre participation »: with a seat offered, « Accepter la place » first
    and « Refuser la place » (not also « Se désinscrire », which would do the same)."""
    if registration is None:
        return []
    actions = rules.allowed_registration_actions(user, registration)
    if RegistrationAction.ACCEPT in actions:
        return [action for action in (RegistrationAction.ACCEPT, RegistrationAction.DECLINE) if action in actions]
    return actions


@login_not_required
def event_detail(request, slug):
    user = request.user
    event = _event_for(user, "sponsors.view_event", slug)
    registration = rules.registration_of(user, event)
    event_actions = rules.allowed_event_actions(user, event)
    context = {
        "event": event,
        "registration": registration,
        "registration_actions": _person_actions(user, registration),
        "can_register": user.has_perm("sponsors.register_event", event),
        "can_see_link": user.has_perm("sponsors.view_event_link", event),
        "can_edit": user.has_perm("sponsors.change_event", event),
        "can_manage": user.has_perm("sponsors.manage_event", event),
        "can_write_minutes": user.has_perm("sponsors.change_minutes", event),
        "can_publish": EventAction.PUBLISH in event_actions,
        "can_cancel": EventAction.CANCEL in event_actions,
        "public_attendees": selectors.public_attendees(event),
        "waiting_rank": (selectors.waiting_rank(registration)
                         if registration and registration.state.is_waiting else None),
    }
    return render(request, "sponsors/events/event_detail.html", context)


@login_not_required
def event_ics(request, slug):
    event = _event_for(request.user, "sponsors.view_event", slug)
    body = ical.calendar([event], with_link_for=lambda e: request.user.has_perm("sponsors.view_event_link", e))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def _save_event(request, form, event=None):
    data = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS}
    return services.event_save(by=request.user, event=event, data=data, themes=form.cleaned_data["themes"],
                               innovations=form.cleaned_data["innovation_links"])


def event_create(request):
    if not request.user.has_perm("sponsors.add_event"):
        raise Http404
    form = forms.EventForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            event = _save_event(request, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Rencontre enregistrée en brouillon : relisez-la puis publiez-la."))
            return redirect(event)
    return render(request, "sponsors/events/event_form.html", {"form": form, "event": None})


def event_edit(request, slug):
    event = _event_for(request.user, "sponsors.change_event", slug)
    form = forms.EventForm(request.POST if request.method == "POST" else None, instance=event)
    if request.method == "POST" and form.is_valid():
        try:
            event = _save_event(request, form, event=event)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Rencontre modifiée."))
            return redirect(event)
    return render(request, "sponsors/events/event_form.html", {"form": form, "event": event})


@require_POST
def event_publish(request, slug):
    event = _event_for(request.user, "sponsors.publish_event", slug)
    try:
        services.event_transition(event=event, action=EventAction.PUBLISH, by=request.user)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(request, _("Rencontre publiée : elle figure dans l’agenda."))
    return redirect(event)


def event_cancel(request, slug):
    event = _event_for(request.user, "sponsors.cancel_event", slug)
    if EventAction.CANCEL not in rules.allowed_event_actions(request.user, event):
        messages.error(request, _("Cette rencontre ne peut plus être annulée."))
        return redirect(event)
    form = forms.CancelEventForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_transition(event=event, action=EventAction.CANCEL, by=request.user,
                                      message=form.cleaned_data["message"])
        except ValidationError as error:
            _flash_errors(request, error)
        else:
            messages.success(request, _("Rencontre annulée : les personnes inscrites sont prévenues."))
        return redirect(event)
    return render(request, "sponsors/events/event_cancel.html", {"event": event, "form": form})


def register(request, slug):
    event = _event_for(request.user, "sponsors.view_event", slug)
    if not request.user.has_perm("sponsors.register_event", event):
        if rules.registration_of(request.user, event) is not None:
            messages.info(request, _("Vous êtes déjà inscrit à cette rencontre (ou sur sa liste d’attente)."))
        elif request.user.has_perm("sponsors.manage_event", event):
            messages.info(request, _("Vous organisez cette rencontre : vous n’avez pas à vous y inscrire."))
        else:
            messages.info(request, _("Les inscriptions à cette rencontre sont closes."))
        return redirect(event)
    form = forms.RegistrationForm(request.POST if request.method == "POST" else None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                event=event, by=request.user, intends_to_replicate=form.cleaned_data.get("intends_to_replicate"),
                public_listing=form.cleaned_data["public_listing"])
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied:
            messages.info(request, _("L’inscription à cette rencontre n’est pas possible."))
            return redirect(event)
        else:
            if registration.state.is_waiting:
                messages.success(request, _("La rencontre est complète : vous êtes en liste d’attente (rang "
                                            "%(position)s). Si une place se libère, elle vous sera proposée par "
                                            "e-mail.")
                                 % {"position": selectors.waiting_rank(registration)})
            else:
                messages.success(request, _("Vous êtes inscrit : un rappel vous sera envoyé la veille."))
            return redirect(event)
    return render(request, "sponsors/events/register.html", {"event": event, "form": form,
                                                             "full": event.is_full})


REGISTRATION_MESSAGES = {  # lazy: read at request time
    RegistrationAction.CANCEL: _lazy("Votre inscription est annulée."),
    RegistrationAction.ACCEPT: _lazy("Place acceptée : vous êtes inscrit."),
    RegistrationAction.DECLINE: _lazy("Vous avez refusé la place : elle est proposée à la personne suivante."),
    RegistrationAction.MARK_PRESENT: _lazy("Présence enregistrée."),
    RegistrationAction.MARK_ABSENT: _lazy("Absence enregistrée."),
}


@require_POST
def registration_action(request, pk, action):
    registration = get_object_for(request.user, "sponsors.view_registration",
                                  Registration.objects.select_related("event", "user"), pk=pk)
    try:
        action = RegistrationAction(action)
    except ValueError:
        raise Http404 from None
    if action not in REGISTRATION_MESSAGES:
        raise Http404
    try:
        services.registration_transition(registration=registration, action=action, by=request.user)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(request, REGISTRATION_MESSAGES[action])
    if action in (RegistrationAction.MARK_PRESENT, RegistrationAction.MARK_ABSENT):
        return redirect("sponsors:events:attendees", registration.event.slug)
    return redirect(registration.event)


def attendees(request, slug):
    event = _event_for(request.user, "sponsors.manage_event", slug)
    rows = list(selectors.attendees(event))
    for row in rows:
        row.event = event
        row.attendance_actions = rules.allowed_attendance_actions(request.user, row)
    return render(request, "sponsors/events/attendees.html", {
        "event": event, "registrations": rows, "started": event.has_started,
        "csv_url": reverse("sponsors:events:attendees_csv", args=[event.slug])})


def attendees_csv(request, slug):
    event = _event_for(request.user, "sponsors.manage_event", slug)
    header = [_("Nom"), _("Prénom"), _("E-mail"), _("Organisation"), _("Statut"), _("Rang en liste d’attente"),
              _("Innovation à essaimer"), _("Nom public"), _("Inscrit le")]
    rows = ([r.user.last_name, r.user.first_name, r.user.email, r.user.organisation.name if r.user.organisation else "",
             r.get_status_display(), r.position, r.intends_to_replicate.title if r.intends_to_replicate else "",
             r.public_listing, r.created_at] for r in selectors.attendees(event).iterator())
    stamp = timezone.localdate().isoformat()
    return csv_response(f"participants-{event.slug}-{stamp}.csv", header, rows)


def minutes_edit(request, slug):
    event = _event_for(request.user, "sponsors.change_minutes", slug)
    form = forms.MinutesForm(request.POST if request.method == "POST" else None, initial={"minutes": event.minutes})
    if request.method == "POST" and form.is_valid():
        services.event_minutes_save(event=event, by=request.user, minutes=form.cleaned_data["minutes"])
        messages.success(request, _("Compte rendu enregistré : il figure sur la page de la rencontre."))
        return redirect(event)
    return render(request, "sponsors/events/minutes_form.html", {"event": event, "form": form})


def mine(request):
    return render(request, "sponsors/events/mine.html", {
        "organised": list(selectors.organised_by(request.user)),
        "registrations": list(selectors.registrations_of(request.user)),
        "can_create": request.user.has_perm("sponsors.add_event"),
    })
