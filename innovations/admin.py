from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from essaimage.admin_dates import BoundedDatesMixin
from innovations import services
from innovations.enums import ModerationAction
from innovations.models import Attachment, BusinessModel, FundingSource, Innovation, Replication, TeamMember, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    autocomplete_fields = ["user"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields


def _moderation_action(action: ModerationAction):
    def run(modeladmin, request, queryset):
        done = 0
        for innovation in queryset:
            try:
                services.innovation_transition(innovation=innovation, action=action, by=request.user)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                modeladmin.message_user(request, f"{innovation} : {' '.join(getattr(error, 'messages', [str(error)]))}",
                                        messages.WARNING)
        modeladmin.message_user(request, _("%(n)d innovation(s) traitée(s).") % {"n": done})

    run.short_description = action.label
    run.__name__ = f"moderation_{action.value}"
    return run


@admin.register(Innovation)
class InnovationAdmin(BoundedDatesMixin, admin.ModelAdmin):
    list_display = ["title", "status", "stage", "organisation", "territory", "replication_count", "published_at"]
    list_filter = ["status", "stage"]
    search_fields = ["title", "slug"]
    list_select_related = ["organisation", "territory"]
    autocomplete_fields = ["territory", "organisation", "created_by"]
    readonly_fields = ["status", "slug", "replication_count", "submitted_at", "published_at", "created_at"]
    inlines = [TeamMemberInline, AttachmentInline]
    actions = [_moderation_action(ModerationAction.PUBLISH), _moderation_action(ModerationAction.ARCHIVE)]


class FundingSourceInline(admin.TabularInline):
    model = FundingSource
    extra = 0


@admin.register(BusinessModel)
class BusinessModelAdmin(admin.ModelAdmin):
    list_display = ["innovation"]
    search_fields = ["innovation__title"]
    inlines = [FundingSourceInline]
    list_select_related = ["innovation"]


@admin.register(Replication)
class ReplicationAdmin(BoundedDatesMixin, admin.ModelAdmin):
    list_display = ["innovation", "organisation", "territory", "scaling_mode", "status", "created_at"]
    list_filter = ["status", "scaling_mode"]
    search_fields = ["innovation__title", "organisation__name"]
    list_select_related = ["innovation", "organisation", "territory"]
    readonly_fields = ["status", "innovation", "organisation", "territory", "declared_by", "parent"]
