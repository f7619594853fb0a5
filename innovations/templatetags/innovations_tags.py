from django import template
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from essaimage import uploads, versioned_cache
from essaimage.templatetags.essaimage_tags import count_formatter, html_text
from innovations import selectors, wording
from innovations.enums import ReplicationStatus, Stage, Status

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
    count, selected, parent code), every value escaped (html_text): a hundred départements
    through the template language, or format_html, were the slowest part of a catalogue page."""
    count = count_formatter()
    if with_code:  # départements: narrowed to the chosen région by static/js/essaimage.js
        options = (f'<option value="{html_text(code)}" data-region="{html_text(parent)}"'
                   f'{" selected" if selected else ""}>{html_text(code)} – {html_text(name)} '
                   f'({html_text(count(number))})</option>'
                   for code, name, number, selected, parent in rows)
    else:
        options = (f'<option value="{html_text(code)}"{" selected" if selected else ""}>{html_text(name)} '
                   f'({html_text(count(number))})</option>'
                   for code, name, number, selected, _parent in rows)
    return mark_safe("".join(options))


# --- The catalogue's results -------------------------------------------------------------------

# The card of each result, rendered once per catalogue version by each process (any write to a
# published innovation, its organisation, a theme or a replication moves the version on:
# innovations.signals): about 1 kB each, the latest CARD_ENTRIES kept. Rendered in Python: twenty
# cards through the template language were a third of a catalogue page's time.
CARD_ENTRIES = 4096
_cards = versioned_cache.LocalMemory(CARD_ENTRIES)


def result_card(innovation, url_prefix: str) -> str:
    """One result of the catalogue: title (link), stage, replications, summary, holder, place,
    themes, from a selectors.Card. `url_prefix`: the page of an innovation without its slug
    (detail_url_prefix)."""
    replications = ""
    if innovation.replication_count:
        replications = format_html(
            '<p class="fr-badge fr-badge--sm fr-badge--success fr-mb-1w fr-ml-1w">{}</p>',
            ngettext("%(counter)s déclaration d’essaimage", "%(counter)s déclarations d’essaimage",
                     innovation.replication_count) % {"counter": innovation.replication_count})
    # The apps' flags it has (« Primée »): they change with the catalogue version, as the card does.
    flags = format_html_join("", '<p class="fr-badge fr-badge--sm fr-badge--yellow-tournesol fr-mb-1w fr-ml-1w">{}</p>',
                             ((label,) for label in innovation.flag_labels))
    holder = " · ".join(part for part in (innovation.organisation_name, innovation.territory_name) if part)
    themes = ""
    if innovation.themes:
        themes = format_html('<ul class="fr-tags-group">{}</ul>', format_html_join(
            "", '<li><p class="fr-tag fr-tag--sm">{}</p></li>', ((theme.name,) for theme in innovation.themes)))
    return format_html(
        '<li class="essaimage-result"><h3 class="fr-h5"><a href="{}">{}</a></h3>'
        '<p class="fr-badge fr-badge--sm fr-badge--blue-cumulus fr-mb-1w">{}</p>{}{}'
        '<p class="fr-mb-1w">{}</p><p class="fr-text--sm essaimage-muted fr-mb-1w">{}</p>{}</li>',
        f"{url_prefix}{innovation.slug}/", innovation.title, Stage(innovation.stage).label, replications, flags,
        # (a text of 280 characters or fewer is its own truncation: the Truncator is slow)
        innovation.summary if len(innovation.summary) <= 280 else Truncator(innovation.summary).chars(280),
        holder, themes)


def detail_url_prefix() -> str:
    """The address of an innovation's page up to its slug (one reverse() per page of results,
    not per result); its trailing "<slug>/" is checked."""
    url = reverse("innovations:detail", kwargs={"slug": "x"})
    if not url.endswith("/x/"):
        raise ImproperlyConfigured("innovations:detail doit se terminer par <slug>/.")
    return url[:-2]


@register.simple_tag
def result_cards(results, version):
    """The <li> of each result of a page (selectors.Results), from this process's memory when it
    rendered it for this catalogue version (`version`: the one the page's keys were read at, or
    after); the others are read in one query (Results.card_rows) and rendered."""
    language = get_language()

    def render(keys):
        cards = results.card_rows([pk for pk, _language in keys])
        prefix = detail_url_prefix()
        return {(pk, language): result_card(cards[pk], prefix) for pk, _language in keys if pk in cards}

    cards = _cards.get_many([(pk, language) for pk in results.keys], version, render)
    return mark_safe("".join(cards))  # each card is format_html's output, escaped
