from django import forms
from django.contrib import admin, messages
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, F, Func, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from essaimage.admin import AdminCheckboxes, AutocompleteLabelMixin, LabelledInlineFormSet, LabelledTabularInline
from essaimage.admin_dates import BoundedDatesMixin
from innovations import services
from innovations.enums import ModerationAction, TeamRole
from innovations.models import Attachment, BusinessModel, FundingSource, Innovation, Replication, TeamMember, Theme

FILE_KINDS = {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP",
              "application/vnd.oasis.opendocument.text": "ODT",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX"}


def file_summary(content_type: str, size: int) -> str:
    """« PDF – 45 Ko » rather than a MIME type and a count of bytes."""
    kind = FILE_KINDS.get(content_type, content_type.rsplit("/", 1)[-1].upper())
    if size < 1000 * 1000:
        amount = f"{max(1, round(size / 1000))}\u00a0Ko"
    else:
        amount = f"{size / 1000 / 1000:.1f}".replace(".", ",") + "\u00a0Mo"
    return f"{kind} – {amount}"


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class TeamFormSet(LabelledInlineFormSet):
    def kept(self) -> list[tuple]:
        """(user, role) of the team once saved: the members as they are, changed by the rows
        the page sent (a member whose row was not sent stays, as Django's formsets do)."""
        deleted = set(self.deleted_forms) if self.can_delete else set()
        team = {member.user_id: (member.user, member.role)
                for member in self.instance.members.select_related("user")} if self.instance.pk else {}
        for form in self.forms:
            original = form.instance.user_id if form.instance.pk else None
            if original is not None and (form in deleted or form.has_changed()):
                team.pop(original, None)
            user = form.cleaned_data.get("user")
            if form not in deleted and user is not None:
                team[user.pk] = (user, form.cleaned_data["role"])
        return list(team.values())

    def clean(self):
        super().clean()
        if not any(form.errors for form in self.forms) and not any(
                role == TeamRole.OWNER for _user, role in self.kept()):
            raise ValidationError(_("L’équipe doit garder au moins un porteur."))


class TeamMemberInline(LabelledTabularInline):
    """Edited here, written by innovations.services.innovation_team_admin_set (audited)."""

    model = TeamMember
    formset = TeamFormSet
    extra = 0
    autocomplete_fields = ["user"]


class AttachmentInline(LabelledTabularInline):
    model = Attachment
    extra = 0
    fields = ["original_name", "file_kind", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False  # files are checked and stored by the site's upload form

    @admin.display(description=_("type et taille"))
    def file_kind(self, obj):
        return file_summary(obj.content_type, obj.size)


def _moderation_action(action: ModerationAction):
    def run(modeladmin, request, queryset):
        done = 0
        for innovation in queryset:
            try:
                services.innovation_transition(innovation=innovation, action=action, by=request.user)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                reason = " ".join(getattr(error, "messages", [])) or _("action réservée aux modérateurs.")
                modeladmin.message_user(request, f"«\u00a0{innovation}\u00a0»\u00a0: {reason}", messages.WARNING)
        modeladmin.message_user(request, ngettext("%(n)d innovation traitée.", "%(n)d innovations traitées.",
                                                  done) % {"n": done})

    run.short_description = _("%(action)s les innovations sélectionnées") % {"action": action.label}
    run.__name__ = f"moderation_{action.value}"
    return run


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        return sorted(theme.pk for theme in super().clean(value))


class InnovationAdminForm(forms.ModelForm):
    """Themes are stored as a list of ids: pick them by name."""

    theme_ids = ThemeChoiceField(queryset=Theme.objects.all(), required=False, label=_("Thèmes"),
                                 widget=AdminCheckboxes)

    class Meta:
        model = Innovation
        fields = "__all__"  # noqa: DJ007 - InnovationAdmin's fieldsets and read-only fields choose


class ThemeFilter(admin.SimpleListFilter):
    title = _("thème")
    parameter_name = "theme"

    def lookups(self, request, model_admin):
        return [(str(theme.pk), theme.name) for theme in Theme.objects.all()]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(theme_ids__contains=[int(self.value())])
        return queryset


class InArray(Func):
    """`value = ANY(array)`: whether an array column holds a value."""

    template = "(%(expressions)s))"
    arg_joiner = " = ANY("
    output_field = BooleanField()


@admin.register(Innovation)
class InnovationAdmin(BoundedDatesMixin, AutocompleteLabelMixin, admin.ModelAdmin):
    form = InnovationAdminForm
    list_display = ["title", "status", "stage", "theme_names", "organisation", "territory", "replication_count",
                    "published_at"]
    list_filter = ["status", "stage", ThemeFilter, ("region", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "slug", "organisation__name", "territory__name"]
    list_select_related = ["organisation", "territory"]
    autocomplete_fields = ["territory", "organisation", "created_by"]
    date_hierarchy = "created_at"
    fieldsets = (
        (None, {"fields": ("title", "summary", "theme_ids", "stage", "territory", "organisation")}),
        (_("Contenu de la fiche"), {"fields": ("problem", "solution", "public_concerned", "results", "evidence",
                                               "costs", "links")}),
        (_("Suivi"), {"fields": ("status", "slug", "replication_count", "created_by", "created_at", "updated_at",
                                 "submitted_at", "published_at")}),
    )
    readonly_fields = ["status", "slug", "replication_count", "created_at", "updated_at", "submitted_at",
                       "published_at"]
    inlines = [TeamMemberInline, AttachmentInline]
    actions = [_moderation_action(ModerationAction.PUBLISH), _moderation_action(ModerationAction.ARCHIVE)]

    def get_queryset(self, request):
        names = (Theme.objects.filter(InArray(F("pk"), OuterRef("theme_ids")))
                 .order_by("position", "name").values("name"))
        return super().get_queryset(request).annotate(theme_name_list=ArraySubquery(names))

    @admin.display(description=_("thèmes"))
    def theme_names(self, obj):
        return ", ".join(obj.theme_name_list) or "—"

    def has_add_permission(self, request):
        return False  # innovations are created on the site, by their team (services.innovation_save)

    def save_formset(self, request, form, formset, change):
        if isinstance(formset, TeamFormSet):
            services.innovation_team_admin_set(innovation=form.instance, members=formset.kept(), by=request.user)
            # The admin's own log reads these (the audit journal holds what changed).
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        else:
            super().save_formset(request, form, formset, change)

    def save_model(self, request, obj, form, change):
        # Routed to the service: editable fields only, search words refreshed, version recorded.
        obj.__dict__.pop("theme_list", None)
        saved = services.innovation_admin_save(innovation=obj, by=request.user, changed=form.changed_data)
        obj.__dict__.update({key: value for key, value in saved.__dict__.items() if not key.startswith("_")})


class FundingSourceInline(LabelledTabularInline):
    model = FundingSource
    extra = 0


@admin.register(BusinessModel)
class BusinessModelAdmin(AutocompleteLabelMixin, admin.ModelAdmin):
    list_display = ["innovation", "completeness_display"]
    search_fields = ["innovation__title"]
    autocomplete_fields = ["innovation"]
    inlines = [FundingSourceInline]
    list_select_related = ["innovation"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("funding_sources")

    @admin.display(description=_("rubriques remplies"))
    def completeness_display(self, obj):
        done = obj.completeness()
        return _("%(filled)d sur %(total)d") % done


@admin.register(Replication)
class ReplicationAdmin(BoundedDatesMixin, admin.ModelAdmin):
    list_display = ["innovation", "organisation", "territory", "scaling_mode", "status", "declared_by", "created_at"]
    list_filter = ["status", "scaling_mode"]
    search_fields = ["innovation__title", "organisation__name", "territory__name"]
    list_select_related = ["innovation", "organisation", "territory", "declared_by"]
    readonly_fields = ["status", "innovation", "organisation", "territory", "declared_by", "parent", "created_at",
                       "updated_at"]
    fields = ["innovation", "organisation", "territory", "declared_by", "parent", "scaling_mode", "status",
              "adaptations", "created_at", "updated_at"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False  # declared on the site (services.replication_declare: audit, count, e-mail)

    def save_model(self, request, obj, form, change):
        services.replication_admin_save(replication=obj, by=request.user, changed=form.changed_data)
