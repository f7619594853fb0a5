"""The grants in the admin site: read-only (programmes, calls and applications are written by
grants/services.py from the site's pages; statuses change only through the transition service)."""

from django.contrib import admin

from essaimage.admin import ReadOnlyAdmin

from grants.models import Application, Call, Programme


@admin.register(Programme)
class ProgrammeAdmin(ReadOnlyAdmin):
    list_display = ["title", "funder", "total_envelope", "created_at"]
    list_select_related = ["funder"]
    search_fields = ["title", "funder__name"]


@admin.register(Call)
class CallAdmin(ReadOnlyAdmin):
    list_display = ["title", "programme", "opens_at", "closes_at", "envelope"]
    list_select_related = ["programme"]
    search_fields = ["title", "programme__title"]
    date_hierarchy = "closes_at"


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "innovation", "call", "status", "amount_requested", "submitted_at"]
    list_select_related = ["innovation", "call"]
    list_filter = ["status"]
    search_fields = ["reference", "innovation__title", "organisation__name"]
