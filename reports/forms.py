"""Parsing of the statistics parameters shared by the page, the JSON, the workbook and the command."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from cadres.models import Channel, Unit

from .monthly import parse_month
from .stats import DEFAULT_MAX_AGE, DEFAULT_RECENT_YEARS, DISTRICT_SCOPE, StatsParams

INTAKE_FORMAT = "“{value}”格式不正确，应为“年份:进入方式代码”，如 2021:gongwuyuan"
INTAKE_YEAR = "年份{year}不在1949至2100之间"
INTAKE_UNKNOWN_CHANNEL = "未知的进入方式：“{code}”（可用代码：{codes}）"
INVALID_DATE = "日期无效，请按“2021-07-31”的格式填写一个真实存在的日期"
MAX_AGE_RANGE = "年龄上限应为0至100之间的整数"
RECENT_YEARS_RANGE = "近几年应为1至50之间的整数"
UNIT_UNKNOWN = "单位不存在或无权查看"
PARAMS_INVALID = "参数有误"

INTAKE_PATTERN = re.compile(r"^\s*(\d{4})\s*[:：]\s*(\S+?)\s*$")


def channel_lookup():
    """Return {code or name: code} for every channel, so users may write either."""
    lookup = {}
    for code, name in Channel.objects.values_list("code", "name"):
        lookup[code] = lookup[name] = code
    return lookup


def parse_intakes(values, channels):
    """Return sorted unique (year, code) pairs from "2021:gongwuyuan" strings.

    Each string may hold several pairs separated by commas; a channel may be given by code or
    by name. `channels` maps codes and names to codes. Raise ValidationError listing every bad item.
    """
    pairs, errors = set(), []
    for value in values:
        for item in re.split(r"[,，;；\s]+", value or ""):
            if not item:
                continue
            match = INTAKE_PATTERN.match(item)
            if not match:
                errors.append(INTAKE_FORMAT.format(value=item))
                continue
            year, code = int(match.group(1)), match.group(2)
            if not 1949 <= year <= 2100:
                errors.append(INTAKE_YEAR.format(year=year))
            elif code not in channels:
                known = "、".join(sorted(set(channels.values())))
                errors.append(INTAKE_UNKNOWN_CHANNEL.format(code=code, codes=known))
            else:
                pairs.add((year, channels[code]))
    if errors:
        raise ValidationError(errors)
    return tuple(sorted(pairs))


class IntakeListField(forms.Field):
    """Repeatable `exclude=YEAR:CODE` parameter, shown as one comma-separated text box."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = [value]
        return parse_intakes(value or [], channel_lookup())


class IntakeListWidget(forms.TextInput):
    def value_from_datadict(self, data, files, name):
        getlist = getattr(data, "getlist", None)
        return getlist(name) if getlist else data.get(name)

    def format_value(self, value):
        if isinstance(value, list | tuple):
            pairs = [f"{item[0]}:{item[1]}" if isinstance(item, tuple) else str(item) for item in value]
            return ", ".join(pairs)
        return value


class StatsParamsForm(forms.Form):
    """The parameters of the young-cadre statistics, from a query string."""

    as_of = forms.DateField(
        label="统计截止日期",
        error_messages={"invalid": INVALID_DATE, "required": INVALID_DATE},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    max_age = forms.IntegerField(
        label="年龄上限（周岁，含）",
        min_value=0,
        max_value=100,
        error_messages={n: MAX_AGE_RANGE for n in ("invalid", "min_value", "max_value", "required")},
    )
    recent_years = forms.IntegerField(
        label="近几年招录",
        min_value=1,
        max_value=50,
        error_messages={n: RECENT_YEARS_RANGE for n in ("invalid", "min_value", "max_value", "required")},
    )
    exclude = IntakeListField(
        label="不计入的招录批次",
        widget=IntakeListWidget(attrs={"placeholder": "如 2021:gongwuyuan, 2021:shiye"}),
        help_text="年份:进入方式代码或名称，多个用逗号分隔，如 2021:公务员招录",
    )
    unit = forms.ModelChoiceField(
        label="单位（含下级单位）",
        queryset=Unit.objects.none(),
        required=False,
        empty_label="全区",
        error_messages={"invalid_choice": UNIT_UNKNOWN, "invalid_pk_value": UNIT_UNKNOWN},
    )

    def __init__(self, data=None, *, units=None, scope=DISTRICT_SCOPE, today=None, **kwargs):
        """Bind to `data` (a QueryDict), filling the article's defaults for absent parameters.

        `units` are the units the user may choose and `scope` what "no unit" covers for them
        (全区, or a clerk's own units); `today` is the default as_of.
        """
        defaults = {
            "as_of": (today or timezone.localdate()).isoformat(),
            "max_age": str(DEFAULT_MAX_AGE),
            "recent_years": str(DEFAULT_RECENT_YEARS),
        }
        merged = data.copy() if data is not None else None
        if merged is not None:
            for key, value in defaults.items():
                if not merged.get(key):
                    merged[key] = value
        super().__init__(merged, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.all()
        self.fields["unit"].empty_label = scope
        self.scope = scope

    def params(self):
        """Return the StatsParams of a valid form."""
        data = self.cleaned_data
        return StatsParams(
            as_of=data["as_of"],
            max_age=data["max_age"],
            recent_years=data["recent_years"],
            excluded=data["exclude"],
            unit=data["unit"],
            scope=self.scope,
        )

    def error_messages_list(self):
        """Return every error as "label：message", for plain-text and JSON answers."""
        out = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else ""
            out.extend(f"{label}：{error}" if label else error for error in errors)
        return out


class MonthlyReportForm(forms.Form):
    """Which month to report on, with the same counting parameters as the statistics page."""

    month = forms.CharField(label="报表月份", widget=forms.TextInput(attrs={"type": "month", "placeholder": "2021-07"}))
    max_age = StatsParamsForm.base_fields["max_age"]
    recent_years = StatsParamsForm.base_fields["recent_years"]
    exclude = StatsParamsForm.base_fields["exclude"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"max_age": DEFAULT_MAX_AGE, "recent_years": DEFAULT_RECENT_YEARS})
        super().__init__(*args, **kwargs)

    def clean_month(self):
        try:
            return parse_month(self.cleaned_data["month"])
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def params(self):
        """Return the StatsParams of a valid form: as of the month's last day, district-wide."""
        data = self.cleaned_data
        return StatsParams(
            as_of=data["month"], max_age=data["max_age"], recent_years=data["recent_years"], excluded=data["exclude"]
        )
