"""Data entry in Django admin, in Chinese, scoped to what the user may see."""

from django.contrib import admin

from .models import Cadre, Channel, ChannelGroup, Unit


class ChannelInline(admin.TabularInline):
    model = Channel
    extra = 0
    fields = ["code", "name", "sort_order"]


@admin.register(ChannelGroup)
class ChannelGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "sort_order"]
    list_editable = ["sort_order"]
    inlines = [ChannelInline]


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "group", "sort_order"]
    list_filter = ["group"]
    search_fields = ["name", "code"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "sort_order"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]
    filter_horizontal = ["staff"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).select_related("parent")


@admin.register(Cadre)
class CadreAdmin(admin.ModelAdmin):
    list_display = ["name", "gender", "birth_date", "unit", "post", "channel", "entry_date", "status", "education"]
    list_filter = ["status", "channel__group", "channel", "education", "gender", "political_status", "unit"]
    search_fields = ["name", "id_number"]
    date_hierarchy = "entry_date"
    autocomplete_fields = ["unit"]
    list_select_related = ["unit", "channel"]
    list_per_page = 50
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        ("基本信息", {"fields": ["name", "id_number", ("gender", "birth_date"), ("ethnicity", "political_status")]}),
        ("学历学位", {"fields": [("education", "degree")]}),
        ("工作情况", {"fields": ["unit", ("post", "rank"), ("channel", "entry_date"), "first_work_date"]}),
        ("在职状态", {"fields": ["status", ("leave_date", "leave_reason")]}),
        ("其他", {"fields": ["notes", ("created_at", "updated_at")]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = Unit.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
