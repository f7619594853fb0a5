import re
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def luhn_is_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


# La Poste's establishments share SIREN 356000000; their SIRET follow another checksum.
LA_POSTE_SIREN = "356000000"
# What people put between the digits when they copy a SIRET: spaces of every kind (the
# non-breaking ones of documents and web pages included), dots and hyphens.
SIRET_SEPARATORS = re.compile(r"[\s.\-\u00a0\u202f\u2007]")


def normalise_siret(value: str) -> str:
    """The SIRET as 14 digits: « 123 456 789 00012 », « 123.456.789.00012 » → 12345678900012."""
    return SIRET_SEPARATORS.sub("", value or "")


def validate_siret(value: str) -> None:
    """A SIRET is 14 digits whose Luhn checksum is valid (La Poste: digit sum multiple of 5)."""
    digits = normalise_siret(value)
    if len(digits) != 14 or not digits.isdigit():
        raise ValidationError(_("Un SIRET comporte exactement 14 chiffres."), code="siret_format")
    if digits.startswith(LA_POSTE_SIREN) and digits != LA_POSTE_SIREN + "00013":
        if sum(int(c) for c in digits) % 5 == 0:
            return
    if not luhn_is_valid(digits):
        raise ValidationError(
            _("Ce SIRET n’est pas valide : vérifiez les 14 chiffres (clé de contrôle incorrecte)."),
            code="siret_checksum",
        )


# Dates people may type in any form of the site, the admin included: a year outside this range
# is a typing error, and years such as 0001 cannot even be read back once converted to UTC.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
# What the database accepts (a day of margin for time zones): see the User's check constraints.
STORABLE_DATES = (datetime(EARLIEST_YEAR - 1, 12, 31, tzinfo=UTC), datetime(LATEST_YEAR + 1, 1, 2, tzinfo=UTC))


def validate_plausible_date(value) -> None:
    """A date or date-time between 1 January 2000 and 31 December 2100 (compared on the year
    as typed: converting year 1 to UTC would itself overflow)."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            _("Indiquez une date comprise entre le 1er janvier %(first)s et le 31 décembre %(last)s."),
            code="date_out_of_range", params={"first": EARLIEST_YEAR, "last": LATEST_YEAR},
        )
