from django import forms
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from essaimage.audit_labels import action_label, content_type_name, state_label
from essaimage.enums import Role
from essaimage.addresses import normalize_email_address
from essaimage.admin_dates import BoundedDatesMixin
from essaimage.forms import AdminLoginForm
from essaimage.models import AuditEntry, Organisation, Territory, User, fold

admin.site.site_header = _("Administration d’Essaimage")
admin.site.site_title = _("Administration d’Essaimage")
admin.site.index_title = _("Tableau de bord de l’administration")


def role_label(group: Group) -> str:
    """A role group by its French label (« Modérateur »), not its code (« moderateur »)."""
    try:
        return str(Role(group.name).label)
    except ValueError:
        return group.name


class AdminCheckboxes(forms.CheckboxSelectMultiple):
    """Django's own checkbox list (django-dsfr's, meant for the site, breaks the admin layout)."""

    template_name = "admin/widgets/checkbox_select.html"
    option_template_name = "admin/widgets/checkbox_option.html"


class LabelledAutocompleteSelect(AutocompleteSelect):
    """Select2 names its combobox after the chosen item; with none chosen the name was empty
    (axe `aria-input-field-name`): show the field's label as the placeholder instead."""

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-placeholder"] = _("%(label)s : à choisir") % {"label": capfirst(self.field.verbose_name)}
        return attrs


