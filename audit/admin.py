"""The audit trail in the admin: read-only, filtered by kind."""

from django.contrib import admin

from config.admin_lookups import DeclaredLookupsMixin

from .actions import action_choices
from .models import AuditEvent


class AuditActionFilter(admin.SimpleListFilter):
    title = "操作"
    parameter_name = "action"

    def lookups(self, request, model_admin):
        return action_choices()

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(DeclaredLookupsMixin, admin.ModelAdmin):
    list_display = ["at", "username", "action_label", "summary", "ip_address"]
    list_filter = [AuditActionFilter]
    search_fields = ["username", "summary"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
