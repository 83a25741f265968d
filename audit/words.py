"""An audit event's parameters and results in words, for the audit page.

The stored data keeps its codes and ids (the admin shows them as stored); a person reads sentences:
"12列（姓名、性别……），53人；筛选：单位 团山街道办事处". Keys whose value needs another app's names (a
query string, a channel code, the statistics' parameters) are described by that app, which registers a
function with `describes_key` when it is ready, so this app needs to know none of the apps above it.
Record ids the summary already names (cadre, membership, leave …) are left out.
"""

import datetime

_key_describers = {}


def describes_key(key):
    """Register fn(value, cache) -> words (or "" to say nothing) for the data key `key` (a decorator).

    `cache` is a dict shared by the events of one page: a describer keeps its lookups there (names of units
    and channels) so that a page of events reads them once.
    """

    def decorator(function):
        _key_describers[key] = function
        return function

    return decorator


def date_in_words(value):
    """Return an ISO date ("2021-07-31") as 2021年7月31日; other text unchanged."""
    try:
        day = datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    return f"{day.year}年{day.month}月{day.day}日"


def size_in_words(size):
    """Return a number of bytes as 850字节, 12.3 KB, 4.1 MB."""
    if size < 1024:
        return f"{size}字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _count(template):
    return lambda value: template.format(len(value) if isinstance(value, list | tuple) else value)


def _date(template):
    return lambda value: template.format(date_in_words(value))


def _names(template):
    return lambda value: template.format("、".join(str(item) for item in value)) if value else ""


# The keys every app writes, in words, in the order they are said; a key missing here and not registered is
# left out (never shown raw).
KEY_WORDS = {
    "columns": _count("{}列"),
    "rows": _count("{}人"),
    "count": _count("共{}人"),
    "cadres": _count("{}人"),
    "page": "第{}页".format,
    "months": "{}个月".format,
    "from": "原为“{}”".format,
    "to": "改为“{}”".format,
    "as_of": _date("截至{}"),
    "entered_on": _date("入库日期{}"),
    "changed_on": _date("变更日期{}"),
    "left_on": _date("出库日期{}"),
    "start": _date("自{}起"),
    "end": _date("至{}"),
    "planned_end": _date("计划至{}"),
    "returned_on": _date("{}销假"),
    "published_on": _date("{}发布"),
    "report": "归档编号{}".format,
    "replaces": "取代归档编号{}".format,
    "file": "文件“{}”".format,
    "filename": "文件“{}”".format,
    "sheet": "工作表“{}”".format,
    "size": size_in_words,
    "created": "新增{}人".format,
    "updated": "更新{}人".format,
    "unchanged": "未变{}人".format,
    "units_created": "新建单位{}个".format,
    "outcome": "{}".format,
    "changed": _names("改动：{}"),
    "ids": _count("{}个身份证号"),
    "username": "账号 {}".format,
    "role": "角色：{}".format,
    "units": _names("单位：{}"),
    "unit": "单位：{}".format,
    "head_covers": _count("科长代管{}个科室"),
    "warnings": _names("提示：{}"),
    "sha256": lambda value: f"SHA-256 {value[:12]}…",
}

# Long parts (the filters, the parameters) come after the figures, separated by "；".
LAST = ("params", "query", "sha256")
KEY_ORDER = {key: number for number, key in enumerate(KEY_WORDS)}


def _said_order(item):
    """Keys an app registers (what the event is about: the job, the import) first, then KEY_WORDS' order.

    The data's own order cannot be used: PostgreSQL's jsonb keeps none (it sorts keys by length).
    """
    key = item[0]
    return (key in KEY_ORDER, KEY_ORDER.get(key, 0), key)


def describe(data, cache=None):
    """Return an event's data in words ("" when there is nothing to say)."""
    if not data:
        return ""
    cache = {} if cache is None else cache
    short, long = [], []
    for key, value in sorted(data.items(), key=_said_order):
        if value is None or (value in ("", []) and key not in _key_describers):
            continue
        if key in _key_describers:
            words = _key_describers[key](value, cache)
        elif key in KEY_WORDS:
            words = KEY_WORDS[key](value)
        else:
            continue
        if words:
            (long if key in LAST else short).append(words)
    return "；".join(filter(None, ["，".join(short), *long]))
