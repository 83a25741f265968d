"""The parameters of the young-cadre statistics, in one place: what they are (StatsParams), how a query
string is parsed into them (StatsParamsForm, which the cadre list's filter form extends) and how they are
written back (to_query for links, as_dict for JSON and the audit trail). The monthly archive keeps them as
fields (MonthlyReport.params) and the command reads them with StatsParams.from_query.
"""

import datetime
import re
from dataclasses import dataclass
from itertools import zip_longest

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from cadres.forms import DATE_INVALID, UNIT_UNKNOWN, AsOfForm
from cadres.models import Channel, Unit

from .widgets import LongSelect

DEFAULT_MAX_AGE = 35
DEFAULT_RECENT_YEARS = 3
DISTRICT_SCOPE = "全区"
OWN_UNITS_SCOPE = "所负责单位"
# A clerk's scope names at most this many units, then says how many in all.
SCOPE_UNITS_NAMED = 3

INTAKE_FORMAT = "“{value}”格式不正确，应为“年份:进入方式”，如 2021:公务员"
INTAKE_YEAR = "年份{year}不在1949至2100之间"
INTAKE_UNKNOWN_CHANNEL = "未知的进入方式：“{code}”（可填：{names}）"
MAX_AGE_RANGE = "年龄上限应为0至100之间的整数"
RECENT_YEARS_RANGE = "近几年应为1至50之间的整数"
PARAMS_INVALID = "参数有误"

INTAKE_PATTERN = re.compile(r"^\s*(\d{4})\s*[:：]\s*(\S+?)\s*$")


class ChannelLookup(dict):
    """{code, channel name or group name: (codes, …)}, with the names in the order people read them.

    A channel's code or name stands for that channel; a group's name (公务员, 其他方式: the names of the
    statistics table and the narrative) for every channel of the group. A channel's own name wins
    over a group of the same name.
    """

    def __init__(self, rows):
        super().__init__()
        self.names, self.group_names = [], set()
        self.groups = {}  # {group name: [(code, channel name), …]}
        self.channel_names = {}
        for code, name, group in rows:
            self[code] = self[name] = (code,)
            self.channel_names[code] = name
            self.names.append(name)
            self.groups.setdefault(group, []).append((code, name))
        for group, channels in self.groups.items():
            self.group_names.add(group)
            if group not in self:
                self[group] = tuple(code for code, _ in channels)
                self.names.append(group)

    def in_words(self, pairs):
        """Return (year, code) pairs as words, "2021年公务员招录、事业单位招聘", years in order; "" for none."""
        by_year = {}
        for year, code in sorted(pairs):
            by_year.setdefault(year, []).append(self.channel_names.get(code, code))
        return "，".join(f"{year}年{'、'.join(names)}" for year, names in by_year.items())

    def grouped(self):
        """Return [(group, [(value, label), …]), …] for the picker: a group of several channels first as a whole."""
        out = []
        for group, channels in self.groups.items():
            whole = [(group, f"{group}（全部{len(channels)}种）")] if len(channels) > 1 else []
            out.append((group, whole + list(channels)))
        return out


def units_in_words(names):
    """Return unit names as the wording's scope: "甲、乙", "甲、乙、丙等5个单位"; OWN_UNITS_SCOPE for none."""
    names = list(names)
    if not names:
        return OWN_UNITS_SCOPE
    if len(names) > SCOPE_UNITS_NAMED:
        return f"{'、'.join(names[:SCOPE_UNITS_NAMED])}等{len(names)}个单位"
    return "、".join(names)


def channel_lookup():
    """Return the ChannelLookup of every channel, in one query: users may write a code, a channel or a group."""
    rows = Channel.objects.order_by("group__sort_order", "group__pk", "sort_order", "pk")
    return ChannelLookup(rows.values_list("code", "name", "group__name"))


