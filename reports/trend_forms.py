"""The parameters of the trend and the forecast pages: the statistics' own, with a range of months."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from .params import StatsParamsForm
from .trend import DEFAULT_MONTHS, MAX_MONTHS, add_months, default_range, month_start, months_between

MONTH_INVALID = "月份格式不正确，应为 YYYY-MM，如 2024-07"
RANGE_ORDER = "起始月份不能晚于截止月份"
RANGE_TOO_LONG = "一次最多查看{months}个月"
RANGE_FUTURE = "截止月份不能晚于本月"
MONTH_PATTERN = re.compile(r"(\d{4})-(\d{1,2})")


class MonthField(forms.CharField):
    """A month written YYYY-MM, cleaned to its first day."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2024-07"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("error_messages", {"invalid": MONTH_INVALID})
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        match = MONTH_PATTERN.fullmatch(value)
        if not match or not 1 <= int(match.group(2)) <= 12 or not 1949 <= int(match.group(1)) <= 2100:
            raise ValidationError(MONTH_INVALID, code="invalid")
        return datetime.date(int(match.group(1)), int(match.group(2)), 1)

    def prepare_value(self, value):
        return f"{value:%Y-%m}" if hasattr(value, "year") else value


class TrendForm(StatsParamsForm):
    """The statistics' parameters without a date, and the months: default the last 24 up to this month."""

    start = MonthField(label="起始月份")
    end = MonthField(label="截止月份")

    field_order = ["start", "end", "max_age", "recent_years", "exclude", "unit"]

    def __init__(self, data=None, **kwargs):
        # With neither month given, the inputs show the default range rather than two blank month boxes.
        if data is not None and not data.get("start") and not data.get("end"):
            start, end = default_range(kwargs.get("today") or timezone.localdate())
            data = data.copy()
            data["start"], data["end"] = f"{start:%Y-%m}", f"{end:%Y-%m}"
        super().__init__(data, **kwargs)
        # Each month is counted on its own last day: the statistics' date is not a parameter here.
        del self.fields["as_of"]

    def clean(self):
        data = super().clean()
        default_start, default_end = default_range(self.today)
        end = data.get("end") or default_end
        start = data.get("start") or (add_months(end, 1 - DEFAULT_MONTHS) if data.get("end") else default_start)
        if "start" in self.errors or "end" in self.errors:
            return data
        if end > month_start(self.today):
            self.add_error("end", RANGE_FUTURE)
        elif start > end:
            self.add_error("start", RANGE_ORDER)
        elif months_between(start, end) > MAX_MONTHS:
            self.add_error("start", RANGE_TOO_LONG.format(months=MAX_MONTHS))
        data["start"], data["end"] = start, end
        return data

    def month_range(self):
        """Return (first month, last month) of a valid form, as first days."""
        return self.cleaned_data["start"], self.cleaned_data["end"]


class ForecastForm(StatsParamsForm):
    """The statistics' parameters, the date read as the day the forecast starts from."""

    AS_OF_LABEL = "预测起算日期"
