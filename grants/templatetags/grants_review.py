"""Filters of the review, decision and follow-up pages."""

from decimal import Decimal

from django import template

from grants.decision_services import euros as euros_text

register = template.Library()


@register.filter
def euros(value) -> str:
    """« 12 500,00 € »; empty for None."""
    if value is None or value == "":
        return ""
    return euros_text(Decimal(value))


@register.filter
def score20(value) -> str:
    """« 14,25 » for a Decimal score; « — » for None."""
    if value is None or value == "":
        return "—"
    return f"{Decimal(value):.2f}".replace(".", ",")
