from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.shortcuts import redirect, resolve_url
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from essaimage import forms, selectors, services
from essaimage.enums import TerritoryLevel
from essaimage.models import User
from essaimage.tokens import signup_token_generator


@method_decorator(login_not_required, name="dispatch")
class HomeView(TemplateView):
    template_name = "essaimage/home.html"

    def get_context_data(self, **kwargs):
        # The content is cached under the version of its data (figures, latest innovations) and
        # the visitor's state: figures and innovations are read only when it is rendered.
        key = f"home:{selectors.home_version()}:{int(self.request.user.is_authenticated)}"
        return super().get_context_data(figures=SimpleLazyObject(selectors.home_figures),
                                        latest=SimpleLazyObject(selectors.latest_innovations),
                                        content_key=key, **kwargs)


@method_decorator(login_not_required, name="dispatch")
class PageView(TemplateView):
    """The pages a French public site must have (accessibility, legal notice...)."""


@method_decorator(login_not_required, name="dispatch")
class SignupView(FormView):
    template_name = "essaimage/signup.html"
    form_class = forms.SignupForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("profile")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        form.save(request=self.request)
        # The same answer whether the address already has an account or not: the e-mail tells.
        return redirect("signup_done")


@method_decorator(login_not_required, name="dispatch")
class SignupDoneView(TemplateView):
    template_name = "essaimage/signup_done.html"


@method_decorator(login_not_required, name="dispatch")
class SignupConfirmView(TemplateView):
    """The link of the confirmation e-mail: a page with one button (a GET changes nothing, so a
    mail scanner that opens the link does not confirm it), whose POST activates and logs in."""

    template_name = "essaimage/signup_confirm.html"

    def dispatch(self, request, *args, uidb64, token, **kwargs):
        self.pending = self._pending_user(uidb64, token)
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def _pending_user(uidb64, token):
        try:
            user = User.objects.get(pk=int(urlsafe_base64_decode(uidb64).decode()))
        except (ValueError, OverflowError, UnicodeDecodeError, User.DoesNotExist):
            return None
        if user.is_pending_signup and signup_token_generator.check_token(user, token):
            return user
        return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(pending=self.pending, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.pending is None:
            return self.get(request, *args, **kwargs)
        try:
            user = services.signup_confirm(user=self.pending)
        except ValueError:  # deactivated meanwhile by an administrator
            self.pending = None
            return self.get(request, *args, **kwargs)
        login(request, user, backend="essaimage.backends.ThrottledModelBackend")
        messages.success(request, _("Bienvenue %(name)s, votre adresse est confirmée et votre compte est prêt.")
                         % {"name": user.first_name})
        return redirect(resolve_url(settings.LOGIN_REDIRECT_URL))


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "essaimage/login.html"
    authentication_form = forms.LoginForm
    redirect_authenticated_user = True


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The new password logs its owner in (and lifts a log-in lock: forms.SetPasswordForm)."""

    form_class = forms.SetPasswordForm
    template_name = "essaimage/password_reset_confirm.html"
    post_reset_login = True
    post_reset_login_backend = "essaimage.backends.ThrottledModelBackend"

    def get_success_url(self):
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Votre mot de passe est modifié et vous êtes connecté."))
        return response


class DashboardView(TemplateView):
    """« Mon espace »: where everyone lands after logging in (settings.LOGIN_REDIRECT_URL)."""

    template_name = "essaimage/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if apps.is_installed("innovations"):
            from innovations.dashboard import dashboard

            context.update(dashboard(self.request.user))
        return context


class ProfileView(FormView):
    """The logged-in user's own profile: there is no URL to anyone else's."""

    template_name = "essaimage/profile.html"
    success_url = reverse_lazy("profile")

    def get_form(self, form_class=None):
        return forms.ProfileForm(self.request.POST or None, user=self.request.user)

    def form_valid(self, form):
        try:
            form.save()
        except ValidationError as error:  # a SIRET given to another organisation at the same instant
            form.add_error("organisation_siret" if error.code == "siret_conflict" else None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Votre profil est enregistré."))
        return super().form_valid(form)


@login_not_required
def territory_suggestions(request):
    levels = [lv for lv in request.GET.get("levels", "").split(",") if lv in TerritoryLevel.values]
    found = selectors.territory_search(query=request.GET.get("q", "")[:80], levels=levels or None)
    return JsonResponse({"results": [{"id": t.pk, "label": t.label} for t in found]})


@login_not_required
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them the DSFR's."""
    return HttpResponsePermanentRedirect(static("dsfr/dist/favicon/favicon.ico"))
