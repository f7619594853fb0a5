"""Dates typed in the admin stay within what the site can read back (2000–2100)."""

from django.db import models

from essaimage.validators import validate_plausible_date


class BoundedDatesMixin:
    """Mix into a ModelAdmin (or an inline): every date and date-time field of its forms refuses
    a year outside 2000–2100 with a French message (« 01/01/0001 » broke the user's log-in)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(db_field, models.DateField):  # DateTimeField included
            if validate_plausible_date not in field.validators:
                field.validators.append(validate_plausible_date)
        return field
