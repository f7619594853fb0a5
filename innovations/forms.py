import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from essaimage import uploads
from essaimage.fields import TerritoryField
from essaimage.forms import OrganisationFieldsMixin
from essaimage.forms_base import DsfrForm, DsfrModelForm
from essaimage.models import MEDIUM_TEXT_MAX_LENGTH, MESSAGE_MAX_LENGTH, User
from innovations import selectors, services
from innovations.enums import MODERATOR_ACTIONS, ModerationAction, ReplicationStatus, ScalingMode
from innovations.models import BusinessModel, Innovation, Replication, Theme

def crispy_helper(*fieldsets) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*fieldsets)
    return helper


class InnovationForm(OrganisationFieldsMixin, DsfrModelForm):
    """The innovation's sections. Everything but the title may stay empty in a draft; what
    submission requires is checked by services.innovation_transition. A bad SIRET does not
    block a draft either: the rest is saved and the SIRET's message shown (see the mixin)."""

    siret_blocks_saving = False

    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"), queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
    )
    territory = TerritoryField(label=_("Territoire d'origine"), required=False)
    form_token = forms.UUIDField(required=False, widget=forms.HiddenInput)
    # The version the form was opened on: saving over a newer one is refused (lost update).
    base_revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    coauthors = forms.CharField(
        label=_("Co-auteurs"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2_000,
        help_text=_("Adresses e-mail d'agents inscrits sur la plateforme, une par ligne : "
                    "ils pourront modifier la fiche avec vous."),
    )

    class Meta:
        model = Innovation
        fields = ["title", "summary", "stage", "problem", "solution", "public_concerned",
                  "territory", "results", "evidence", "costs", "links"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
            "problem": forms.Textarea(attrs={"rows": 4}),
            "solution": forms.Textarea(attrs={"rows": 5}),
            "public_concerned": forms.Textarea(attrs={"rows": 2}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
            "costs": forms.Textarea(attrs={"rows": 3}),
            "links": forms.Textarea(attrs={"rows": 2}),
            "stage": forms.RadioSelect,
        }
        help_texts = {
            "summary": _("500 caractères au plus : ce que fait l'innovation, pour qui, avec quel résultat."),
            "links": _("Une adresse web par ligne (site du projet, article, évaluation...)."),
            "results": _("Chiffres, effets observés, témoignages."),
            "evidence": _("Évaluations menées, indicateurs suivis, études."),
            "costs": _("Coût de mise en place et de fonctionnement, moyens humains."),
        }

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        instance = kwargs.get("instance")
        organisation = instance.organisation if instance and instance.pk else user.organisation
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("organisation_name", organisation.name if organisation else "")
        initial.setdefault("organisation_kind", organisation.kind if organisation else "")
        initial.setdefault("organisation_siret", organisation.siret if organisation else "")
        if instance and instance.pk:
            initial.setdefault("coauthors", "\n".join(
                m.user.email for m in instance.members.select_related("user") if m.role == "coauthor"))
            initial.setdefault("themes", list(instance.theme_ids))
            initial.setdefault("base_revision", services.latest_revision_id(instance))
        else:
            initial.setdefault("territory", user.territory)
            initial.setdefault("form_token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = _("Obligatoire, même pour un brouillon.")
        self.fields["territory"].label = _("Territoire d'origine")
        self.fields["organisation_name"].label = _("Organisation porteuse")
        self.fields["organisation_kind"].label = _("Type de l'organisation porteuse")
        for name in ["summary", "stage", "problem", "solution", "public_concerned"]:
            self.fields[name].required = False
        for name in ["summary", "themes", "problem", "solution", "public_concerned", "territory", "organisation_name",
                     "organisation_kind"]:
            self.fields[name].needed_to_submit = True
        self.fields["themes"].widget.inline = True
        self.helper = crispy_helper(
            Fieldset(_("Identité de l'innovation"), "form_token", "base_revision", "title", "summary", "themes",
                     "stage", css_id="section-identite"),
            Fieldset(_("Problème et solution"), "problem", "solution", "public_concerned", css_id="section-solution"),
            Fieldset(_("Territoire et porteur"), "territory", "organisation_name", "organisation_kind",
                     "organisation_siret", "coauthors", css_id="section-porteur"),
            Fieldset(_("Résultats, coûts et liens"), "results", "evidence", "costs", "links",
                     css_id="section-resultats"),
        )

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_links(self):
        validate = URLValidator(schemes=["http", "https"])
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        for line in lines:
            try:
                validate(line)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("« %(line)s » n'est pas une adresse web valide (elle doit commencer par https://).")
                    % {"line": line[:80]}
                ) from None
        return "\n".join(lines)

    def clean_coauthors(self):
        emails = {e.strip().lower() for e in self.cleaned_data["coauthors"].replace(",", "\n").split() if e.strip()}
        emails.discard(self.user.email.lower())
        users = list(User.objects.filter(email__in=emails, is_active=True))
        unknown = emails - {u.email.lower() for u in users}
        if unknown:
            raise forms.ValidationError(
                _("Aucun compte n'existe pour : %(emails)s. Invitez ces personnes à s'inscrire, puis ajoutez-les.")
                % {"emails": ", ".join(sorted(unknown))}
            )
        return users

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["stage"] = data["stage"] or Innovation._meta.get_field("stage").default
        data["organisation"] = self.organisation()
        return data


class BusinessModelForm(DsfrModelForm):
    prefix = "grid"

    class Meta:
        model = BusinessModel
        fields = BusinessModel.TEXT_PARTS
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in BusinessModel.TEXT_PARTS}
        help_texts = {
            "value_proposition": _("Ce que l'innovation apporte, et en quoi elle diffère de l'existant."),
            "beneficiaries": _("Qui en bénéficie directement et indirectement."),
            "key_partners": _("Partenaires indispensables : financeurs, opérateurs, associations..."),
            "key_resources": _("Moyens humains, techniques, immatériels indispensables."),
            "cost_structure": _("Principaux postes de coût."),
            "revenue_model": _("Recettes, économies générées ou coûts évités."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["value_proposition", "beneficiaries"]:
            self.fields[name].needed_to_submit = True
        self.helper = crispy_helper(
            Fieldset(_("Valeur créée"), "value_proposition", "beneficiaries", css_id="grille-valeur"),
            Fieldset(_("Moyens"), "key_partners", "key_resources", "cost_structure", "revenue_model",
                     css_id="grille-moyens"),
            Fieldset(_("Conditions du transfert"), "transfer_skills", "transfer_budget", "transfer_time",
                     "transfer_legal", css_id="grille-transfert"),
        )


class FundingForm(DsfrForm):
    label = forms.CharField(label=_("Source de financement"), max_length=120, required=False)
    share = forms.IntegerField(label=_("Part (%)"), min_value=1, max_value=100, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("label") and cleaned.get("share") is None:
            self.add_error("share", _("Indiquez la part de cette source."))
        if cleaned.get("share") is not None and not cleaned.get("label"):
            self.add_error("label", _("Indiquez le nom de cette source."))
        return cleaned


class BaseFundingFormSet(forms.BaseFormSet):
    """The funding mix. Its total is checked at submission only (services.funding_problem):
    a draft may hold shares that do not add up to 100 % yet."""

    default_error_messages = {
        "missing_management_form": _("Le tableau du financement n’a pas été transmis en entier : "
                                     "rechargez la page puis saisissez-le à nouveau."),
        "too_many_forms": _("Le financement compte au plus %(num)d sources."),
        "too_few_forms": _("Le financement compte au moins %(num)d source."),
    }

    def clean(self):
        management = self.management_form.cleaned_data
        total, initial = management.get("TOTAL_FORMS"), management.get("INITIAL_FORMS")
        if total is not None and (total < 0 or initial is None or not 0 <= initial <= total):
            # A tampered count (e.g. -1) would read as "no source" and wipe the mix.
            raise forms.ValidationError(self.error_messages["missing_management_form"], code="tampered")

    def total_form_count(self):
        return max(0, super().total_form_count())

    def _construct_form(self, i, **kwargs):
        # Every row is read, even an extra row equal to its initial value (all fields are optional).
        form = super()._construct_form(i, **kwargs)
        form.empty_permitted = False
        return form

    def sources(self) -> list[tuple[str, int]]:
        return [(f.cleaned_data["label"], f.cleaned_data["share"]) for f in self.forms
                if f.cleaned_data.get("label") and f.cleaned_data.get("share")]


FUNDING_ROWS = 5
FUNDING_MAX = 10


def funding_formset(data=None, business_model=None):
    initial = []
    if business_model is not None and business_model.pk:
        initial = [{"label": s.label, "share": s.share} for s in business_model.funding_sources.all()]
    formset_class = forms.formset_factory(
        FundingForm, formset=BaseFundingFormSet, extra=max(FUNDING_ROWS - len(initial), 1),
        max_num=FUNDING_MAX, absolute_max=FUNDING_MAX, validate_max=True,
    )
    return formset_class(data, initial=initial, prefix="funding")


class AttachmentForm(DsfrForm):
    """A file and what it is. In the edit form (`optional`), choosing no file adds nothing."""

    policy = uploads.INNOVATION_ATTACHMENTS  # types, size and sentences: essaimage/uploads.py
    file = forms.FileField(label=_("Ajouter une pièce jointe"), help_text=policy.help_text)
    description = forms.CharField(
        label=_("Description de la pièce jointe"), max_length=300, required=False,
        help_text=_("Ce que contient le document, en une phrase (ex.\u00a0: « Bilan 2025 de l’expérimentation »)."),
    )

    def __init__(self, *args, optional: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].required = not optional
        self.fields["file"].widget.attrs["accept"] = self.policy.accept

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload:
            return upload
        self.cleaned_data["content_type"] = self.policy.check(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("description") and not cleaned.get("file") and "file" not in self.errors:
            self.add_error("file", _("Choisissez le fichier que décrit votre description."))
        return cleaned


class ModerationForm(DsfrForm):
    action = forms.ChoiceField(choices=[(a.value, a.label) for a in ModerationAction if a in MODERATOR_ACTIONS],
                               widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message à l'équipe"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("Obligatoire pour demander des modifications ; joint à l'e-mail envoyé à l'équipe."),
    )


class HintedLabel:
    """A choice label with a hint: django-dsfr's radio option renders `label.label` with
    `label.help_text` as a DSFR hint (a dict would be taken by Django for a group of choices)."""

    def __init__(self, label, help_text):
        self.label, self.help_text = label, help_text

    def __str__(self):
        return str(self.label)


# What each scaling mode means, shown under its radio button.
SCALING_MODE_HINTS = {
    ScalingMode.DIFFUSION: _("Vous reprenez l’innovation par vous-même, à partir de ce qui est publié "
                             "(méthode, outils, conseils), sans engagement formel avec l’équipe d’origine."),
    ScalingMode.PARTENARIAT: _("Vous la mettez en œuvre avec l’équipe d’origine, qui vous accompagne dans le cadre "
                               "d’un accord ou d’une convention (appui, échanges, moyens partagés)."),
    ScalingMode.AFFILIATION: _("Vous rejoignez le réseau animé par l’équipe d’origine\u00a0: vous restez autonome "
                               "mais suivez un cahier des charges commun (charte, marque, outils) en échange "
                               "de son appui."),
    ScalingMode.FILIALE: _("L’organisation d’origine ouvre elle-même une antenne sur votre territoire "
                           "et la pilote directement."),
}
SCALING_MODE_HELP = _("Comment l’innovation passe de son territoire d’origine au vôtre.")
SCALING_MODE_CHOICES = [(mode.value, HintedLabel(mode.label, SCALING_MODE_HINTS[mode])) for mode in ScalingMode]

MESSAGE_MAX_LENGTH = 2000


def message_to_team_field(help_text):
    return forms.CharField(
        label=_("Message à l’équipe"), required=False, max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}), help_text=help_text,
    )


class ReplicationForm(OrganisationFieldsMixin, DsfrForm):
    territory = TerritoryField(label=_("Territoire où l’innovation est reprise"))
    scaling_mode = forms.ChoiceField(label=_("Mode d’essaimage"), choices=SCALING_MODE_CHOICES,
                                     help_text=SCALING_MODE_HELP, widget=forms.RadioSelect)
    status = forms.ChoiceField(label=_("Où en êtes-vous\u202f?"), choices=ReplicationStatus.choices,
                               widget=forms.RadioSelect, initial=ReplicationStatus.INTERESSE)
    adaptations = forms.CharField(label=_("Adaptations apportées"), required=False, max_length=MEDIUM_TEXT_MAX_LENGTH,
                                  widget=forms.Textarea(attrs={"rows": 4}),
                                  help_text=_("Ce que vous avez changé pour votre territoire ou votre public."))

    parent = forms.ModelChoiceField(
        label=_("Vous êtes-vous inspiré d'un essaimage déjà déclaré ?"), queryset=Replication.objects.none(),
        required=False, empty_label=_("Non : directement de l'innovation d'origine"),
        help_text=_("Indiquez-le pour retracer la filiation de l'innovation d'un territoire à l'autre."),
    )
    message = message_to_team_field(_(
        "Facultatif, 2\u00a0000 caractères au plus. Envoyé par e-mail à l’équipe avec votre déclaration\u00a0; "
        "elle pourra vous répondre à votre adresse, qui n’apparaît jamais sur le site."))

    field_order = ["organisation_name", "organisation_kind", "organisation_siret", "territory", "scaling_mode",
                   "status", "adaptations", "parent", "message"]

    def __init__(self, *args, user: User, innovation: Innovation, **kwargs):
        organisation = user.organisation
        kwargs.setdefault("initial", {
            "organisation_name": organisation.name if organisation else "",
            "organisation_kind": organisation.kind if organisation else "",
            "organisation_siret": organisation.siret if organisation else "",
            "territory": user.territory,
            "status": ReplicationStatus.INTERESSE,
        })
        super().__init__(*args, **kwargs)
        self.fields["organisation_name"].required = True
        self.fields["organisation_kind"].required = True
        self.fields["organisation_name"].label = _("Votre organisation")
        earlier = selectors.replication_parents(innovation)
        self.fields["parent"].queryset = earlier
        self.fields["parent"].label_from_instance = lambda r: f"{r.organisation.name} – {r.territory.name}"
        if not earlier.exists():
            del self.fields["parent"]


class ReplicationUpdateForm(DsfrModelForm):
    message = message_to_team_field(_(
        "Facultatif, 2\u00a0000 caractères au plus. Envoyé par e-mail à l’équipe\u00a0; elle pourra vous répondre "
        "à votre adresse, qui n’apparaît jamais sur le site."))

    class Meta:
        model = Replication
        fields = ["scaling_mode", "status", "adaptations"]
        widgets = {"scaling_mode": forms.RadioSelect, "status": forms.RadioSelect,
                   "adaptations": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scaling_mode"].choices = SCALING_MODE_CHOICES
        self.fields["scaling_mode"].help_text = SCALING_MODE_HELP
        self.fields["scaling_mode"].label = _("Mode d’essaimage")
        self.fields["status"].label = _("Où en êtes-vous\u202f?")
        self.fields["adaptations"].label = _("Adaptations apportées")
        self.fields["adaptations"].help_text = _("Ce que vous avez changé pour votre territoire ou votre public.")