class AutocompleteLabelMixin:
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = LabelledAutocompleteSelect(db_field, self.admin_site,
                                                          using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class LabelledInlineFormSet(forms.BaseInlineFormSet):
    """Tabular inlines show column headers, not labels: give every control of a row an
    accessible name (« Rôle », « Supprimer ») so that screen readers and axe find one."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name, field in form.fields.items():
            label = _("Supprimer cette ligne") if name == "DELETE" else field.label
            if label and not field.widget.is_hidden:
                field.widget.attrs.setdefault("aria-label", str(capfirst(label)))


class LabelledTabularInline(AutocompleteLabelMixin, admin.TabularInline):
    formset = LabelledInlineFormSet


# --- Accounts -------------------------------------------------------------------------------

class NormalEmailMixin:
    """The address in its normal form before the uniqueness check (« AGENT@… » is « agent@… »)."""

    def clean_email(self):
        return normalize_email_address(self.cleaned_data["email"])


class UserAddForm(NormalEmailMixin, AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("email",)


class UserEditForm(NormalEmailMixin, UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"


class RoleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return role_label(obj)


@admin.register(User)
class UserAdmin(BoundedDatesMixin, AutocompleteLabelMixin, BaseUserAdmin):
    form = UserEditForm
    add_form = UserAddForm
    ordering = ["last_name", "first_name"]
    list_display = ["email", "first_name", "last_name", "organisation", "roles", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "is_superuser", ("groups", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["email", "first_name", "last_name", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "territory"]
    filter_horizontal = []
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Identité"), {"fields": ("first_name", "last_name", "organisation", "territory")}),
        (_("Rôles et droits"), {"fields": ("is_active", "groups", "is_staff", "is_superuser")}),
        (_("Dates"), {"fields": ("last_login", "date_joined", "email_confirmed_at")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "first_name", "last_name", "password1", "password2")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            return RoleChoiceField(
                queryset=Group.objects.order_by("name"), required=False, label=_("Rôles"),
                widget=AdminCheckboxes,
                help_text=_("Chaque rôle donne accès aux écrans correspondants du site."),
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("Rôles"))
    def roles(self, obj):
        return ", ".join(sorted(role_label(group) for group in obj.groups.all())) or "—"


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(BaseGroupAdmin):
    list_display = ["name", "label"]
    filter_horizontal = []

    @admin.display(description=_("Rôle"))
    def label(self, obj):
        return role_label(obj)


# --- Reference data -------------------------------------------------------------------------

class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows the site's services write (statuses through their transition service): the
    administration shows them and never adds nor changes them; it deletes them only where the
    model admin says `can_delete = True`."""

    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.can_delete and super().has_delete_permission(request, obj)


@admin.register(Organisation)
class OrganisationAdmin(BoundedDatesMixin, AutocompleteLabelMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "siret", "territory", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "siret"]
    autocomplete_fields = ["territory"]
    list_select_related = ["territory"]
    readonly_fields = ["created_at"]


@admin.register(Territory)
class TerritoryAdmin(ReadOnlyAdmin):
    """Official COG data: read, searched and picked, never typed by hand."""

    list_display = ["name", "code", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["search_name", "code"]
    list_select_related = ["parent"]
    fields = readonly_fields = ["level", "code", "name", "parent"]

    def get_search_results(self, request, queryset, search_term):
        # `search_name` is folded (no accents, lower case): fold what is typed the same way.
        return super().get_search_results(request, queryset, fold(search_term))


# --- Audit journal --------------------------------------------------------------------------

def audited_objects(model):
    """The rows an audit entry may be about, with what their names are made of (their foreign
    keys: a replication is named by its innovation and territory)."""
    related = [field.name for field in model._meta.fields if field.many_to_one and field.concrete]
    return model._base_manager.select_related(*related)


class AuditChangeList(ChangeList):
    """Loads the objects the page's entries are about, one query per kind of object."""

    def get_results(self, request):
        super().get_results(request)
        wanted: dict = {}
        for entry in self.result_list:
            wanted.setdefault(entry.content_type, set()).add(entry.object_id)
        found = {}
        for content_type, ids in wanted.items():
            model = content_type.model_class()
            if model is not None:
                for obj in audited_objects(model).filter(pk__in=ids):
                    found[(content_type.pk, obj.pk)] = obj
        for entry in self.result_list:
            entry.target = found.get((entry.content_type_id, entry.object_id))


class ActionFilter(admin.SimpleListFilter):
    title = _("action")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        pairs = AuditEntry.objects.values_list("content_type", "action").distinct().order_by()
        labels = {}
        for content_type_id, action in pairs:
            labels.setdefault(action, action_label(content_type_id, action))
        return sorted(labels.items(), key=lambda item: item[1])

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


class ObjectKindFilter(admin.SimpleListFilter):
    title = _("type d’objet")
    parameter_name = "type"

    def lookups(self, request, model_admin):
        ids = AuditEntry.objects.values_list("content_type", flat=True).distinct().order_by()
        return sorted(((str(pk), content_type_name(pk)) for pk in ids), key=lambda item: item[1])

    def queryset(self, request, queryset):
        return queryset.filter(content_type_id=self.value()) if self.value() else queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The append-only trail, newest first, in words rather than codes; nobody edits it."""

    list_display = ["created_at", "object_kind", "object_link", "action_display", "from_display", "to_display",
                    "actor", "message_excerpt"]
    list_filter = [ObjectKindFilter, ActionFilter]
    search_fields = ["message", "actor__email", "actor__last_name"]
    list_select_related = ["content_type", "actor"]
    ordering = ["-created_at", "-id"]
    date_hierarchy = "created_at"
    fields = readonly_fields = ["created_at", "object_kind", "object_link", "action_display", "from_display",
                                "to_display", "actor", "message"]

    def get_changelist(self, request, **kwargs):
        return AuditChangeList

    def get_object(self, request, object_id, from_field=None):
        entry = super().get_object(request, object_id, from_field)
        if entry is not None:
            model = entry.content_type.model_class()
            entry.target = audited_objects(model).filter(pk=entry.object_id).first() if model else None
        return entry

    @admin.display(description=_("type d’objet"), ordering="content_type")
    def object_kind(self, obj):
        return content_type_name(obj.content_type_id)

    @admin.display(description=_("objet"))
    def object_link(self, obj):
        target = getattr(obj, "target", None)
        if target is None:
            return _("%(kind)s n° %(id)s (supprimé)") % {"kind": content_type_name(obj.content_type_id),
                                                         "id": obj.object_id}
        try:
            url = reverse(f"admin:{target._meta.app_label}_{target._meta.model_name}_change", args=[target.pk])
        except NoReverseMatch:
            return str(target)
        return format_html('<a href="{}">{}</a>', url, target)

    @admin.display(description=_("action"), ordering="action")
    def action_display(self, obj):
        return action_label(obj.content_type_id, obj.action)

    @admin.display(description=_("état précédent"))
    def from_display(self, obj):
        return state_label(obj.content_type_id, obj.from_state) or "—"

    @admin.display(description=_("nouvel état"))
    def to_display(self, obj):
        return state_label(obj.content_type_id, obj.to_state) or "—"

    @admin.display(description=_("message"))
    def message_excerpt(self, obj):
        text = " ".join(obj.message.split())
        return (text[:80] + "…") if len(text) > 80 else (text or "—")


# The admin log-in goes through the same throttled backend as the site's; this form says so.
admin.site.login_form = AdminLoginForm


from essaimage import admin_tasks  # noqa: E402,F401  the task queue (« Tâches de fond »)
