"""Read-only views of the sponsors for the technical administration: every change goes through
the site's pages and services (transitions, audit, notices). Private check-in notes are not
listed here."""

from django.contrib import admin

from essaimage.admin import ReadOnlyAdmin

import sponsors.events.admin  # noqa: F401  (rencontres: sponsors/events/admin.py)
from sponsors.models import SponsorProfile, Sponsorship, SponsorshipRequest


@admin.register(SponsorProfile)
class SponsorProfileAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "status", "capacity", "approved_at"]
    list_filter = ["status"]
    list_select_related = ["user"]
    search_fields = ["user__last_name", "user__email"]
    exclude = ["themes", "territories"]


@admin.register(SponsorshipRequest)
class SponsorshipRequestAdmin(ReadOnlyAdmin):
    list_display = ["innovation", "sponsor", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["innovation", "sponsor__user"]


@admin.register(Sponsorship)
class SponsorshipAdmin(ReadOnlyAdmin):
    list_display = ["innovation", "sponsor", "status", "outcome", "started_at", "last_activity_at"]
    list_filter = ["status", "outcome"]
    list_select_related = ["innovation", "sponsor__user"]
