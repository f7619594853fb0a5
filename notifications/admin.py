from django.contrib import admin

from essaimage.admin import ReadOnlyAdmin

from notifications.models import Follow, Notice, NoticePreference


class DeletableReadOnlyAdmin(ReadOnlyAdmin):
    """Notices, follows and preferences are written by the site (notifications.services) only:
    the administration shows them and may delete them, never edits them."""

    can_delete = True


@admin.register(Notice)
class NoticeAdmin(DeletableReadOnlyAdmin):
    list_display = ["title", "recipient", "kind", "created_at", "read_at", "in_digest"]
    list_filter = ["kind", ("read_at", admin.EmptyFieldListFilter), "in_digest"]
    search_fields = ["title", "recipient__email"]
    date_hierarchy = "created_at"
    list_select_related = ["recipient"]


@admin.register(Follow)
class FollowAdmin(DeletableReadOnlyAdmin):
    list_display = ["user", "content_type", "object_id", "created_at"]
    list_filter = ["content_type"]
    search_fields = ["user__email"]
    list_select_related = ["user", "content_type"]


@admin.register(NoticePreference)
class NoticePreferenceAdmin(DeletableReadOnlyAdmin):
    list_display = ["user", "kind", "frequency", "updated_at"]
    list_filter = ["kind", "frequency"]
    search_fields = ["user__email"]
    list_select_related = ["user"]

