from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from essaimage import forms, selectors
from essaimage.enums import TerritoryLevel


@method_decorator(login_not_required, name="dispatch")
class HomeView(TemplateView):
    template_name = "essaimage/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(figures=selectors.home_figures(), latest=selectors.latest_innovations(),
                                        **kwargs)


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
        user = form.save()
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Bienvenue %(name)s, votre compte est créé.") % {"name": user.first_name})
        return redirect("profile")


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "essaimage/login.html"
    authentication_form = forms.LoginForm
    redirect_authenticated_user = True


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
