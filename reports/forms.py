"""The form of the monthly report page."""

from django import forms
from django.core.exceptions import ValidationError

from .monthly import parse_month
from .params import DEFAULT_MAX_AGE, DEFAULT_RECENT_YEARS, StatsParams, StatsParamsForm


class MonthlyReportForm(forms.Form):
    """Which month to report on, with the same counting parameters as the statistics page."""

    month = forms.CharField(label="报表月份", widget=forms.TextInput(attrs={"type": "month", "placeholder": "2021-07"}))
    max_age = StatsParamsForm.base_fields["max_age"]
    recent_years = StatsParamsForm.base_fields["recent_years"]
    exclude = StatsParamsForm.base_fields["exclude"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"max_age": DEFAULT_MAX_AGE, "recent_years": DEFAULT_RECENT_YEARS})
        super().__init__(*args, **kwargs)
        for name in ("max_age", "recent_years"):
            self.fields[name].required = True

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
