"""Forms of programmes, calls, criteria, applications and instruction. Forms never write: they
hand what was typed to the services (grants/services.py)."""

import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage import uploads
from essaimage.enums import OrganisationKind
from essaimage.fields import TerritoryField
from essaimage.forms_base import DsfrForm, DsfrModelForm
from essaimage.models import MEDIUM_TEXT_MAX_LENGTH
from grants.enums import ApplicationPart, MilestoneKind
from grants.models import Application, Call, Programme
from grants.services import ApplicationInput, CriterionInput
from grants.wording import euros
from innovations.enums import ScalingMode, Stage
from innovations.models import Theme
from reviewing.criteria import SCALE_MAX_MAX, SCALE_MIN_MAX, WEIGHT_MAX

MONEY_WIDGET = {"inputmode": "decimal", "step": "0.01", "min": "0"}
MAX_TERRITORIES = 30
ROWS_MAX = 30


def money_field(label, *, required=False, help_text="", min_value=Decimal("0.01")):
    return forms.DecimalField(label=label, required=required, max_digits=12, decimal_places=2, min_value=min_value,
                              help_text=help_text, widget=forms.NumberInput(attrs=MONEY_WIDGET),
                              error_messages={"invalid": _("Saisissez un montant en euros, par exemple 12500 ou "
                                                           "12500,50."),
                                              "max_decimal_places": _("Deux chiffres au plus après la virgule."),
                                              "max_digits": _("Ce montant est trop grand.")})


