from django.contrib import admin

from essaimage.admin import ReadOnlyAdmin

from contact.models import ContactMessage


@admin.register(ContactMessage)
class ContactMessageAdmin(ReadOnlyAdmin):
    """The relay's log, read-only: a message sent cannot be changed afterwards."""

    list_display = ["subject", "kind", "sender_name", "innovation", "recipient_count", "created_at"]
    list_filter = ["kind", "created_at"]
    search_fields = ["sender_name", "sender_email", "subject"]
    date_hierarchy = "created_at"
    list_select_related = ["innovation"]
    readonly_fields = ["kind", "sender", "sender_name", "sender_email", "recipient", "innovation", "replication",
                       "subject", "body", "recipient_count", "created_at"]
    fields = readonly_fields
    can_delete = True
