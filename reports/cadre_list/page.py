"""What the roster page (/cadres/) shows around its table: the compact filter bar and 更多筛选, the
active filters as removable chips, the page size, and the title of the print view in words."""

from dataclasses import dataclass

from django.http import QueryDict

from cadres.dates import day_in_words
from cadres.models import Channel

from ..params import ChannelLookup

# The filters of the compact bar; the others are behind 更多筛选.
BAR_FIELDS = ("q", "as_of", "unit", "group", "age_min", "age_max", "status")
HIDDEN_FIELDS = ("id", "batch")
PAGE_SIZES = (20, 50, 100)
DEFAULT_PAGE_SIZE = 50
# Parameters of the page itself, not filters.
PAGE_PARAMS = ("page", "sort", "columns", "per_page")


@dataclass(frozen=True)
class Chip:
    label: str
    remove_url: str


def page_size(request):
    """Return the rows per page the user chose (per_page=20/50/100), else the default."""
    value = request.GET.get("per_page", "")
    return int(value) if value.isdigit() and int(value) in PAGE_SIZES else DEFAULT_PAGE_SIZE


def share_channel_query(filterset):
    """Read the channels once for the channel checkboxes, the group choices and the intake picker.

    Each would otherwise read them on its own while the page renders (a query each).
    """
    rows = list(
        Channel.objects.order_by("group__sort_order", "group__pk", "sort_order", "pk").values_list(
            "code", "name", "group__name"
        )
    )
    form = filterset.form
    form.fields["channel"].widget.choices = [(code, name) for code, name, _ in rows]
    groups = list(dict.fromkeys(group for _, _, group in rows))
    form.fields["group"].widget.choices = [("", form.fields["group"].empty_label), *((g, g) for g in groups)]
    form.fields["exclude"].widget.lookup = ChannelLookup(rows)


# The unit pickers of the page: the unit with its subunits, the unit alone, and all but some units.
UNIT_FIELDS = ("unit", "own_unit", "not_own_unit")


def share_unit_query(filterset):
    """Read the user's units once for the three unit pickers.

    Each picker would otherwise read them on its own while the page renders (a query each). Only
    what is shown is shared: a chosen unit is still checked against the field's own queryset.
    """
    fields = [filterset.form.fields[name] for name in UNIT_FIELDS]
    units = [(unit.pk, fields[0].label_from_instance(unit)) for unit in fields[0].queryset]
    for field in fields:
        empty = [] if field.empty_label is None else [("", field.empty_label)]
        field.widget.choices = [*empty, *units]


def more_open(filterset):
    """Return whether a filter behind 更多筛选 is in use, so the section opens."""
    data = filterset.form.data
    return any(data.get(name) for name in filterset.form.fields if name not in BAR_FIELDS + HIDDEN_FIELDS)


def chips(filterset, path):
    """Return a Chip for each filter in use, with the address of the list without it."""
    form, data = filterset.form, filterset.form.data
    if not form.is_valid():
        return []
    out = []
    for name, field in form.fields.items():
        values = [value for value in data.getlist(name) if value] if hasattr(data, "getlist") else []
        if not values or name == "id":
            continue
        shown = chip_text(name, field, form.cleaned_data.get(name), values, form)
        rest = QueryDict(mutable=True)
        for key, items in data.lists():
            if key != name and key != "page":
                rest.setlist(key, items)
        out.append(Chip(f"{field.label}：{shown}", f"{path}?{rest.urlencode()}" if rest else path))
    if data.getlist("id") if hasattr(data, "getlist") else False:
        rest = QueryDict(mutable=True)
        for key, items in data.lists():
            if key not in ("id", "page"):
                rest.setlist(key, items)
        count = len(data.getlist("id"))
        out.append(Chip(f"所选人员：{count}人", f"{path}?{rest.urlencode()}" if rest else path))
    return out


def chip_text(name, field, cleaned, raw, form):
    """Return the value of a filter in words: labels of choices, names of units and channels, dates in full."""
    if name == "as_of":
        return f"{cleaned:%Y年%-m月%-d日}"
    if name == "exclude":
        lookup = form.fields["exclude"].widget.lookup
        return "不含" + lookup.in_words(cleaned) if lookup is not None else "、".join(raw)
    if name == "channel":
        names = dict(form.fields["channel"].widget.choices)
        return "、".join(names.get(value, value) for value in raw)
    if name == "unit":
        return str(cleaned)
    if name == "batch":
        return cleaned.in_words()
    if name == "group":
        return raw[0]
    choices = dict(getattr(field, "choices", []) or [])
    if choices:
        return "、".join(str(choices.get(value, value)) for value in raw)
    return "、".join(raw)


def title_in_words(filterset, chips_list):
    """Return the print view's title: 干部名册（2021年7月31日）and the filters in words."""
    day = filterset.as_of_date
    title = f"干部名册（{day_in_words(day)}）"
    words = [chip.label for chip in chips_list if not chip.label.startswith(filterset.form.fields["as_of"].label)]
    return title, "；".join(words)
