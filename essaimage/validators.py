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


def validate_siret(value: str) -> None:
    """A SIRET is 14 digits whose Luhn checksum is valid (La Poste: digit sum multiple of 5)."""
    digits = value.replace(" ", "")
    if len(digits) != 14 or not digits.isdigit():
        raise ValidationError(_("Un SIRET comporte exactement 14 chiffres."), code="siret_format")
    if digits.startswith(LA_POSTE_SIREN) and digits != LA_POSTE_SIREN + "00013":
        if sum(int(c) for c in digits) % 5 == 0:
            return
    if not luhn_is_valid(digits):
        raise ValidationError(
            _("Ce SIRET n’est pas valide : vérifiez les 14 chiffres (clé de contrôle incorrecte)."),
            code="siret_checksum",
        )
