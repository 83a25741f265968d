"""The staffing pages' forms: they parse and check what a person typed; the services do the rest."""

import datetime

from django import forms

from cadres.forms import DATE_INVALID, AsOfForm, DateField
from cadres.models import SecondmentKind

from .choices import LeaveKind
from .conf import setting
from .periods import add_months

END_BEFORE_START = "结束日期不能早于开始日期"
RANGE_TOO_LONG = "日期范围不能超过{days}天，请分段查看"
COVER_DAYS = 30  # the calendar's default range: from today, across the next month end
ROTATION_KINDS = [(SecondmentKind.GENBAN, SecondmentKind.GENBAN.label), (SecondmentKind.CHOUDIAO, "抽调")]


def date_field(label, *, required=True, **kwargs):
    return DateField(
        label=label,
        required=required,
        error_messages={"invalid": DATE_INVALID, "required": f"请填写{label}"},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        **kwargs,
    )


def text_field(label, *, required=False, max_length=200, textarea=False, **kwargs):
    widget = forms.Textarea(attrs={"rows": 2}) if textarea else forms.TextInput
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=widget,
        error_messages={"required": f"请填写{label}"},
        **kwargs,
    )


class BoardForm(AsOfForm):
    """The day the board shows (blank: today)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["as_of"].label = "日期"


class CoverForm(forms.Form):
    """A date or a range of dates, both included (blank: from today for a month)."""

    start = date_field("开始日期", required=False)
    end = date_field("结束日期", required=False)

    def range(self, today):
        """Return (start, end) chosen, or from `today` over the default range; call after is_valid()."""
        start = self.cleaned_data.get("start") or today
        end = self.cleaned_data.get("end") or start + datetime.timedelta(days=COVER_DAYS)
        return start, end

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", END_BEFORE_START)
            elif (end - start).days + 1 > setting("STAFFING_COVER_MAX_DAYS"):
                self.add_error("end", RANGE_TOO_LONG.format(days=setting("STAFFING_COVER_MAX_DAYS")))
        return cleaned


class LeaveForm(forms.Form):
    cadre = forms.ModelChoiceField(
        label="请假人", queryset=None, empty_label="请选择", error_messages={"required": "请选择请假人"}
    )
    kind = forms.ChoiceField(label="类别", choices=LeaveKind.choices, error_messages={"required": "请选择类别"})
    start_date = date_field("开始日期")
    end_date = date_field("结束日期", help_text="不在岗的最后一天")
    reason = text_field("事由")
    handover = text_field("交接事项", max_length=2000, textarea=True, help_text="离岗前向B角交代的工作")
    handover_on = date_field("交接日期", required=False)

    def __init__(self, *args, people, **kwargs):
        """`people`: the cadres who may be chosen (SectionQuerySet.people_on)."""
        super().__init__(*args, **kwargs)
        self.fields["cadre"].queryset = people.select_related("unit").order_by("name", "pk")
        self.fields["cadre"].label_from_instance = lambda cadre: f"{cadre.name}（{cadre.unit}）"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", END_BEFORE_START)
        return cleaned


class ApproveForm(forms.Form):
    head_cover_sections = forms.ModelMultipleChoiceField(
        label="由负责人代岗的科室", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, conflicts, **kwargs):
        """`conflicts`: the sections where A and B would be away together (approval.approval_conflicts)."""
        super().__init__(*args, **kwargs)
        field = self.fields["head_cover_sections"]
        field.queryset = conflicts
        field.label_from_instance = lambda section: f"{section}：由负责人{section.head or '（未设）'}代岗"


class ReturnForm(forms.Form):
    returned_on = date_field("返岗日期", help_text="回到岗位的第一天")
    handback = text_field("交回事项", max_length=2000, textarea=True, help_text="B角交回的工作及办理情况")


class PairingForm(forms.Form):
    a = forms.ModelChoiceField(
        label="A角（主办）", queryset=None, empty_label="请选择", error_messages={"required": "请选择A角"}
    )
    b = forms.ModelChoiceField(label="B角（备岗）", queryset=None, required=False, empty_label="未设B角")
    start_date = date_field("开始日期")
    approved_by = text_field("批准人", required=True, max_length=50, help_text="如：部务会、常务副部长")
    approved_on = date_field("批准日期")
    reason = text_field("配备或调整原因")
    cross_section_approval = text_field(
        "跨科室担任B角的批准情况", help_text="B角一般为本科室人员；由其他科室人员担任时须经批准，在此记明"
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("a", "b"):
            self.fields[name].queryset = people.select_related("unit").order_by("name", "pk")
            self.fields[name].label_from_instance = lambda cadre: f"{cadre.name}（{cadre.unit}）"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("a") and cleaned.get("a") == cleaned.get("b"):
            self.add_error("b", "A角和B角不能是同一人")
        return cleaned


class ReviewForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="单位", queryset=None, empty_label="请选择", error_messages={"required": "请选择单位"}
    )
    published_on = date_field("复核发布日期")
    approved_by = text_field("批准人", required=True, max_length=50, help_text="如：部务会")
    notes = text_field("说明", max_length=2000, textarea=True)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class RotationForm(forms.Form):
    """The period and number of places of a rotation."""

    start = date_field("抽调开始日期")
    months = forms.IntegerField(
        label="时长（月）",
        min_value=1,
        max_value=12,
        initial=6,
        error_messages={
            "required": "请填写时长",
            "invalid": "时长须为1至12之间的整数",
            "min_value": "时长须为1至12之间的整数",
            "max_value": "时长须为1至12之间的整数",
        },
        help_text="一般3至6个月",
    )
    places = forms.IntegerField(
        label="名额",
        min_value=1,
        max_value=20,
        initial=2,
        error_messages={
            "required": "请填写名额",
            "invalid": "名额须为1至20之间的整数",
            "min_value": "名额须为1至20之间的整数",
            "max_value": "名额须为1至20之间的整数",
        },
    )
    kind = forms.ChoiceField(label="方式", choices=ROTATION_KINDS, initial=SecondmentKind.GENBAN, required=False)

    def clean_kind(self):
        return self.cleaned_data["kind"] or SecondmentKind.GENBAN

    def period(self):
        """Return (first day, planned last day) of the rotation; call after is_valid()."""
        start = self.cleaned_data["start"]
        return start, add_months(start, self.cleaned_data["months"]) - datetime.timedelta(days=1)


class PicksForm(forms.Form):
    """Which candidates to second, each into which section: a tick and a section per candidate."""

    def __init__(self, *args, candidates, sections, places=0, **kwargs):
        """`candidates` in rank order; the first `places` are ticked to begin with."""
        super().__init__(*args, **kwargs)
        self.candidates = candidates
        for index, candidate in enumerate(candidates):
            pk = candidate.cadre.pk
            self.fields[f"pick_{pk}"] = forms.BooleanField(
                label=candidate.cadre.name, required=False, initial=index < places
            )
            self.fields[f"section_{pk}"] = forms.ModelChoiceField(
                label="接收科室",
                queryset=sections,
                required=False,
                initial=candidate.section.pk if candidate.section else None,
                empty_label=None,
            )

    def picks(self):
        """Return [(cadre id, section id)] of the ticked candidates; call after is_valid()."""
        chosen = []
        for candidate in self.candidates:
            pk = candidate.cadre.pk
            if self.cleaned_data.get(f"pick_{pk}"):
                section = self.cleaned_data.get(f"section_{pk}")
                if section is None:
                    self.add_error(f"section_{pk}", "请选择接收科室")
                    continue
                chosen.append((pk, section.pk))
        return chosen

    def rows(self):
        """Return (candidate, tick field, section field) for the template."""
        return [(c, self[f"pick_{c.cadre.pk}"], self[f"section_{c.cadre.pk}"]) for c in self.candidates]
