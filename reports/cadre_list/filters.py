"""The cadre list's filters (django-filter), all in the query string so a query can be bookmarked.

The statistics parameters (`as_of`, `max_age`, `recent_years`, `exclude`, `unit`) are read by the
statistics' own form, which the filter form extends, and go through `Cadre.objects.young_cadres(params)`
— the very method the statistics count with — so a drill-down lists exactly the people of a figure.
Every label is Chinese and set here: django-filter has no zh_Hans catalog (TRAPS.md), so none of
its own English wording (布尔/日期范围 widgets, "Any date") is used.
"""

import datetime

import django_filters as filters
from django import forms
from django.db.models import Q
from django.utils import timezone

from accounts.access import can_view_id_number
from cadres.choices import CadreStatus, Degree, Education, Gender, PoliticalStatus, StudyMode, UnitKind
from cadres.dates import month_end
from cadres.forms import DATE_INVALID, date_range_validators
from cadres.models import Cadre, Channel, ChannelGroup, ImportBatch, PoolStatus, Unit
from cadres.pool.models import NOT_IN_POOL
from cadres.querysets import NOT_YET_ENTERED, status_on

from ..breakdowns import EDUCATION_LEVELS, HAN, NO_FULL_TIME
from ..params import DEFAULT_MAX_AGE, DEFAULT_RECENT_YEARS, StatsParamsForm
from ..trend_forms import MonthField
from ..widgets import LongSelectMultiple

AGE_RANGE = "年龄应为0至100之间的整数"
AGE_ORDER = "最小年龄不能大于最大年龄"
DATE_ORDER = "进入时间的起始日期不能晚于截止日期"
BIRTH_ORDER = "出生日期的起始日期不能晚于截止日期"
UNIT_UNKNOWN_ID = "未知的单位：{value}"
NONE_KEY = "none"
CHANNEL_UNKNOWN = "未知的进入方式：{value}"
GROUP_UNKNOWN = "未知的统计分组：{value}"
CHOICE_UNKNOWN = "“{value}”不是可选的值"
ANY = "全部"
IDS_INVALID = "所选人员的编号无效"
BATCH_UNKNOWN = "找不到编号为{value}的导入记录"
YES, NO = "1", "0"

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CHOICE_ERRORS = {"invalid_choice": CHOICE_UNKNOWN.format(value="%(value)s")}


class IdListField(forms.Field):
    """Repeated `id=` of the people ticked in the list (bulk actions), as whole numbers."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = [value] if isinstance(value, str) else list(value or [])
        if not all(str(item).strip().isdigit() for item in values):
            raise forms.ValidationError(IDS_INVALID)
        return [int(item) for item in values]


class IdListFilter(filters.Filter):
    field_class = IdListField

    def filter(self, qs, value):
        return qs.filter(pk__in=value) if value else qs


class IntegerFilter(filters.NumberFilter):
    """A whole-number filter: django-filter's NumberFilter would accept 35.5 as an age."""

    field_class = forms.IntegerField


class MonthFilter(filters.CharFilter):
    """A month written YYYY-MM (its first day)."""

    field_class = MonthField


def date_filter(label, field_name, lookup_expr, *, bounded=True):
    """A date bound of the roster: typed as every page types dates; `bounded` keeps it within 1900–2100."""
    return filters.DateFilter(
        label=label,
        field_name=field_name,
        lookup_expr=lookup_expr,
        widget=DATE_WIDGET,
        error_messages={"invalid": DATE_INVALID},
        validators=date_range_validators() if bounded else [],
    )