class TerritoriesField(forms.CharField):
    """Several territories, one per line (each resolved like the single territory field)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Un territoire par ligne : commune, département ou région, par exemple "
                                         "« Nord (département, 59) » ou « Lille (59350) »."))
        kwargs.setdefault("max_length", 150 * MAX_TERRITORIES)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)) or hasattr(value, "all"):
            items = value.all() if hasattr(value, "all") else value
            return "\n".join(getattr(item, "label", str(item)) for item in items)
        return value

    def clean(self, value):
        text = super().clean(value)
        lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
        if len(lines) > MAX_TERRITORIES:
            raise forms.ValidationError(_("%(max)s territoires au plus.") % {"max": MAX_TERRITORIES})
        single, found, errors = TerritoryField(required=False), [], []
        for line in lines:
            try:
                territory = single.clean(line)
            except forms.ValidationError as error:
                errors.append(f"« {line[:80]} » : {error.messages[0]}")
                continue
            if territory is not None and territory not in found:
                found.append(territory)
        if errors:
            raise forms.ValidationError(errors)
        return found


# --- Programmes and calls -----------------------------------------------------------------------

class ProgrammeForm(DsfrModelForm):
    funder = forms.ModelChoiceField(label=_("Financeur"), queryset=None, empty_label=_("Choisissez l’organisation"),
                                    help_text=_("L’organisation qui finance le programme (la vôtre par défaut)."))

    class Meta:
        model = Programme
        fields = ["title", "funder", "description", "total_envelope"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}),
                   "total_envelope": forms.NumberInput(attrs=MONEY_WIDGET)}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from essaimage.models import Organisation

        ids = {pk for pk in (user.organisation_id, getattr(self.instance, "funder_id", None)) if pk}
        self.fields["funder"].queryset = Organisation.objects.filter(pk__in=ids)
        if user.organisation_id and not self.instance.pk:
            self.initial.setdefault("funder", user.organisation_id)


class CallForm(DsfrModelForm):
    opens_at = forms.DateTimeField(label=_("Ouverture (heure de Paris)"),
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                              format="%Y-%m-%dT%H:%M"),
                                   help_text=_("Date et heure, heure de Paris."))
    closes_at = forms.DateTimeField(label=_("Clôture (heure de Paris)"),
                                    widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                               format="%Y-%m-%dT%H:%M"),
                                    help_text=_("Après cette minute, plus aucune demande ne peut être déposée."))
    eligible_kinds = forms.MultipleChoiceField(
        label=_("Types de structure éligibles"), choices=OrganisationKind.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("Aucun coché : toutes les structures."))
    eligible_territories = TerritoriesField(label=_("Territoires éligibles"), required=False)
    themes = forms.ModelMultipleChoiceField(label=_("Thèmes"), queryset=Theme.objects.all(), required=False,
                                            widget=forms.CheckboxSelectMultiple)
    min_stage = forms.ChoiceField(label=_("Stade minimal de l’innovation"), required=False,
                                  choices=[("", _("Tous les stades"))] + list(Stage.choices))
    required_documents = forms.CharField(
        label=_("Pièces demandées"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
        help_text=_("Une pièce par ligne, par exemple « Statuts de la structure » ou « Budget détaillé »."))
    base_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Call
        fields = ["title", "summary", "description", "opens_at", "closes_at", "envelope", "min_amount", "max_amount",
                  "eligible_kinds", "min_stage", "required_documents", "reviewers_per_application"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
                   "description": forms.Textarea(attrs={"rows": 8}),
                   "envelope": forms.NumberInput(attrs=MONEY_WIDGET),
                   "min_amount": forms.NumberInput(attrs=MONEY_WIDGET),
                   "max_amount": forms.NumberInput(attrs=MONEY_WIDGET)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("eligible_territories", list(self.instance.eligible_territories.all()))
            self.initial.setdefault("themes", list(self.instance.themes.all()))
            self.initial.setdefault("base_version", self.instance.version)
        documents = self.initial.get("required_documents")
        if isinstance(documents, list):
            self.initial["required_documents"] = "\n".join(documents)
        self.fields["themes"].widget.inline = True

    def clean_required_documents(self):
        lines = [" ".join(line.split()) for line in self.cleaned_data["required_documents"].splitlines()]
        lines = [line[:200] for line in lines if line]
        return list(dict.fromkeys(lines))

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("La clôture doit suivre l’ouverture."))
        low, high, envelope = cleaned.get("min_amount"), cleaned.get("max_amount"), cleaned.get("envelope")
        if low is not None and high is not None and high < low:
            self.add_error("max_amount", _("Le montant maximal doit être au moins égal au montant minimal."))
        if high is not None and envelope is not None and high > envelope:
            self.add_error("max_amount", _("Le montant maximal ne peut dépasser l’enveloppe de l’appel."))
        return cleaned

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CopyCallForm(DsfrForm):
    source = forms.ModelChoiceField(label=_("Appel à copier"), queryset=Call.objects.none(),
                                    empty_label=_("Choisissez un appel"))

    def __init__(self, *args, calls, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = calls


class CriterionForm(DsfrForm):
    pk = forms.IntegerField(required=False, widget=forms.HiddenInput)
    label = forms.CharField(label=_("Intitulé"), max_length=200, required=False)
    description = forms.CharField(label=_("Description"), max_length=1000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    weight = forms.DecimalField(label=_("Poids"), max_digits=5, decimal_places=2, required=False,
                                min_value=Decimal("0.01"), max_value=WEIGHT_MAX)
    scale_max = forms.IntegerField(label=_("Note maximale"), required=False, min_value=SCALE_MIN_MAX,
                                   max_value=SCALE_MAX_MAX)
    delete = forms.BooleanField(label=_("Supprimer ce critère"), required=False)

    def __init__(self, *args, criterion=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criterion = criterion
        if criterion is not None and criterion.is_scaling:
            for name in ("label", "description"):
                self.fields[name].disabled = True
            del self.fields["delete"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("delete") or (not cleaned.get("label") and self.criterion is None
                                     and cleaned.get("weight") is None):
            return cleaned
        if not cleaned.get("label"):
            self.add_error("label", _("Donnez un intitulé au critère."))
        if cleaned.get("weight") is None:
            self.add_error("weight", _("Indiquez le poids du critère."))
        if cleaned.get("scale_max") is None:
            self.add_error("scale_max", _("Indiquez la note maximale."))
        return cleaned

    def as_input(self) -> CriterionInput | None:
        cleaned = self.cleaned_data
        if self.criterion is None and not cleaned.get("label"):
            return None
        return CriterionInput(pk=self.criterion.pk if self.criterion else None, label=cleaned.get("label") or "",
                              description=cleaned.get("description") or "", weight=cleaned.get("weight"),
                              scale_max=cleaned.get("scale_max"), delete=bool(cleaned.get("delete")))


def criteria_forms(call, data=None, extra=2):
    criteria = list(call.criteria.all())
    rows = [CriterionForm(data, prefix=f"criterion-{i}", criterion=c,
                          initial={"pk": c.pk, "label": c.label, "description": c.description, "weight": c.weight,
                                   "scale_max": c.scale_max})
            for i, c in enumerate(criteria)]
    rows += [CriterionForm(data, prefix=f"criterion-{len(criteria) + i}", initial={"scale_max": 5})
             for i in range(extra)]
    return rows


# --- Applications -----------------------------------------------------------------------------

class ProjectForm(DsfrModelForm):
    republican_contract = forms.BooleanField(
        label=_("Au nom de la structure, je souscris le contrat d’engagement républicain (loi n° 2000-321 du "
                "12 avril 2000, article 10-1)."),
        required=False,
        help_text=_("Obligatoire pour une association ou une fondation qui demande une subvention publique."))

    class Meta:
        model = Application
        fields = ["summary", "amount_requested", "total_budget", "project_start", "project_end"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}),
                   "amount_requested": forms.NumberInput(attrs=MONEY_WIDGET),
                   "total_budget": forms.NumberInput(attrs=MONEY_WIDGET),
                   "project_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "project_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"summary": _("Ce que la subvention financera, en quelques phrases."),
                      "total_budget": _("Coût total du projet d’essaimage : le montant demandé et les cofinancements "
                                        "doivent l’égaler.")}

    def __init__(self, *args, needs_contract: bool, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount_requested"].help_text = _("Entre %(min)s et %(max)s.") % {
            "min": euros(call.min_amount), "max": euros(call.max_amount)}
        if needs_contract:
            self.initial.setdefault("republican_contract", self.instance.republican_contract_confirmed_at is not None)
        else:
            del self.fields["republican_contract"]
        for name in ("summary", "amount_requested", "total_budget", "republican_contract"):
            if name in self.fields:
                self.fields[name].needed_to_submit = True  # « (nécessaire pour soumettre) », not « facultatif »
        self._bound_fields_cache.clear()  # bound fields copy their help text when made

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("project_start"), cleaned.get("project_end")
        if start and end and end < start:
            self.add_error("project_end", _("La fin du projet ne peut précéder son début."))
        amount, budget = cleaned.get("amount_requested"), cleaned.get("total_budget")
        if amount is not None and budget is not None and budget < amount:
            self.add_error("total_budget", _("Le budget total ne peut être inférieur au montant demandé."))
        return cleaned

    def _post_clean(self):  # the service writes the row; the model's own checks ran in clean()
        pass


class ScalingForm(DsfrModelForm):
    target_territories = TerritoriesField(label=_("Territoires cibles"), required=False)

    class Meta:
        model = Application
        fields = ["scaling_mode", "scaling_partners", "transfer_kit", "scaling_budget", "success_indicators"]
        widgets = {"scaling_mode": forms.RadioSelect, "scaling_partners": forms.Textarea(attrs={"rows": 3}),
                   "transfer_kit": forms.Textarea(attrs={"rows": 3}),
                   "success_indicators": forms.Textarea(attrs={"rows": 3}),
                   "scaling_budget": forms.NumberInput(attrs=MONEY_WIDGET)}
        help_texts = {
            "scaling_partners": _("Les partenaires qui porteront la reprise dans chaque territoire cible."),
            "transfer_kit": _("Guides, modèles, outils, formation : ce qui permet de reprendre l’innovation sans "
                              "son équipe d’origine."),
            "success_indicators": _("Indicateurs mesurables, avec leur valeur de départ et leur cible."),
            "scaling_budget": _("La part du budget total consacrée à l’essaimage."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scaling_mode"].choices = list(ScalingMode.choices)
        self.fields["scaling_mode"].required = False
        for name in ("target_territories", "scaling_mode", "scaling_partners", "transfer_kit", "success_indicators"):
            self.fields[name].needed_to_submit = True
        if self.instance.pk:
            self.initial.setdefault("target_territories", list(self.instance.target_territories.all()))

    def _post_clean(self):
        pass


class RowForm(DsfrForm):
    """One row of a table (co-funding, budget, milestones): all optional, but a row that is
    started must be finished (`together`)."""

    together: tuple[str, ...] = ()
    messages: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # The row as a whole is optional (the section says so): no « (facultatif) » on each
            # of its fields (essaimage/forms/field_marker.html).
            field.in_optional_row = True

    def clean(self):
        cleaned = super().clean()
        filled = [name for name in self.fields if cleaned.get(name) not in (None, "", False)]
        if filled:
            for name in self.together:
                if cleaned.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, self.messages.get(name, _("Complétez ce champ ou videz la ligne.")))
        return cleaned

    def is_blank(self) -> bool:
        return not any(self.cleaned_data.get(name) not in (None, "", False) for name in self.fields)


class FundingRowForm(RowForm):
    source = forms.CharField(label=_("Financeur ou source"), max_length=200, required=False)
    amount = money_field(_("Montant (€)"))
    is_secured = forms.BooleanField(label=_("Acquis"), required=False)
    together = ("source", "amount")
    messages = {"source": _("Indiquez le financeur de ce montant."),
                "amount": _("Indiquez le montant de cette source, ou videz la ligne.")}


class BudgetRowForm(RowForm):
    label = forms.CharField(label=_("Poste de dépense"), max_length=200, required=False)
    planned_amount = money_field(_("Montant prévu (€)"), min_value=Decimal("0"))
    together = ("label", "planned_amount")
    messages = {"label": _("Nommez ce poste de dépense."),
                "planned_amount": _("Indiquez le montant prévu, ou videz la ligne.")}


class MilestoneRowForm(RowForm):
    title = forms.CharField(label=_("Jalon"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Nature"), choices=MilestoneKind.choices, initial=MilestoneKind.STEP)
    due_date = forms.DateField(label=_("Échéance"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    deliverable = forms.CharField(label=_("Livrable attendu"), max_length=2000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    tranche_amount = money_field(_("Tranche (€)"), min_value=Decimal("0"))
    together = ("title", "due_date", "tranche_amount")
    messages = {"title": _("Nommez ce jalon."), "due_date": _("Indiquez l’échéance de ce jalon."),
                "tranche_amount": _("Indiquez la tranche versée à ce jalon (0 si aucune).")}

    def clean(self):
        # The kind always has a value: it alone does not start a row.
        cleaned = forms.Form.clean(self)
        filled = [name for name in ("title", "due_date", "deliverable", "tranche_amount")
                  if cleaned.get(name) not in (None, "")]
        if filled:
            for name in self.together:
                if cleaned.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, self.messages[name])
        return cleaned

    def is_blank(self) -> bool:
        return not any(self.cleaned_data.get(name) not in (None, "")
                       for name in ("title", "due_date", "deliverable", "tranche_amount"))


class BaseRowFormSet(forms.BaseFormSet):
    default_error_messages = {
        "missing_management_form": _("Le tableau n’a pas été transmis en entier : rechargez la page puis "
                                     "saisissez-le à nouveau."),
        "too_many_forms": _("%(num)d lignes au plus."),
        "too_few_forms": _("Au moins %(num)d ligne."),
    }

    def clean(self):
        management = self.management_form.cleaned_data
        total, initial = management.get("TOTAL_FORMS"), management.get("INITIAL_FORMS")
        if total is not None and (total < 0 or initial is None or not 0 <= initial <= total):
            raise forms.ValidationError(self.error_messages["missing_management_form"], code="tampered")

    def filled_forms(self):
        """The rows to save: unchanged suggestions and blank rows left out."""
        return [form for form in self.forms if getattr(form, "cleaned_data", None) and not form.is_blank()]


def row_formset(form_class, prefix, rows: list[dict], data=None, *, extra=2, prefill: list[dict] = ()):
    """A table of rows: the saved `rows`, then the `prefill` suggestions (ignored unless changed)
    and `extra` empty rows."""
    formset_class = forms.formset_factory(form_class, formset=BaseRowFormSet, extra=len(prefill) + extra,
                                          max_num=ROWS_MAX, absolute_max=ROWS_MAX, validate_max=True)

    class FormSet(formset_class):
        def get_form_kwargs(self, index):
            kwargs = super().get_form_kwargs(index)
            offset = index - len(rows)
            if index is not None and 0 <= offset < len(prefill):
                kwargs["initial"] = prefill[offset]
            return kwargs

    return FormSet(data, initial=rows, prefix=prefix)


class DocumentForm(DsfrForm):
    policy = uploads.GRANT_DOCUMENTS
    file = forms.FileField(label=_("Fichier"), required=False, help_text=policy.help_text)
    required_label = forms.ChoiceField(label=_("Cette pièce est"), required=False)
    description = forms.CharField(label=_("Description"), max_length=300, required=False)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = self.policy.accept
        self.fields["required_label"].choices = [("", _("Un autre document"))] + [
            (label, label) for label in call.required_documents]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload:
            self.cleaned_data["content_type"] = self.policy.check(upload)
        return upload


class VersionForm(forms.Form):
    base_version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ApplicationForms:
    """The application form's parts: one bound form (or formset) per part the team may change
    now (all of a draft, those an information request reopened)."""

    def __init__(self, application, parts, data=None, files=None, *, prefill=None):
        prefill = prefill or {}
        call = application.call
        self.application, self.parts = application, parts
        self.version = VersionForm(data, initial={"base_version": application.version})
        self.project = self.scaling = self.fundings = self.budget = self.milestones = self.document = None
        from grants.services import needs_republican_contract

        if ApplicationPart.PROJECT in parts:
            self.project = ProjectForm(data, instance=application, needs_contract=needs_republican_contract(
                application), call=call)
        if ApplicationPart.SCALING in parts:
            self.scaling = ScalingForm(data, instance=application,
                                       initial={"target_territories": prefill.get("target_territories")}
                                       if prefill.get("target_territories") and not data else None)
        if ApplicationPart.FUNDING in parts:
            rows = [{"source": f.source, "amount": f.amount, "is_secured": f.is_secured}
                    for f in application.fundings.all()]
            self.fundings = row_formset(FundingRowForm, "funding", rows, data,
                                        prefill=[] if rows else prefill.get("fundings", []))
        if ApplicationPart.BUDGET in parts:
            rows = [{"label": line.label, "planned_amount": line.planned_amount}
                    for line in application.budget_lines.all()]
            self.budget = row_formset(BudgetRowForm, "budget", rows, data, extra=3)
        if ApplicationPart.MILESTONES in parts:
            rows = [{"title": m.title, "kind": m.kind, "due_date": m.due_date, "deliverable": m.deliverable,
                     "tranche_amount": m.tranche_amount} for m in application.milestones.all()]
            self.milestones = row_formset(MilestoneRowForm, "milestone", rows, data, extra=3)
        if ApplicationPart.DOCUMENTS in parts:
            self.document = DocumentForm(data, files, call=call)

    def all(self):
        return [form for form in (self.version, self.project, self.scaling, self.fundings, self.budget,
                                  self.milestones, self.document) if form is not None]

    def is_valid(self) -> bool:
        results = [form.is_valid() for form in self.all()]  # every part validated: all errors shown at once
        return all(results)

    def has_errors(self) -> bool:
        return any(bool(form.errors) if not isinstance(form, forms.BaseFormSet) else form.total_error_count()
                   for form in self.all())

    def service_input(self) -> ApplicationInput:
        data = ApplicationInput()
        if self.project is not None:
            data.fields.update({name: self.project.cleaned_data[name] for name in ProjectForm.Meta.fields})
            if "republican_contract" in self.project.fields:
                data.republican_contract = self.project.cleaned_data["republican_contract"]
        if self.scaling is not None:
            data.fields.update({name: self.scaling.cleaned_data[name] for name in ScalingForm.Meta.fields})
            data.target_territories = self.scaling.cleaned_data["target_territories"]
        if self.fundings is not None:
            data.fundings = [(f.cleaned_data["source"], f.cleaned_data["amount"], f.cleaned_data["is_secured"])
                             for f in self.fundings.filled_forms()]
        if self.budget is not None:
            data.budget_lines = [(f.cleaned_data["label"], f.cleaned_data["planned_amount"])
                                 for f in self.budget.filled_forms()]
        if self.milestones is not None:
            data.milestones = [{name: f.cleaned_data[name] or (Decimal("0") if name == "tranche_amount" else
                                                               f.cleaned_data[name])
                                for name in ("title", "kind", "due_date", "deliverable", "tranche_amount")}
                               for f in self.milestones.filled_forms()]
            for row in data.milestones:
                row["deliverable"] = row["deliverable"] or ""
        return data


# --- Instruction ------------------------------------------------------------------------------

class MessageForm(DsfrForm):
    policy = uploads.GRANT_DOCUMENTS
    body = forms.CharField(label=_("Votre message"), max_length=MEDIUM_TEXT_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 4}))
    attachment = forms.FileField(label=_("Pièce jointe"), required=False, help_text=policy.help_text)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].widget.attrs["accept"] = self.policy.accept

    def clean_attachment(self):
        upload = self.cleaned_data["attachment"]
        if upload:
            self.cleaned_data["content_type"] = self.policy.check(upload)
        return upload


class AnnotationForm(DsfrForm):
    body = forms.CharField(label=_("Annotation privée"), max_length=MEDIUM_TEXT_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Visible des seuls instructeurs du programme : jamais de l’équipe, jamais "
                                       "dans un e-mail."))


class InfoRequestForm(DsfrForm):
    message = forms.CharField(label=_("Compléments demandés"), max_length=MEDIUM_TEXT_MAX_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Envoyé à l’équipe par e-mail et affiché sur sa demande."))
    parts = forms.MultipleChoiceField(label=_("Parties à rouvrir"), choices=ApplicationPart.choices,
                                      widget=forms.CheckboxSelectMultiple,
                                      help_text=_("L’équipe ne pourra modifier que ces parties."))
    due_date = forms.DateField(label=_("À transmettre avant le"),
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("due_date", timezone.localdate() + datetime.timedelta(days=15))

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due <= timezone.localdate():
            raise forms.ValidationError(_("Choisissez une date postérieure à aujourd’hui."))
        return due


class DecisionMotiveForm(DsfrForm):
    """Withdrawal by the team: an optional reason."""

    message = forms.CharField(label=_("Motif (facultatif)"), max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
