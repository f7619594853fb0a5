"""French sentences of the grants app that several layers share: dates in Paris time with the
minute, time left before a closing, euros."""

from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PARIS = ZoneInfo("Europe/Paris")
NBSP, NARROW_NBSP = "\u00a0", "\u202f"


def paris_datetime(value) -> str:
    """« 12 mars 2027 à 12 h 00 » in Paris time (summer time included)."""
    local = timezone.localtime(value, PARIS)
    return formats.date_format(local, r"j F Y \à G \h i")


def paris_datetime_full(value) -> str:
    """« 12 mars 2027 à 12 h 00 (heure de Paris) »."""
    return _("%(date)s (heure de Paris)") % {"date": paris_datetime(value)}


def time_left(until, now=None) -> str:
    """« dans 5 jours », « dans 3 heures », « dans 12 minutes »; « " when past."""
    now = now or timezone.now()
    seconds = int((until - now).total_seconds())
    if seconds <= 0:
        return ""
    days, rest = divmod(seconds, 86400)
    if days >= 1:
        return ngettext("dans %(count)s jour", "dans %(count)s jours", days) % {"count": days}
    hours = rest // 3600
    if hours >= 1:
        return ngettext("dans %(count)s heure", "dans %(count)s heures", hours) % {"count": hours}
    minutes = max(1, rest // 60)
    return ngettext("dans %(count)s minute", "dans %(count)s minutes", minutes) % {"count": minutes}


def euros(amount) -> str:
    """« 23 000,00 € » (no-break spaces), for sentences built in Python."""
    if amount is None:
        return "—"
    amount = Decimal(amount).quantize(Decimal("0.01"))
    whole, cents = f"{amount:.2f}".split(".")
    negative = whole.startswith("-")
    whole = whole.lstrip("-")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return ("-" if negative else "") + NARROW_NBSP.join(groups) + f",{cents}{NBSP}€"
