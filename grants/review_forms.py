"""Forms of reviews, decisions and follow-up. The score sheet and the conflict question are the
shared ones of `reviewing.forms`; these hand over what was typed to the services."""

import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage import uploads
from essaimage.forms_base import DsfrForm
from grants.decision_services import euros
from grants.enums import DecisionOutcome, HearingPurpose

MONEY = {"max_digits": 12, "decimal_places": 2, "min_value": Decimal("0.00")}
MOTIVATION_MAX_LENGTH = 4000


def amount_input(value) -> str:
    """« 60 000,00 »: an amount as a French person reads it in a field (MoneyField reads it back)."""
    if value is None:
        return ""
    whole, cents = f"{Decimal(value):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return " ".join(groups) + "," + cents


class MoneyField(forms.DecimalField):
    """Euros as a French person types them: « 12 500 », « 12 500,50 », « 12500.5 € »."""

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[\s\u00a0\u202f€]", "", value).replace(",", ".")
        return super().to_python(value)


def money_field(label, **kwargs) -> forms.DecimalField:
    field = MoneyField(label=label, **MONEY, **kwargs)
    field.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    field.error_messages.update({
        "invalid": _("Saisissez un montant en euros, par exemple 12 500 ou 12 500,50."),
        "max_decimal_places": _("Deux chiffres après la virgule au plus (les centimes)."),
        "min_value": _("Le montant ne peut pas être négatif."),
    })
    return field


class EvaluatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        organisation = getattr(user.organisation, "name", "") if user.organisation_id else ""
        return f"{user.full_name} — {organisation}" if organisation else user.full_name


class AssignByHandForm(DsfrForm):
    evaluator = EvaluatorChoiceField(
        label=_("Évaluateur ou évaluatrice"), queryset=None, empty_label=_("Choisir une personne"),
        error_messages={"required": _("Choisissez la personne à qui confier ce dossier."),
                        "invalid_choice": _("Cette personne n’est pas parmi les évaluateurs.")})

    def __init__(self, *args, evaluators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = evaluators.select_related("organisation").order_by(
            "last_name", "first_name", "pk")


class RemoveAssignmentForm(DsfrForm):
    reason = forms.CharField(label=_("Motif du retrait"), max_length=500,
                             error_messages={"required": _("Indiquez le motif du retrait.")})


class DecisionForm(DsfrForm):
    outcome = forms.ChoiceField(
        label=_("Décision"), choices=DecisionOutcome.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez la décision.")})
    amount = money_field(_("Montant accordé (en euros)"), required=False,
                         help_text=_("Si le dossier est accepté : au plus le montant demandé et ce qui reste de "
                                     "l’enveloppe."))
    motivation = forms.CharField(
        label=_("Motivation"), required=False, max_length=MOTIVATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Obligatoire pour un refus ou un classement sans suite ; elle figure dans la lettre de décision "
                    "envoyée à l’équipe."))

    def clean(self):
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        if outcome == DecisionOutcome.ACCEPTED and cleaned.get("amount") in (None, Decimal("0")) \
                and "amount" not in self.errors:
            self.add_error("amount", _("Indiquez le montant accordé."))
        if outcome and outcome != DecisionOutcome.ACCEPTED and not (cleaned.get("motivation") or "").strip():
            self.add_error("motivation", _("La motivation est obligatoire pour un refus ou un classement sans suite."))
        return cleaned


class SignConventionForm(DsfrForm):
    confirm = forms.BooleanField(
        label=_("Je confirme que la convention a été signée par les deux parties"),
        error_messages={"required": _("Cochez la case pour confirmer la signature de la convention.")})


class MilestoneReportForm(DsfrForm):
    policy = uploads.GRANT_DOCUMENTS
    report = forms.CharField(label=_("Ce qui a été réalisé"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}),
                             error_messages={"required": _("Décrivez ce qui a été réalisé pour ce jalon.")})
    evidence = forms.FileField(label=_("Justificatif (facultatif)"), required=False, help_text=policy.help_text)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].widget.attrs["accept"] = self.policy.accept

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload:
            self.cleaned_data["evidence_type"] = self.policy.check(upload)
        return upload


