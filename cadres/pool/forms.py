"""Forms of the young-cadre pool pages: the date and filters of the lists, and the three moves."""

from django import forms
from django.core.exceptions import ValidationError

from ..forms import DATE_INVALID, UNIT_UNKNOWN, AsOfForm, DateField
from ..models import Unit
from .models import PoolStatus, Recommender

STATUS_UNKNOWN = "未知的状态：“{value}”"
REASON_MAX = 300
FIELD_REQUIRED = "请填写{label}"


def date_field(label):
    return DateField(
        label=label,
        error_messages={"invalid": DATE_INVALID, "required": FIELD_REQUIRED.format(label=label)},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def reason_field(label):
    return forms.CharField(
        label=label,
        max_length=REASON_MAX,
        error_messages={"required": FIELD_REQUIRED.format(label=label)},
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
    )


class PoolListForm(AsOfForm):
    """Filters of the pool list: date (blank: today), status and unit, all optional."""

    status = forms.CharField(label="状态", required=False)
    unit = forms.IntegerField(label="单位", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_status(self):
        value = self.cleaned_data["status"]
        if value and value not in PoolStatus.values:
            raise ValidationError(STATUS_UNKNOWN.format(value=value))
        return value

    def clean_unit(self):
        pk = self.cleaned_data["unit"]
        if pk is None:
            return None
        unit = Unit.objects.visible_to(self.user).filter(pk=pk).first()
        if unit is None:
            raise ValidationError(UNIT_UNKNOWN)
        return unit


class PoolEntryForm(forms.Form):
    entered_on = date_field("入库时间")
    recommended_by = forms.ChoiceField(label="推荐方", choices=Recommender.choices)
    reason = reason_field("入库理由")


class PoolStatusForm(forms.Form):
    status = forms.ChoiceField(label="变更为", choices=PoolStatus.choices)
    changed_on = date_field("变更日期")
    reason = reason_field("理由")

    def __init__(self, *args, current, **kwargs):
        """Offer only the moves allowed from `current`; any other status posted reaches the service,
        which refuses it with a message that names the allowed moves (cadres/pool/services.py MOVE_REFUSED)."""
        super().__init__(*args, **kwargs)
        self.fields["status"].widget.choices = [(status.value, status.label) for status in current.next_statuses()]


class PoolExitForm(forms.Form):
    left_on = date_field("出库时间")
    reason = reason_field("出库原因")
