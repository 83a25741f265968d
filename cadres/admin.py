"""Data entry in Django admin, in Chinese, scoped to what the user may see."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from accounts.access import can_view_id_number, mask_id_number
from config.admin_lookups import DeclaredLookupsMixin

from .models import (
    Appraisal,
    Cadre,
    CadrePhoto,
    Channel,
    ChannelGroup,
    EducationRecord,
    FamilyMember,
    ResumeNote,
    RewardPunishment,
    Secondment,
    StaleEditError,
    Training,
    Unit,
    UnitAlias,
    WorkRecord,
)
from .models.records import STALE_EDIT
from .photos import MAX_PHOTO_BYTES, PHOTO_TOO_LARGE, photo_from_bytes

NOT_VISIBLE = "记录不存在，或不在您有权查看的单位范围内"
CHOICE_NOT_VISIBLE = "所选的{name}不存在，或不在您有权查看的单位范围内"
REVERT_DISABLED = "修改记录只供查看，不能恢复旧版本；如需更正，请直接修改当前记录"


class MaskedIdHistoryHelper(HistoricalRecordContextHelper):
    """Show changed ID numbers in the admin history masked, for users who may not see them."""

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        return mask_id_number(value) if change.field == "id_number" else value


def scoped_choices_form(form_class, model, user):
    """Return `form_class` refusing a unit or cadre `user` may not see, wherever a row's value is set or changed.

    The autocomplete offers only visible choices, but a posted id is whatever the client sends. A value a row
    already held (a past unit of another district office in a work record) stays when left unchanged.
    """
    scoped = {
        field.name: field.related_model
        for field in model._meta.get_fields()
        if field.many_to_one and field.related_model in (Unit, Cadre)
    }
    if not scoped:
        return form_class

    class ScopedChoicesForm(form_class):
        def clean(self):
            cleaned = super().clean()
            for name, related in scoped.items():
                value = cleaned.get(name)
                if name not in self.changed_data or value is None:
                    continue
                if not related.objects.visible_to(user).filter(pk=value.pk).exists():
                    self.add_error(name, CHOICE_NOT_VISIBLE.format(name=related._meta.verbose_name))
            return cleaned

    ScopedChoicesForm.__name__ = form_class.__name__
    return ScopedChoicesForm


class ScopedChoicesMixin:
    """For a ModelAdmin or an inline: every unit or cadre a user sets is checked against `visible_to(user)`."""

    def get_form(self, request, obj=None, **kwargs):
        return scoped_choices_form(super().get_form(request, obj, **kwargs), self.model, request.user)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = scoped_choices_form(formset.form, self.model, request.user)
        return formset


class ScopedAdminMixin(ScopedChoicesMixin, DeclaredLookupsMixin):
    """Make an out-of-scope object answer 404 in every per-object view, history included.

    Django's admin redirects with a message for a missing object and simple-history reads history
    without the scoped queryset (TRAPS.md); both would tell a clerk that another unit's record exists.
    """

    def scoped_object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(NOT_VISIBLE)
        return obj

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self.scoped_object_or_404(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self.scoped_object_or_404(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self.scoped_object_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.scoped_object_or_404(request, object_id)
        if request.method == "POST":
            # History is read-only: simple-history would save a revert for anyone who may view it.
            raise PermissionDenied(REVERT_DISABLED)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def has_view_history_permission(self, request, obj=None):
        return super().has_view_history_permission(request, obj) and self.in_scope(request, obj)

    def has_change_history_permission(self, request, obj=None):
        return super().has_change_history_permission(request, obj) and self.in_scope(request, obj)

    def in_scope(self, request, obj):
        # Django's contract: obj None means "any object".
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()


class ChannelInline(admin.TabularInline):
    model = Channel
    extra = 0
    fields = ["code", "name", "sort_order"]


@admin.register(ChannelGroup)
class ChannelGroupAdmin(DeclaredLookupsMixin, SimpleHistoryAdmin):
    list_display = ["name", "sort_order"]
    list_editable = ["sort_order"]
    inlines = [ChannelInline]


@admin.register(Channel)
class ChannelAdmin(DeclaredLookupsMixin, SimpleHistoryAdmin):
    list_display = ["name", "code", "group", "sort_order"]
    list_filter = ["group"]
    search_fields = ["name", "code"]


class UnitAliasInline(ScopedChoicesMixin, admin.TabularInline):
    """Other names of the unit, by which rosters and .lrmx files name it (cadres.UnitAlias)."""

    model = UnitAlias
    extra = 0


@admin.register(Unit)
class UnitAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    inlines = [UnitAliasInline]
    list_display = ["name", "kind", "parent", "sort_order"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]
    filter_horizontal = ["staff"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).select_related("parent")

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        # Who may act for a unit is the superuser's decision.
        return fields if request.user.is_superuser else [f for f in fields if f != "staff"]


# The cadre form as the admin lays it out: the one list of its fields (CadreForm.Meta.fields follows it).
CADRE_FIELDSETS = [
    (
        "基本信息",
        {
            "fields": [
                "name",
                "id_number",
                ("gender", "birth_date", "birth_month_only"),
                ("ethnicity", "political_status", "political_status_written"),
                ("native_place", "birthplace"),
                ("party_joined_date", "party_joined_month_only", "party_confirmed_date"),
                ("health", "professional_title"),
                "specialty",
            ]
        },
    ),
    ("学历学位", {"fields": [("education", "education_written", "education_mode"), ("degree", "degree_written")]}),
    (
        "工作情况",
        {
            "fields": [
                "unit",
                ("post", "rank"),
                ("channel", "entry_date", "entry_month_only"),
                ("first_work_date", "first_work_month_only"),
            ]
        },
    ),
    ("在职状态", {"fields": ["status", ("leave_date", "leave_month_only", "leave_reason")]}),
    (
        "任免审批表",
        {"fields": [("proposed_post", "proposed_removal"), "appointment_reason", "retirement_month"]},
    ),
    ("其他", {"fields": ["notes", ("created_at", "updated_at"), "opened_version"]}),
]
CADRE_READONLY = ["created_at", "updated_at"]


class CadreForm(forms.ModelForm):
    """The cadre form, carrying the version it was opened at so a stale save is refused."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Cadre
        # The fields the admin lays out, less those it only shows and the form's own version field.
        fields = [
            name for name in flatten_fieldsets(CADRE_FIELDSETS) if name not in {*CADRE_READONLY, "opened_version"}
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        opened_at = cleaned.get("opened_version")
        if self.instance.pk and opened_at is not None:
            current = Cadre.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if current != opened_at:
                raise forms.ValidationError(STALE_EDIT, code="stale")
            self.instance.version = opened_at
        return cleaned


class RecordInline(ScopedChoicesMixin, admin.TabularInline):
    extra = 0
    show_change_link = False


class EducationInline(RecordInline):
    model = EducationRecord
    fields = [
        "mode",
        "start_date",
        "end_date",
        "school",
        "major",
        "education",
        "education_written",
        "degree",
        "degree_written",
    ]


class ResumeNoteInline(RecordInline):
    model = ResumeNote
    fields = ["start_date", "text"]


class WorkInline(RecordInline):
    model = WorkRecord
    fields = ["start_date", "end_date", "unit", "unit_name", "unit_kind", "post", "rank"]
    autocomplete_fields = ["unit"]


class SecondmentInline(RecordInline):
    model = Secondment
    fields = [
        "kind",
        "start_date",
        "planned_end_date",
        "end_date",
        "from_unit",
        "to_unit",
        "to_unit_name",
        "to_unit_kind",
        "post",
        "purpose",
        "outcome",
    ]
    autocomplete_fields = ["from_unit", "to_unit"]


class TrainingInline(RecordInline):
    model = Training
    fields = ["name", "organizer", "start_date", "end_date", "hours"]


class AppraisalInline(RecordInline):
    model = Appraisal
    fields = ["year", "result"]


class RewardInline(RecordInline):
    model = RewardPunishment
    fields = ["kind", "date", "description", "authority"]


class FamilyInline(RecordInline):
    model = FamilyMember
    fields = ["sort_order", "relation", "name", "birth_date", "political_status", "work_and_post"]


class PhotoForm(forms.ModelForm):
    """The photo of a cadre: an upload checked and turned into a bare JPEG by cadres/photos.py."""

    upload = forms.FileField(
        label="上传照片",
        required=False,
        help_text="JPEG或PNG，不超过2MB；保存为高度不超过600像素的JPEG，拍摄时间、地点等信息不保存。上传新照片即替换原照片",
    )

    class Meta:
        model = CadrePhoto
        fields = []

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        # No file keeps the photo; an empty extra row without one is not saved (it has not changed).
        if upload is None:
            return upload
        # Refused before reading: Django does not limit the size of file uploads (TRAPS.md).
        if upload.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(PHOTO_TOO_LARGE.format(limit=MAX_PHOTO_BYTES >> 20))
        photo = photo_from_bytes(upload.read())
        self.instance.jpeg, self.instance.width, self.instance.height = photo.jpeg, photo.width, photo.height
        self.instance.sha256 = photo.sha256
        return upload


class PhotoInline(ScopedChoicesMixin, admin.StackedInline):
    model = CadrePhoto
    form = PhotoForm
    fields = ["current", "upload"]
    readonly_fields = ["current"]
    extra = 1
    max_num = 1

    @admin.display(description="当前照片")
    def current(self, obj):
        if obj is None or obj._state.adding:
            return "暂无照片"
        # Served by the scoped view, never as a media file (the photo is confidential).
        url = reverse("cadre_photo", args=[obj.cadre_id])
        return format_html('<img src="{}" alt="照片" height="160"> {}×{}像素', url, obj.width, obj.height)


@admin.register(Cadre)
class CadreAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    form = CadreForm
    inlines = [
        PhotoInline,
        EducationInline,
        WorkInline,
        ResumeNoteInline,
        SecondmentInline,
        TrainingInline,
        AppraisalInline,
        RewardInline,
        FamilyInline,
    ]
    list_display = ["name", "gender", "birth_date", "unit", "post", "channel", "entry_date", "status", "education"]
    # RelatedOnly: a clerk's unit filter lists only the units of the cadres they may see.
    list_filter = [
        "status",
        "channel__group",
        "channel",
        "education",
        "gender",
        "political_status",
        ("unit", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["name", "=id_number"]
    date_hierarchy = "entry_date"
    autocomplete_fields = ["unit"]
    list_select_related = ["unit", "channel"]
    list_per_page = 50
    readonly_fields = CADRE_READONLY
    fieldsets = CADRE_FIELDSETS

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_view_id_number(request.user):
            fields.append("masked_id_number")
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if can_view_id_number(request.user):
            return fieldsets
        # Without the permission the number is shown masked and cannot be edited.
        return [
            (title, {**options, "fields": ["masked_id_number" if f == "id_number" else f for f in options["fields"]]})
            for title, options in fieldsets
        ]

    def get_search_fields(self, request):
        return self.search_fields if can_view_id_number(request.user) else ["name"]

    def get_historical_record_context_helper(self, request, historical_record):
        if can_view_id_number(request.user):
            return super().get_historical_record_context_helper(request, historical_record)
        return MaskedIdHistoryHelper(self.model, historical_record)

    @admin.display(description="公民身份号码")
    def masked_id_number(self, obj):
        return mask_id_number(obj.id_number)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = Unit.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleEditError:
            # Someone saved between this form's check and its write: refused and rolled back.
            self.message_user(request, STALE_EDIT, messages.ERROR)
            return HttpResponseRedirect(request.path)
