from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from contact import services
from contact.forms import MessageForm, PlatformMessageForm
from essaimage.http import client_ip
from essaimage.permissions import get_object_for
from innovations.models import Innovation, Replication

TEMPLATE = "contact/message_form.html"


def _send(request, form, send, context, success_url):
    """Validate, relay, confirm; on any refusal, render the form again with what was typed."""
    status, refusal = 200, None
    if form.is_valid():
        try:
            send(subject=form.cleaned_data["subject"], body=form.cleaned_data["body"])
        except ValidationError as error:  # a limit reached: nothing to correct, the text stays in the form
            refusal, status = " ".join(error.messages), 429
        else:
            messages.success(request, _("Votre message est envoyé. La réponse vous parviendra directement "
                                        "dans votre messagerie."))
            return redirect(success_url)
    return render(request, TEMPLATE, {**context, "form": form, "refusal": refusal}, status=status)


@login_not_required
def platform(request):
    anonymous = not request.user.is_authenticated
    form = PlatformMessageForm(request.POST or None, anonymous=anonymous)
    context = {"kind": "platform"}
    if request.method != "POST":
        return render(request, TEMPLATE, {**context, "form": form})
    if anonymous:
        def sender():
            return services.Sender(name=form.cleaned_data["name"], email=form.cleaned_data["email"],
                                   ip_address=client_ip(request))
    else:
        def sender():
            return services.Sender.from_user(request.user)

    def send(**message):
        return services.contact_platform(sender=sender(), **message)

    return _send(request, form, send, context, "home")


def team(request, slug):
    innovation = get_object_for(request.user, "contact.message_team", Innovation, slug=slug)
    form = MessageForm(request.POST or None)
    context = {"kind": "team", "innovation": innovation}
    if request.method != "POST":
        return render(request, TEMPLATE, {**context, "form": form})

    def send(**message):
        try:
            return services.contact_team(innovation=innovation, sender=services.Sender.from_user(request.user),
                                         **message)
        except PermissionDenied:
            raise Http404 from None

    return _send(request, form, send, context, innovation.get_absolute_url())


def declarer(request, pk):
    replication = get_object_for(
        request.user, "contact.message_declarer",
        Replication.objects.select_related("innovation", "declared_by", "organisation", "territory"), pk=pk)
    form = MessageForm(request.POST or None)
    context = {"kind": "declarer", "replication": replication, "innovation": replication.innovation}
    if request.method != "POST":
        return render(request, TEMPLATE, {**context, "form": form})

    def send(**message):
        try:
            return services.contact_declarer(replication=replication,
                                             sender=services.Sender.from_user(request.user), **message)
        except PermissionDenied:
            raise Http404 from None

    return _send(request, form, send, context, replication.innovation.get_absolute_url() + "#essaimages")
