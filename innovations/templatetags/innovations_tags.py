from django import template
from django.utils.translation import gettext_lazy as _

from essaimage import uploads
from innovations import selectors, wording
from innovations.enums import ReplicationStatus, Status

register = template.Library()

@register.filter
def history_line(entry):
    """One moderation-history entry in words: « Publiée par Camille Martin »."""
    name = entry.actor.full_name if entry.actor_id and entry.actor else ""
    return wording.history_line(entry.action, name) or entry.action_label


@register.filter
def status_label(value):
    for enum in (Status, ReplicationStatus):
        if value in enum.values:
            return enum(value).label
    return value


FIELD_LABELS = {
    "title": _("titre"), "summary": _("résumé"), "stage": _("stade"), "problem": _("problème"),
    "solution": _("solution"), "public_concerned": _("public"), "results": _("résultats"),
    "evidence": _("preuves"), "costs": _("coûts"), "links": _("liens"), "themes": _("thèmes"),
    "territory": _("territoire"), "organisation": _("organisation"), "coauthors": _("co-auteurs"),
    "value_proposition": _("proposition de valeur"), "beneficiaries": _("bénéficiaires"),
    "key_partners": _("partenaires clés"), "key_resources": _("ressources clés"),
    "cost_structure": _("structure des coûts"), "revenue_model": _("modèle de revenus ou d’économies"),
    "transfer_skills": _("compétences nécessaires au transfert"), "transfer_budget": _("budget du transfert"),
    "transfer_time": _("délai de mise en œuvre"), "transfer_legal": _("prérequis juridiques"),
    "funding": _("financement"),
}


@register.filter
def field_labels(names):
    """The changed fields of a version, in words."""
    return ", ".join(str(FIELD_LABELS.get(name, name)) for name in names)


@register.filter
def field_label(name):
    return FIELD_LABELS.get(name, name)


@register.simple_tag
def fr_count(number, singular, plural):
    """« 0 essaimage réalisé », « 1 … », « 2 essaimages réalisés »: French takes the singular
    for 0 and 1, whatever the catalogue (an untranslated ngettext would say « 0 essaimages »)."""
    number = number or 0
    return f"{number}\u00a0{singular if number <= 1 else plural}"


# --- Attachments and change requests (edit form) ---------------------------------------------

@register.filter
def file_size(size) -> str:
    """A size in French units: « 45 Ko », « 1,2 Mo » (essaimage.uploads)."""
    return uploads.size_label(size)


@register.filter
def attachment_label(attachment) -> str:
    """« PDF – 45 Ko »: the kind of file in words and its size."""
    return f"{uploads.kind_label(attachment.content_type)} – {uploads.size_label(attachment.size)}"


@register.simple_tag
def latest_change_request(innovation):
    """The moderators' latest request for changes, while it is pending (else None)."""
    return selectors.latest_change_request(innovation)


@register.simple_tag
def place_options(rows, with_code=False):
    """The <option>s of a région or département filter, from facet_labels' rows (code, name,
    count, selected, parent code): built with format_html_join, escaped, because a hundred
    départements through the template language were the slowest part of a catalogue page."""
    from django.utils.formats import localize
    from django.utils.html import format_html_join

    if with_code:  # départements: narrowed to the chosen région by static/js/essaimage.js
        return format_html_join(
            "", '<option value="{}" data-region="{}"{}>{} – {} ({})</option>',
            ((code, parent, " selected" if selected else "", code, name, localize(count))
             for code, name, count, selected, parent in rows))
    return format_html_join(
        "", '<option value="{}"{}>{} ({})</option>',
        ((code, " selected" if selected else "", name, localize(count))
         for code, name, count, selected, _parent in rows))
