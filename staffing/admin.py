"""The department's staffing in Django admin, scoped like the rest: a 单位信息员 sees only their units' sections
and the records that hang from them. Approving a leave and changing a pairing are done on the pages, whose
services apply the rules; here the records can be entered and corrected."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cadres.admin import ScopedAdminMixin
from cadres.models import Secondment, Unit

from .conf import setting
from .models import HeadCover, Leave, Pairing, PairingReview, SecondmentPlacement, Section, SectionMember, UpperOffice

PEOPLE_FIELDS = {"head", "cadre", "a", "b"}


class PeopleChoicesMixin:
    """Offer as people only the cadres of the sections the user may see, as sections only those sections."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        sections = Section.objects.visible_to(request.user)
        if db_field.name in PEOPLE_FIELDS:
            kwargs["queryset"] = sections.people().select_related("unit").order_by("name", "pk")
        elif db_field.name == "section":
            kwargs["queryset"] = sections.select_related("unit")
        elif db_field.name == "unit":
            kwargs["queryset"] = Unit.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class UpperOfficeInline(admin.TabularInline):
    model = UpperOffice
    extra = 0
    fields = ["sort_order", "name", "level"]


class SectionMemberInline(PeopleChoicesMixin, admin.TabularInline):
    model = SectionMember
    extra = 0
    fields = ["cadre", "post", "start_date", "end_date"]


@admin.register(Section)
class SectionAdmin(PeopleChoicesMixin, ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "unit", "head", "sort_order"]
    list_filter = [("unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name"]
    fields = ["unit", "name", "duties", "head", "fit_keywords", "sort_order"]
    inlines = [UpperOfficeInline, SectionMemberInline]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).select_related("unit", "head")

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        home = Unit.objects.visible_to(request.user).filter(name=setting("STAFFING_HOME_UNIT")).first()
        if home is not None:
            initial.setdefault("unit", home.pk)
        return initial


class SectionScopedAdmin(PeopleChoicesMixin, ScopedAdminMixin, SimpleHistoryAdmin):
    """A record that belongs to a section: seen and chosen only within the user's sections."""

    def get_queryset(self, request):
        visible = Section.objects.visible_to(request.user)
        return super().get_queryset(request).filter(section__in=visible).select_related("section")


@admin.register(Pairing)
class PairingAdmin(SectionScopedAdmin):
    list_display = ["section", "a", "b", "start_date", "end_date", "approved_by", "approved_on"]
    list_filter = [("section", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["section", "a", "b"]
    date_hierarchy = "start_date"
    readonly_fields = ["recorded_by"]


@admin.register(SectionMember)
class SectionMemberAdmin(SectionScopedAdmin):
    list_display = ["section", "cadre", "post", "start_date", "end_date"]
    list_filter = [("section", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["section", "cadre"]


@admin.register(PairingReview)
class PairingReviewAdmin(PeopleChoicesMixin, ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["unit", "published_on", "approved_by"]
    readonly_fields = ["recorded_by"]

    def get_queryset(self, request):
        units = Section.objects.visible_to(request.user).values("unit")
        return super().get_queryset(request).filter(unit__in=units).select_related("unit")


class HeadCoverInline(admin.TabularInline):
    """Recorded when the leave is approved (the rule of A and B away together); shown, never typed in here."""

    model = HeadCover
    extra = 0
    fields = ["section", "head"]
    readonly_fields = ["section", "head"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Leave)
class LeaveAdmin(PeopleChoicesMixin, ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["cadre", "kind", "start_date", "end_date", "status", "approved_by", "returned_on"]
    list_filter = ["status", "kind"]
    list_select_related = ["cadre", "approved_by"]
    date_hierarchy = "start_date"
    search_fields = ["cadre__name"]
    inlines = [HeadCoverInline]
    readonly_fields = ["status", "recorded_by", "approved_by", "approved_at"]
    APPROVED_READONLY = ["cadre", "kind", "start_date", "end_date"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_readonly_fields(self, request, obj=None):
        # Approved dates were checked against the A/B rule when approved: they change only by a new leave.
        fields = list(super().get_readonly_fields(request, obj))
        return fields + self.APPROVED_READONLY if obj is not None and obj.approved else fields


@admin.register(SecondmentPlacement)
class SecondmentPlacementAdmin(SectionScopedAdmin):
    list_display = ["secondment", "section"]
    list_select_related = ["secondment__cadre", "section"]
    readonly_fields = ["recorded_by"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "secondment":
            units = Section.objects.visible_to(request.user).values("unit")
            kwargs["queryset"] = Secondment.objects.filter(to_unit__in=units).select_related("cadre", "to_unit")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