def parse_intakes(values, channels):
    """Return sorted unique (year, code) pairs from "2021:公务员" or "2021:gongwuyuan" strings.

    Each string may hold several pairs separated by commas; a channel may be given by code, by
    name, or by its group's name (every channel of the group). `channels` is a ChannelLookup (or
    a plain {code or name: code}). Raise ValidationError listing every bad item.
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
                known = "、".join(getattr(channels, "names", None) or sorted(set(channels.values())))
                errors.append(INTAKE_UNKNOWN_CHANNEL.format(code=code, names=known))
            else:
                found = channels[code]
                pairs.update((year, one) for one in ((found,) if isinstance(found, str) else found))
    if errors:
        raise ValidationError(errors)
    return tuple(sorted(pairs))


class IntakeListField(forms.Field):
    """Repeatable `exclude=YEAR:CHANNEL` parameter, chosen in a picker of a row per exclusion (IntakePicker)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", IntakePicker)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = [value]
        if not value:
            return ()
        lookup = channel_lookup()
        self.widget.lookup = lookup  # the picker renders from the same query
        return parse_intakes(value, lookup)


class IntakePicker(forms.Widget):
    """A row per excluded intake: the year and the channel (or a whole group) chosen by name, add/remove.

    The rows submit as `exclude_year` and `exclude_channel`; static/js/site.js folds them into
    `exclude=2021:gongwuyuan` before a GET, so bookmarks and links read as before. Both are read here,
    as are typed values ("2021:公务员", a group's name, several separated by commas).
    """

    template_name = "reports/widgets/intake_picker.html"
    lookup = None

    def value_from_datadict(self, data, files, name):
        getlist = getattr(data, "getlist", None)
        if getlist is None:
            value = data.get(name)
            return [value] if isinstance(value, str) else list(value or [])
        values = list(getlist(name))
        for year, channel in zip_longest(getlist(f"{name}_year"), getlist(f"{name}_channel"), fillvalue=""):
            if year.strip() or channel.strip():
                values.append(f"{year.strip()}:{channel.strip()}")
        return values

    def value_omitted_from_data(self, data, files, name):
        return not any(key in data for key in (name, f"{name}_year", f"{name}_channel"))

    def format_value(self, value):
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        lookup = self.lookup if self.lookup is not None else channel_lookup()
        context["widget"]["groups"] = lookup.grouped()
        context["widget"]["rows"] = intake_rows(value, lookup)
        return context


def intake_rows(value, lookup):
    """Return the picker's rows ({year, choice, text}) of a cleaned or submitted value."""
    rows = []
    for item in value or ():
        if isinstance(item, list | tuple):
            rows.append({"year": item[0], "choice": item[1], "text": ""})
            continue
        for part in re.split(r"[,，;；\s]+", item or ""):
            match = INTAKE_PATTERN.match(part) if part else None
            if not part:
                continue
            if not match or match.group(2) not in lookup:
                rows.append({"year": match.group(1) if match else "", "choice": "", "text": part})
                continue
            year, key = match.groups()
            codes = lookup[key]
            if key in lookup.group_names and len(codes) > 1:
                rows.append({"year": year, "choice": key, "text": ""})
            else:
                rows.extend({"year": year, "choice": code, "text": ""} for code in codes)
    return rows


@dataclass(frozen=True)
class StatsParams:
    """What a figure depends on: the reference date, the age limit, the window, exclusions, a unit."""

    as_of: datetime.date
    max_age: int = DEFAULT_MAX_AGE
    recent_years: int = DEFAULT_RECENT_YEARS
    excluded: tuple = ()  # ((year, channel code), …), sorted
    unit: Unit | None = None
    # What the figures cover when no unit is chosen: the district, or a clerk's own units.
    scope: str = DISTRICT_SCOPE

    @property
    def scope_name(self):
        """Return the name the wording uses for what is counted: the unit's, else the scope's."""
        return self.unit.name if self.unit else self.scope

    @classmethod
    def from_query(cls, query, *, units=None, scope=DISTRICT_SCOPE, today=None):
        """Return the StatsParams of a query (a QueryDict, or a dict whose `exclude` may be a list).

        Parsed by StatsParamsForm, as the pages parse theirs; absent parameters take the defaults.
        ValidationError carries every problem, each message as the form words it.
        """
        form = StatsParamsForm(query, units=units, scope=scope, today=today)
        if not form.is_valid():
            raise ValidationError([message for messages in form.errors.values() for message in messages])
        return form.params()

    def to_query(self):
        """Return the parameters as query pairs, read back by from_query (and the cadre list's filters).

        The unit comes last: the drill-down links of many units share the part before it (drilldown.py).
        """
        pairs = [("as_of", self.as_of.isoformat()), ("max_age", self.max_age), ("recent_years", self.recent_years)]
        pairs += [("exclude", f"{year}:{code}") for year, code in self.excluded]
        if self.unit is not None:
            pairs.append(("unit", self.unit.pk))
        return pairs

    def as_dict(self):
        """Return the parameters as plain data (for JSON and the audit trail)."""
        return {
            "as_of": self.as_of.isoformat(),
            "max_age": self.max_age,
            "recent_years": self.recent_years,
            "excluded": [{"year": year, "channel": code} for year, code in self.excluded],
            "unit": {"id": self.unit.pk, "name": self.unit.name} if self.unit else None,
        }