class CadreListFilterForm(StatsParamsForm):
    """The form of the filters: the statistics parameters, all optional here, and the filters' own fields.

    Without `max_age` nobody is left out by age or by the statistics' scope: the list is every cadre.
    """

    AS_OF_LABEL = "日期（计算年龄、库内状态、经历）"
    DEFAULTED = ()
    LABELS = {
        "max_age": "统计口径：年龄上限（周岁，含）",
        "recent_years": "统计口径：近几年招录",
        "exclude": "统计口径：不计入的招录批次",
    }
    # As the page has always shown them: the search, date and unit first, the statistics' scope last.
    FIRST = ("q", "as_of", "unit")
    LAST = ("max_age", "recent_years", "exclude")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.LABELS.items():
            self.fields[name].label = label
        self.fields["exclude"].help_text = ""
        self.fields["unit"].empty_label = ANY
        # Scoped to the user's units by CadreListFilter; none until then.
        self.fields["unit"].queryset = Unit.objects.none()
        middle = [name for name in self.fields if name not in self.FIRST + self.LAST]
        self.order_fields([*self.FIRST, *middle, *self.LAST])

    def params(self):
        """Return the StatsParams of the statistics parameters, or None unless `max_age` is given."""
        return None if self.cleaned_data.get("max_age") is None else super().params()

    def clean(self):
        data = super().clean()
        low, high = data.get("age_min"), data.get("age_max")
        if low is not None and high is not None and low > high:
            self.add_error("age_max", AGE_ORDER)
        start, end = data.get("entry_from"), data.get("entry_to")
        if start and end and start > end:
            self.add_error("entry_to", DATE_ORDER)
        start, end = data.get("born_from"), data.get("born_to")
        if start and end and start > end:
            self.add_error("born_to", BIRTH_ORDER)
        return data


def _visible_units(request):
    return Unit.objects.visible_to(request.user) if request is not None else Unit.objects.none()


def _choices(enum):
    return list(enum.choices)


