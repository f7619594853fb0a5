from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from essaimage.permissions import get_object_for
from notifications import registry, selectors, services, unsubscribe
from notifications.enums import Frequency
from notifications.forms import PreferencesForm
from notifications.models import Notice

NOTICES_PER_PAGE = 20


def _same_site(url: str) -> bool:
    """A path on this site (« /innovations/… »), never another host (« //evil.example »)."""
    return bool(url) and url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=set())


def notice_list(request):
    page = Paginator(selectors.notices_for(request.user), NOTICES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/notice_list.html", {
        "page_obj": page, "page": page, "notices": page.object_list,
        "follows": selectors.follows_for(request.user),
    })


def notice_open(request, pk):
    """Opening a notice marks it read and leads to its object (a same-site path only)."""
    notice = get_object_for(request.user, "notifications.read_notice", Notice, pk=pk)
    services.notice_mark_read(notice=notice, by=request.user)
    return redirect(notice.url if _same_site(notice.url) else "notifications:list")


@require_POST
def notices_read_all(request):
    if services.notices_mark_all_read(user=request.user):
        messages.success(request, _("Toutes vos notifications sont marquées comme lues."))
    return redirect("notifications:list")


def preferences(request):
    form = PreferencesForm(request.POST or None, initial_frequencies=selectors.frequencies_for(request.user))
    if request.method == "POST" and form.is_valid():
        services.preferences_set(user=request.user, frequencies=form.cleaned_data)
        messages.success(request, _("Vos préférences de notification sont enregistrées."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@require_POST
def follow(request, label, pk):
    """Follow (`action=follow`) or stop following (`action=unfollow`) an object one may see."""
    entry = registry.followable(label)
    if entry is None:
        raise Http404
    obj = get_object_for(request.user, entry.view_permission, entry.model, pk=pk)
    if request.POST.get("action") == "unfollow":
        services.unfollow(user=request.user, obj=obj)
        messages.success(request, _("Vous ne suivez plus « %(object)s ».") % {"object": obj})
    else:
        services.follow(user=request.user, obj=obj)
        messages.success(request, str(entry.followed_message) % {"object": obj})
    following = request.POST.get("next", "")
    return redirect(following if _same_site(following) else obj.get_absolute_url())


def _kind_label(kind: str) -> str:
    if kind == unsubscribe.DIGEST:
        return _("le récapitulatif quotidien")
    return str(registry.kind(kind).label) if registry.is_kind(kind) else ""


@login_not_required
@csrf_exempt  # RFC 8058: the mail client POSTs without a CSRF token; the signed token protects
def unsubscribe_view(request, token):
    """GET: a page with a button (mail scanners follow links: no change on GET). POST (the
    button, or a mail client's one-click): no more e-mail of that kind."""
    try:
        user_id, kind = unsubscribe.read_token(token)
        user = get_user_model().objects.get(pk=user_id)
    except (signing.BadSignature, get_user_model().DoesNotExist):
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    label = _kind_label(kind)
    if not label:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    done = request.method == "POST"
    if done:
        services.unsubscribe_apply(user=user, kind=kind)
    return render(request, "notifications/unsubscribe.html", {
        "done": done, "label": label, "is_digest": kind == unsubscribe.DIGEST, "email": user.email,
        "never": Frequency.NEVER.label,
    })