class StatsParamsForm(AsOfForm):
    """The parameters of the young-cadre statistics, from a query string (the as-of form, with the rest).

    The cadre list's filter form extends it (reports/cadre_list/filters.py), so both read the parameters
    with the same fields and messages.
    """

    max_age = forms.IntegerField(
        label="年龄上限（周岁，含）",
        required=False,
        min_value=0,
        max_value=100,
        error_messages={n: MAX_AGE_RANGE for n in ("invalid", "min_value", "max_value", "required")},
    )
    recent_years = forms.IntegerField(
        label="近几年招录",
        required=False,
        min_value=1,
        max_value=50,
        error_messages={n: RECENT_YEARS_RANGE for n in ("invalid", "min_value", "max_value", "required")},
    )
    exclude = IntakeListField(
        label="不计入的招录批次",
        help_text="按年份和进入方式选择，每行一个批次；整个统计分组（如“其他方式”）也可选",
    )
    unit = forms.ModelChoiceField(
        label="单位（含下级单位）",
        queryset=Unit.objects.none(),
        required=False,
        empty_label="全区",
        error_messages={"invalid_choice": UNIT_UNKNOWN, "invalid_pk_value": UNIT_UNKNOWN},
        widget=LongSelect,
    )

    AS_OF_LABEL = "统计截止日期"
    # The parameters that take the article's default when absent or blank (all required then).
    DEFAULTED = ("as_of", "max_age", "recent_years")

    def __init__(self, data=None, *, units=None, scope=DISTRICT_SCOPE, today=None, **kwargs):
        """Bind to `data` (a QueryDict), filling the article's defaults for absent parameters.

        `units` are the units the user may choose and `scope` what "no unit" covers for them
        (全区, or a clerk's own units); `today` is the default as_of.
        """
        self.today = today or timezone.localdate()
        defaults = {
            "as_of": self.today.isoformat(),
            "max_age": str(DEFAULT_MAX_AGE),
            "recent_years": str(DEFAULT_RECENT_YEARS),
        }
        merged = data.copy() if data is not None else None
        if merged is not None:
            for key in self.DEFAULTED:
                if not merged.get(key):
                    merged[key] = defaults[key]
        super().__init__(merged, **kwargs)
        for name in self.DEFAULTED:
            self.fields[name].required = True
        self.fields["as_of"].label = self.AS_OF_LABEL
        self.fields["as_of"].error_messages["required"] = DATE_INVALID
        self.fields["unit"].queryset = units if units is not None else Unit.objects.all()
        self.fields["unit"].empty_label = scope
        self.scope = scope

    def params(self):
        """Return the StatsParams of a valid form (a blank date or window, where allowed, is the default)."""
        data = self.cleaned_data
        return StatsParams(
            as_of=data.get("as_of") or self.today,
            max_age=data["max_age"],
            recent_years=data.get("recent_years") or DEFAULT_RECENT_YEARS,
            excluded=data.get("exclude") or (),
            unit=data.get("unit"),
            scope=self.scope,
        )

    def error_messages_list(self):
        """Return every error as "label：message", for plain-text and JSON answers."""
        out = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else ""
            out.extend(f"{label}：{error}" if label else error for error in errors)
        return out
