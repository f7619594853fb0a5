from django import template

from grants import wording

register = template.Library()


@register.filter
def euros(amount):
    """« 23 000,00 € »."""
    return wording.euros(amount)


@register.filter
def paris(value):
    """« 12 mars 2027 à 12 h 00 (heure de Paris) »."""
    return wording.paris_datetime_full(value) if value else ""


@register.filter
def part_label(value):
    from grants.enums import ApplicationPart

    return ApplicationPart(value).label
