"""Events in the admin site: read only (every write goes through sponsors.events.services, from
the organiser's pages); staff look events and registrations up, and follow the links."""

from django.contrib import admin

from essaimage.admin import ReadOnlyAdmin

from sponsors.events.models import Event, Registration


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["title", "starts_at", "format", "status", "capacity", "organiser"]
    list_filter = ["status", "format"]
    search_fields = ["title", "slug"]
    date_hierarchy = "starts_at"
    list_select_related = ["organiser"]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ["user", "event", "status", "position", "offer_deadline", "created_at"]
    list_filter = ["status"]
    search_fields = ["event__title", "user__email", "user__last_name"]
    list_select_related = ["user", "event"]

