"""The audit page's filter form."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxValueValidator, MinValueValidator

from .actions import action_choices

DATE_INVALID = "日期无效，请按“2021-07-31”的格式填写"
DATE_ORDER = "开始日期不能晚于结束日期"
# As every page's dates (cadres.forms.DATE_OUT_OF_RANGE); this app sits below cadres.
DATE_OUT_OF_RANGE = "日期应在1900-01-01至2100-12-31之间"
DATE_RANGE = [
    MinValueValidator(datetime.date(1900, 1, 1), message=DATE_OUT_OF_RANGE),
    MaxValueValidator(datetime.date(2100, 12, 31), message=DATE_OUT_OF_RANGE),
]


def all_actions():
    """Return the choices of the kind filter: every registered action, read when the form is built."""
    return [("", "全部"), *action_choices()]


class AuditFilterForm(forms.Form):
    """Filters of the audit page: person, date range and kind of event."""

    user = forms.ModelChoiceField(
        label="操作人", queryset=get_user_model().objects.order_by("username"), required=False, empty_label="全部"
    )
    action = forms.ChoiceField(label="操作类型", choices=all_actions, required=False)
    date_from = forms.DateField(
        label="开始日期",
        required=False,
        error_messages={"invalid": DATE_INVALID},
        validators=DATE_RANGE,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label="结束日期",
        required=False,
        error_messages={"invalid": DATE_INVALID},
        validators=DATE_RANGE,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(DATE_ORDER)
        return cleaned

    def filter(self, events):
        """Return `events` narrowed by the valid filters (dates are whole days in local time)."""
        data = self.cleaned_data
        if data.get("user"):
            events = events.filter(user=data["user"])
        if data.get("action"):
            events = events.filter(action=data["action"])
        if data.get("date_from"):
            events = events.filter(at__date__gte=data["date_from"])
        if data.get("date_to"):
            events = events.filter(at__date__lte=data["date_to"])
        return events
