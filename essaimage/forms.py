from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from essaimage import services
from essaimage.addresses import normalize_email_address
from essaimage.enums import OrganisationKind
from essaimage.fields import TerritoryField
from essaimage.forms_base import DsfrForm, DsfrFormMixin
from essaimage.http import client_ip
from essaimage.models import User
from essaimage.validators import normalise_siret, validate_siret


class OrganisationFieldsMixin(forms.Form):
    """Name, kind and optional SIRET of an organisation (reused when it exists), and a territory.

    The SIRET is normalised (spaces of every kind, dots, hyphens). A form whose
    `siret_blocks_saving` is False (a draft) keeps a bad or contradictory SIRET out of what it
    saves and puts its message in `deferred_errors`, for the view to show with the typed value
    once the rest is saved; otherwise it is an ordinary field error."""

    siret_blocks_saving = True

    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False,
                                        help_text=_("Par exemple : Mairie de Lille, DDETS du Nord."))
    organisation_kind = forms.ChoiceField(
        label=_("Type de structure"), required=False,
        choices=[("", _("Sélectionnez un type"))] + list(OrganisationKind.choices),
    )
    organisation_siret = forms.CharField(label=_("SIRET de l’organisation"), max_length=30, required=False,
                                         help_text=_("Facultatif : 14 chiffres, espaces acceptés."))
    territory = TerritoryField(label=_("Votre territoire"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.deferred_errors: dict[str, forms.ValidationError] = {}

    def _siret_refused(self, error: forms.ValidationError) -> str:
        if self.siret_blocks_saving:
            raise error
        self.deferred_errors["organisation_siret"] = error
        return ""

    def clean_organisation_siret(self):
        siret = normalise_siret(self.cleaned_data["organisation_siret"])
        if siret:
            try:
                validate_siret(siret)
            except forms.ValidationError as error:
                return self._siret_refused(error)
        return siret

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation_name") and not cleaned.get("organisation_kind"):
            self.add_error("organisation_kind", _("Précisez le type de votre organisation."))
        if cleaned.get("organisation_kind") and not cleaned.get("organisation_name"):
            self.add_error("organisation_name", _("Indiquez le nom de votre organisation."))
        if cleaned.get("organisation_siret") and cleaned.get("organisation_name") and cleaned.get("organisation_kind"):
            problem = services.organisation_siret_problem(
                name=cleaned["organisation_name"], kind=cleaned["organisation_kind"],
                siret=cleaned["organisation_siret"])
            if problem:
                error = forms.ValidationError(problem, code="siret_conflict")
                if self.siret_blocks_saving:
                    self.add_error("organisation_siret", error)
                else:
                    cleaned["organisation_siret"] = self._siret_refused(error)
        return cleaned

    def show_deferred_errors(self) -> list[str]:
        """After saving the rest: the SIRET's error on its field (the typed value stays)."""
        texts = []
        for field, error in self.deferred_errors.items():
            self.add_error(field, error)
            texts.extend(error.messages)
        return texts

    def organisation(self) -> services.OrganisationInput | None:
        """The organisation as typed, for a service to find or create (a form creates no row)."""
        data = self.cleaned_data
        if not data.get("organisation_name"):
            return None
        return services.OrganisationInput(
            name=data["organisation_name"], kind=data["organisation_kind"],
            siret=data.get("organisation_siret", ""), territory=data.get("territory"),
        )


# Hashing a password costs in proportion to its length: a bound for a form anyone may post.
PASSWORD_MAX_LENGTH = 1_000


class SignupForm(OrganisationFieldsMixin, DsfrForm):
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    email = forms.EmailField(label=_("Adresse e-mail professionnelle"),
                             help_text=_("Format attendu : prenom.nom@exemple.gouv.fr"))
    password1 = forms.CharField(
        max_length=PASSWORD_MAX_LENGTH, label=_("Mot de passe"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Au moins 10 caractères, pas uniquement des chiffres, ni trop courant."),
    )
    password2 = forms.CharField(
        max_length=PASSWORD_MAX_LENGTH, label=_("Confirmation du mot de passe"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["first_name", "last_name", "email", "organisation_name", "organisation_kind",
                   "organisation_siret", "territory", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["first_name"].widget.attrs.update({"autocomplete": "given-name"})
        self.fields["last_name"].widget.attrs.update({"autocomplete": "family-name"})

    def clean_email(self):
        # The normal form is what is stored and where the confirmation goes; whether an account
        # already has it is never said here (the e-mail tells the owner).
        email = normalize_email_address(self.cleaned_data["email"])
        if len(email) > User._meta.get_field("email").max_length:
            raise forms.ValidationError(_("Cette adresse est trop longue."))
        validate_email(email)
        return email

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif p1:
            candidate = User(email=cleaned.get("email") or "", first_name=cleaned.get("first_name") or "",
                             last_name=cleaned.get("last_name") or "")
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self, *, request) -> None:
        data = self.cleaned_data
        services.signup_request(
            email=data["email"], password=data["password1"], first_name=data["first_name"],
            last_name=data["last_name"], territory=data.get("territory"), ip_address=client_ip(request),
            organisation=self.organisation(),
        )


class ProfileForm(OrganisationFieldsMixin, DsfrForm):
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)

    field_order = ["first_name", "last_name", "organisation_name", "organisation_kind",
                   "organisation_siret", "territory"]

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        organisation = user.organisation
        kwargs.setdefault("initial", {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "organisation_name": organisation.name if organisation else "",
            "organisation_kind": organisation.kind if organisation else "",
            "organisation_siret": organisation.siret if organisation else "",
            "territory": user.territory,
        })
        super().__init__(*args, **kwargs)

    def save(self):
        data = self.cleaned_data
        return services.profile_update(
            user=self.user, first_name=data["first_name"], last_name=data["last_name"],
            organisation=self.organisation(), territory=data.get("territory"),
        )


class ThrottleMessageMixin:
    """The authentication backend flags a throttled request; say so instead of « incorrect »."""

    throttled_message = _("Trop de tentatives de connexion pour ce compte ou depuis votre réseau. "
                          "Réessayez dans un quart d’heure, ou réinitialisez votre mot de passe : "
                          "le lien reçu par e-mail vous connecte aussitôt.")

    def get_invalid_login_error(self):
        if getattr(self.request, "login_throttled", False):
            return forms.ValidationError(self.throttled_message, code="throttled")
        return super().get_invalid_login_error()


class LoginForm(ThrottleMessageMixin, DsfrFormMixin, auth_forms.AuthenticationForm):
    username = forms.EmailField(label=_("Adresse e-mail"),
                                widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}))

    error_messages = {
        "invalid_login": _("Adresse e-mail ou mot de passe incorrect. Vérifiez votre saisie."),
        "inactive": _("Ce compte est désactivé."),
    }


class AdminLoginForm(ThrottleMessageMixin, AdminAuthenticationForm):
    """The admin site's log-in: the same backend, hence the same limits, as the site's."""


class PasswordResetForm(DsfrFormMixin, auth_forms.PasswordResetForm):
    # One word for it across the site: « e-mail » (Django's French says « Courriel »).
    email = forms.EmailField(label=_("Adresse e-mail"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def save(self, *, request=None, **kwargs) -> None:
        services.password_reset_request(email=self.cleaned_data["email"], ip_address=client_ip(request))


class SetPasswordForm(DsfrFormMixin, auth_forms.SetPasswordForm):
    def save(self, commit=True):
        user = super().save(commit=commit)
        services.login_lock_lift(email=user.email)
        return user
