"""The reports' keys of audit data in words: the statistics' parameters, a roster query and its columns.

Registered with audit.words when the app is ready; each lookup is read once per page of events (`cache`).
"""

from urllib.parse import parse_qsl

from django.core.exceptions import ValidationError

from audit.words import date_in_words, describes_key
from cadres.audit_actions import batch_name
from cadres.models import Unit

from .cadre_list.export import ExportColumnsForm
from .cadre_list.filters import CadreListFilter
from .cadre_list.page import PAGE_PARAMS
from .params import channel_lookup, parse_intakes

# The statistics' own parameters of the roster query, under the words the roster page uses for them.
QUERY_LABELS = {
    "as_of": "日期",
    "unit": "单位（含下级单位）",
}
UNIT_KEYS = ("unit", "own_unit", "not_own_unit")


def _channels(cache):
    if "reports.channels" not in cache:
        cache["reports.channels"] = channel_lookup()
    return cache["reports.channels"]


def _units(cache):
    if "reports.units" not in cache:
        cache["reports.units"] = {str(pk): name for pk, name in Unit.objects.values_list("pk", "name")}
    return cache["reports.units"]


def excluded_in_words(pairs, cache):
    """Return excluded intakes ((year, code) pairs) as 不含2021年公务员招录、事业单位招聘."""
    return "不含" + _channels(cache).in_words(pairs) if pairs else ""


@describes_key("params")
def params_in_words(params, cache):
    """Return the statistics' parameters (StatsParams.as_dict, or the trend's) as words."""
    parts = []
    if params.get("as_of"):
        parts.append(f"截至{date_in_words(params['as_of'])}")
    if params.get("start") and params.get("end"):
        start, end = (value.split("-") for value in (params["start"], params["end"]))
        parts.append(f"{start[0]}年{int(start[1])}月至{end[0]}年{int(end[1])}月")
    if params.get("max_age") is not None:
        parts.append(f"{params['max_age']}周岁以下")
    if params.get("recent_years"):
        parts.append(f"近{params['recent_years']}年招录")
    excluded = [(item["year"], item["channel"]) for item in params.get("excluded") or ()]
    parts.append(excluded_in_words(excluded, cache))
    unit = params.get("unit")
    if unit:
        parts.append(f"单位：{unit['name'] if isinstance(unit, dict) else _units(cache).get(str(unit), unit)}")
    return "口径：" + "，".join(filter(None, parts))


def _value_in_words(key, values, cache):
    if key == "as_of" or key.endswith(("_from", "_to")):
        return "、".join(date_in_words(value) for value in values)
    if key in UNIT_KEYS:
        names = _units(cache)
        return "、".join(names.get(value, value) for value in values)
    if key == "channel":
        names = _channels(cache).channel_names
        return "、".join(names.get(value, value) for value in values)
    if key == "id":
        return f"{len(values)}人"
    if key == "batch":
        return "、".join(batch_name(value, cache) for value in values)
    choices = CadreListFilter.base_filters[key].extra.get("choices") if key in CadreListFilter.base_filters else None
    if choices:
        labels = {str(code): str(label) for code, label in choices}
        return "、".join(labels.get(value, value) for value in values)
    return "、".join(values)


@describes_key("query")
def query_in_words(query, cache):
    """Return a roster query string (/cadres/?…) as its filters in words; the page's own parameters left out."""
    grouped = {}
    for key, value in parse_qsl(query):
        if value and key not in PAGE_PARAMS:
            grouped.setdefault(key, []).append(value)
    parts = []
    for key, values in grouped.items():
        if key == "exclude":
            try:
                parts.append(excluded_in_words(parse_intakes(values, _channels(cache)), cache))
            except ValidationError:
                parts.append(f"不含{'、'.join(values)}")
            continue
        if key == "max_age":
            parts.append(f"{values[0]}周岁以下")
            continue
        if key == "recent_years":
            parts.append(f"近{values[0]}年招录口径")
            continue
        label = QUERY_LABELS.get(key) or getattr(CadreListFilter.base_filters.get(key), "label", None)
        if label:
            words = _value_in_words(key, values, cache)
            # A choice that already says what it filters (缺乏基层经验, 近年招录) needs no label before it.
            parts.append(words if label in words else f"{label} {words}")
    return "筛选：" + "，".join(parts) if parts else "筛选：无（全部）"


@describes_key("columns")
def columns_in_words(keys, cache):
    """Return the exported columns as 12列（姓名、性别……）."""
    labels = dict(ExportColumnsForm.base_fields["columns"].choices)
    return f"{len(keys)}列（{'、'.join(labels.get(key, key) for key in keys)}）"