class CadreListFilter(filters.FilterSet):
    """Filters of /cadres/, /cadres.json and /cadres/export.xlsx; construct with `request=`."""

    q = filters.CharFilter(label="姓名或身份证号", method="filter_search")
    id = IdListFilter(label="所选人员")
    # The people an import created or changed (the link on the import's result page).
    batch = filters.ModelChoiceFilter(
        label="导入批次",
        field_name="import_batches",
        queryset=ImportBatch.objects.none(),  # scoped to the user's imports in __init__
        distinct=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": BATCH_UNKNOWN.format(value="%(value)s")},
    )
    group = filters.ModelChoiceFilter(
        label="统计分组",
        field_name="channel__group",
        to_field_name="name",
        queryset=ChannelGroup.objects.all(),
        empty_label=ANY,
        error_messages={"invalid_choice": GROUP_UNKNOWN.format(value="%(value)s")},
    )
    channel = filters.ModelMultipleChoiceFilter(
        label="进入方式",
        field_name="channel__code",
        to_field_name="code",
        queryset=Channel.objects.all(),
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": CHANNEL_UNKNOWN.format(value="%(value)s")},
    )
    gender = filters.ChoiceFilter(label="性别", choices=_choices(Gender), empty_label=ANY, error_messages=CHOICE_ERRORS)
    ethnicity = filters.CharFilter(label="民族")
    political_status = filters.MultipleChoiceFilter(
        label="政治面貌",
        choices=_choices(PoliticalStatus),
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERRORS,
    )
    education = filters.MultipleChoiceFilter(
        label="最高学历",
        choices=_choices(Education),
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERRORS,
    )
    minority = filters.ChoiceFilter(
        label="少数民族",
        choices=[(YES, "少数民族"), (NO, HAN)],
        empty_label=ANY,
        method="filter_minority",
        error_messages=CHOICE_ERRORS,
    )
    education_mode = filters.MultipleChoiceFilter(
        label="最高学历类别", choices=_choices(StudyMode), distinct=False, error_messages=CHOICE_ERRORS
    )
    full_time_education = filters.ChoiceFilter(
        label="全日制学历",
        choices=[*((level, level) for level in EDUCATION_LEVELS), (NONE_KEY, NO_FULL_TIME)],
        empty_label=ANY,
        method="filter_full_time_education",
        error_messages=CHOICE_ERRORS,
    )
    degree = filters.MultipleChoiceFilter(
        label="最高学位",
        choices=_choices(Degree),
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERRORS,
    )
    age_min = IntegerFilter(
        label="最小年龄（周岁）",
        method="filter_age_min",
        min_value=0,
        max_value=100,
        error_messages={n: AGE_RANGE for n in ("invalid", "min_value", "max_value")},
    )
    age_max = IntegerFilter(
        label="最大年龄（周岁，含）",
        method="filter_age_max",
        min_value=0,
        max_value=100,
        error_messages={n: AGE_RANGE for n in ("invalid", "min_value", "max_value")},
    )
    entry_from = date_filter("进入时间（起）", "entry_date", "gte")
    entry_to = date_filter("进入时间（止）", "entry_date", "lte")
    born_from = date_filter("出生日期（起）", "birth_date", "gte", bounded=False)
    born_to = date_filter("出生日期（止）", "birth_date", "lte", bounded=False)
    # The unit itself, without the units below it (the 所在单位 breakdown), and all but some units.
    own_unit = filters.ModelMultipleChoiceFilter(
        label="所在单位（不含下级单位）",
        field_name="unit",
        queryset=Unit.objects.none(),
        distinct=False,
        error_messages={"invalid_choice": UNIT_UNKNOWN_ID.format(value="%(value)s")},
        widget=LongSelectMultiple,
    )
    not_own_unit = filters.ModelMultipleChoiceFilter(
        label="不含所在单位",
        field_name="unit",
        queryset=Unit.objects.none(),
        exclude=True,
        distinct=False,
        error_messages={"invalid_choice": UNIT_UNKNOWN_ID.format(value="%(value)s")},
        widget=LongSelectMultiple,
    )
    unit_kind = filters.ChoiceFilter(
        label="单位类型",
        field_name="unit__kind",
        choices=_choices(UnitKind),
        empty_label=ANY,
        error_messages=CHOICE_ERRORS,
    )
    status = filters.ChoiceFilter(
        label="状态（当日）",
        choices=[*_choices(CadreStatus), (NOT_YET_ENTERED, NOT_YET_ENTERED)],
        empty_label=ANY,
        method="filter_status",
        error_messages=CHOICE_ERRORS,
    )
    on_roster = filters.ChoiceFilter(
        label="在册",
        choices=[(YES, "当日在册")],
        empty_label=ANY,
        method="filter_on_roster",
        error_messages=CHOICE_ERRORS,
    )
    pool_status = filters.ChoiceFilter(
        label="年轻干部库",
        choices=[*PoolStatus.choices, (NOT_IN_POOL, NOT_IN_POOL)],
        empty_label=ANY,
        method="filter_pool_status",
        error_messages=CHOICE_ERRORS,
    )
    recent = filters.ChoiceFilter(
        label="近年招录",
        choices=[(YES, "近年招录"), (NO, "非近年招录")],
        empty_label=ANY,
        method="filter_recent",
        error_messages=CHOICE_ERRORS,
    )
    grassroots = filters.ChoiceFilter(
        label="基层经验",
        choices=[(YES, "有基层经验"), (NO, "缺乏基层经验")],
        empty_label=ANY,
        method="filter_grassroots",
        error_messages=CHOICE_ERRORS,
    )
    organ = filters.ChoiceFilter(
        label="机关阅历",
        choices=[(YES, "有机关阅历"), (NO, "缺乏机关阅历")],
        empty_label=ANY,
        method="filter_organ",
        error_messages=CHOICE_ERRORS,
    )
    leaves_in = MonthFilter(label="该月满龄退出（月份）", method="filter_leaves_in")

    class Meta:
        model = Cadre
        fields = []
        form = CadreListFilterForm

    def __init__(self, data=None, queryset=None, *, request=None, today=None, **kwargs):
        """Bind to `data`; `today` is the default `as_of` (the local date when omitted)."""
        super().__init__(data, queryset, request=request, **kwargs)
        self.today = today or timezone.localdate()
        self.form.today = self.today
        for name in ("unit", "own_unit", "not_own_unit"):
            self.form.fields[name].queryset = _visible_units(request)
        if request is not None:
            self.form.fields["batch"].queryset = ImportBatch.objects.visible_to(request.user)
        if request is None or not can_view_id_number(request.user):
            self.form.fields["q"].label = "姓名"

    # The parameters every filter reads -------------------------------------------------------

    @property
    def as_of_date(self):
        """Return the chosen date: `as_of`, else today."""
        return self.form.cleaned_data.get("as_of") or self.today

    @property
    def recent_years_value(self):
        return self.form.cleaned_data.get("recent_years") or DEFAULT_RECENT_YEARS

    def stats_params(self):
        """Return the StatsParams of the statistics parameters, or None unless `max_age` is given."""
        return self.form.params()

    def filter_queryset(self, queryset):
        """Narrow to the counted people of the statistics parameters, then by every other filter."""
        data = self.form.cleaned_data
        params = self.stats_params()
        if params is not None:
            queryset = queryset.young_cadres(params)
        else:
            if data.get("exclude"):
                queryset = queryset.excluding_intakes(data["exclude"])
            if data.get("unit") is not None:
                queryset = queryset.in_unit(data["unit"])
        for name, value in data.items():
            if name in self.filters:  # the statistics parameters are the form's, applied above
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    # Filters that need the chosen date or the user -------------------------------------------

    def filter_search(self, queryset, name, value):
        """Match the name; also the 公民身份号码 for users who may see it (no guessing by search)."""
        value = value.strip()
        condition = Q(name__contains=value)
        if can_view_id_number(self.request.user) and value:
            condition |= Q(id_number__contains=value.upper())
        return queryset.filter(condition)

    def filter_minority(self, queryset, name, value):
        return queryset.exclude(ethnicity=HAN) if value == YES else queryset.filter(ethnicity=HAN)

    def filter_full_time_education(self, queryset, name, value):
        queryset = queryset.with_full_time_education()
        if value == NONE_KEY:
            return queryset.filter(full_time_rank__lt=0)
        return queryset.filter(full_time_rank__in=[Education.rank(item) for item in EDUCATION_LEVELS[value]])

    def filter_age_min(self, queryset, name, value):
        return queryset.aged_at_least(self.as_of_date, value)

    def filter_age_max(self, queryset, name, value):
        return queryset.aged_at_most(self.as_of_date, value)

    def filter_leaves_in(self, queryset, name, value):
        """Keep those who turn the age limit + 1 in the month `value` after the chosen date (the forecast's
        leavers, reports/forecast.py): still young on the eve of the month, or the chosen date within it.
        """
        max_age = self.form.cleaned_data.get("max_age")
        max_age = DEFAULT_MAX_AGE if max_age is None else max_age
        after = max(self.as_of_date, value - datetime.timedelta(days=1))
        return queryset.ageing_out(after, month_end(value.year, value.month), max_age)

    def filter_status(self, queryset, name, value):
        """Match the status on the chosen date (CadreQuerySet.as_on's rule), as the list shows it."""
        return queryset.alias(status_then=status_on(self.as_of_date)).filter(status_then=value)

    def filter_on_roster(self, queryset, name, value):
        return queryset.on_roster(self.as_of_date)

    def filter_pool_status(self, queryset, name, value):
        if value == NOT_IN_POOL:
            return queryset.not_in_pool_on(self.as_of_date)
        return queryset.in_pool_on(self.as_of_date, status=value)

    def filter_recent(self, queryset, name, value):
        if value == YES:
            return queryset.recent(self.as_of_date, self.recent_years_value)
        return queryset.not_recent(self.as_of_date, self.recent_years_value)

    def filter_grassroots(self, queryset, name, value):
        if value == YES:
            return queryset.with_grassroots_experience(self.as_of_date)
        return queryset.lacking_grassroots_experience(self.as_of_date)

    def filter_organ(self, queryset, name, value):
        if value == YES:
            return queryset.with_organ_experience(self.as_of_date)
        return queryset.lacking_organ_experience(self.as_of_date)

    def error_messages_list(self):
        """Return every error as "label：message", for JSON and plain-text answers."""
        return self.form.error_messages_list()