class MilestoneCheckForm(DsfrForm):
    VALIDATE, SEND_BACK = "validate", "send_back"
    decision = forms.ChoiceField(
        label=_("Votre vérification"), widget=forms.RadioSelect,
        choices=[(VALIDATE, _("Valider le jalon et verser sa tranche")),
                 (SEND_BACK, _("Renvoyer le jalon à l’équipe"))],
        error_messages={"required": _("Choisissez : valider ou renvoyer.")})
    message = forms.CharField(label=_("Message à l’équipe"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Obligatoire pour renvoyer le jalon : ce qui manque."))
    replication = forms.ChoiceField(
        label=_("Déclaration d’essaimage obtenue"), required=False,
        help_text=_("Pour un jalon d’essaimage : la reprise de l’innovation que ce jalon a permise."))

    def __init__(self, *args, replications=(), needs_replication=False, **kwargs):
        """`replications`: the innovation's declarations, fetched once by the page (a list)."""
        super().__init__(*args, **kwargs)
        self.needs_replication = needs_replication
        self.replications = {str(r.pk): r for r in replications}
        if not needs_replication:
            del self.fields["replication"]
        else:
            self.fields["replication"].choices = [("", _("Choisir la déclaration"))] + [
                (key, f"{r.organisation.name} – {r.territory}") for key, r in self.replications.items()]

    def clean_replication(self):
        return self.replications.get(self.cleaned_data.get("replication") or "")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.SEND_BACK and not (cleaned.get("message") or "").strip():
            self.add_error("message", _("Dites à l’équipe ce qui manque pour valider ce jalon."))
        if self.needs_replication and cleaned.get("decision") == self.VALIDATE and not cleaned.get("replication") \
                and "replication" not in self.errors:
            self.add_error("replication", _("Choisissez la déclaration d’essaimage que ce jalon a permise."))
        return cleaned


class FinancialReportForm(DsfrForm):
    comment = forms.CharField(label=_("Commentaire sur l’exécution du budget"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Expliquez les écarts entre le prévu et le réalisé."))

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = list(lines)
        for line in self.lines:
            field = money_field(_("Dépense réalisée : %(label)s") % {"label": line.label}, required=False,
                                help_text=_("Prévu : %(planned)s") % {"planned": euros(line.planned_amount)})
            self.fields[f"spent_{line.pk}"] = field
            if line.spent_amount is not None:
                self.initial.setdefault(f"spent_{line.pk}", line.spent_amount)
        self.order_fields([f"spent_{line.pk}" for line in self.lines] + ["comment"])

    def spent(self) -> dict:
        return {line.pk: self.cleaned_data.get(f"spent_{line.pk}") for line in self.lines}

    def line_fields(self):
        return [(line, self[f"spent_{line.pk}"]) for line in self.lines]


class HearingOpenForm(DsfrForm):
    purpose = forms.ChoiceField(label=_("Mesure envisagée"), choices=HearingPurpose.choices, widget=forms.RadioSelect,
                                error_messages={"required": _("Choisissez la mesure envisagée.")})
    proposed_amount = money_field(_("Montant envisagé après réduction (en euros)"), required=False)
    reason = forms.CharField(label=_("Motifs envisagés"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=_("Ce qui pourrait conduire à réduire ou à retirer la subvention."),
                             error_messages={"required": _("Exposez à l’équipe les motifs envisagés.")})
    deadline = forms.DateField(label=_("Date limite de réponse de l’équipe"),
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               help_text=_("Au moins quinze jours à compter d’aujourd’hui."),
                               error_messages={"required": _("Indiquez la date limite de réponse."),
                                               "invalid": _("Saisissez une date valide, par exemple 15/03/2027.")})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"deadline": timezone.localdate() + timezone.timedelta(days=30)})
        super().__init__(*args, **kwargs)


class HearingAnswerForm(DsfrForm):
    answer = forms.CharField(label=_("Vos observations"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}),
                             error_messages={"required": _("Écrivez votre réponse.")})


class GrantEndForm(DsfrForm):
    """Reduce (a new amount) or withdraw, after the hearing, with a motivation."""

    REDUCE, WITHDRAW = "reduce", "withdraw"
    action = forms.ChoiceField(label=_("Décision"), widget=forms.RadioSelect,
                               choices=[(REDUCE, _("Réduire la subvention")), (WITHDRAW, _("Retirer la subvention"))],
                               error_messages={"required": _("Choisissez : réduire ou retirer.")})
    amount = money_field(_("Nouveau montant (en euros)"), required=False,
                         help_text=_("Pour une réduction : au moins ce qui est déjà versé."))
    motivation = forms.CharField(label=_("Motivation"), max_length=MOTIVATION_MAX_LENGTH,
                                 widget=forms.Textarea(attrs={"rows": 4}),
                                 error_messages={"required": _("La motivation est obligatoire.")})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.REDUCE and cleaned.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", _("Indiquez le nouveau montant."))
        return cleaned
