"""The experience flags of the article's complaint (DESIGN.md): 基层经验 and 机关阅历, as of a date.

Never stored: both are computed from the dated work records (WorkRecord) and secondments
(Secondment) on the date asked, so a past date gives the answer that held then.

- 基层经验: at least `GRASSROOTS_MONTHS` months (a setting, default 24) served in units of a
  grassroots kind (UnitKind.grassroots(): 乡镇, 街道, 村, 社区). A record counts by its district
  unit's kind, or by the kind written for a unit outside the district. Periods are counted up to
  `as_of` (an open-ended record runs to it), and overlapping periods — a 挂职 inside a post, two
  records of the same years — count once.
- 机关阅历: has served in a 党政机关 unit (any record that started on or before `as_of`).

A period is measured in calendar months from its first day: 2019-08-01 to 2021-07-31 (the last
day served) is exactly 24 months, 2019-08-02 to 2021-07-31 is one day short. The spare days of
separate periods are pooled, each full 31 days making a month, so pooling can never lengthen a
single period beyond its calendar months.

The module imports no model: it reaches the records through the cadre queryset it is given, so
the CadreQuerySet methods can use it and every page, export and statistic counts alike.
"""

import calendar
import datetime
import json

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from .choices import UnitKind

DEFAULT_GRASSROOTS_MONTHS = 24
DAYS_PER_POOLED_MONTH = 31


def grassroots_months_required():
    """Return the months of grassroots service that make 基层经验 (setting GRASSROOTS_MONTHS)."""
    return getattr(settings, "GRASSROOTS_MONTHS", DEFAULT_GRASSROOTS_MONTHS)


def _kind_q(unit_field, kind_field, kinds):
    """Return "the record's unit is of one of `kinds`": the district unit's kind, else the written one."""
    return Q(**{f"{unit_field}__kind__in": kinds}) | Q(**{f"{unit_field}__isnull": True, f"{kind_field}__in": kinds})


def _records(cadres):
    """Return the work-record and secondment models, reached through the cadre model."""
    meta = cadres.model._meta
    return meta.get_field("work_records").related_model, meta.get_field("secondments").related_model


def served_in_q(cadres, kinds, as_of):
    """Return a condition on cadres: has a work record or secondment in a unit of `kinds` begun by `as_of`."""
    work, secondment = _records(cadres)
    in_work = work.objects.filter(_kind_q("unit", "unit_kind", kinds), start_date__lte=as_of).values("cadre")
    seconded = secondment.objects.filter(_kind_q("to_unit", "to_unit_kind", kinds), start_date__lte=as_of).values(
        "cadre"
    )
    return Q(pk__in=in_work) | Q(pk__in=seconded)


def organ_experience_q(cadres, as_of):
    """Return the condition "has 机关阅历 on `as_of`" for filters and aggregates over `cadres`."""
    return served_in_q(cadres, [UnitKind.PARTY_GOVERNMENT], as_of)


def grassroots_periods(cadres, as_of):
    """Return {cadre id: [(start, end), …]} of grassroots service of `cadres` begun by `as_of`, in one query.

    `end` is the last day served, cut at `as_of`; an open-ended record runs to `as_of`.
    """
    work, secondment = _records(cadres)
    kinds = UnitKind.grassroots()
    ids = cadres.order_by().values("pk")
    posts = work.objects.filter(_kind_q("unit", "unit_kind", kinds), cadre__in=ids, start_date__lte=as_of)
    stays = secondment.objects.filter(_kind_q("to_unit", "to_unit_kind", kinds), cadre__in=ids, start_date__lte=as_of)
    fields = ("cadre", "start_date", "end_date")
    periods = {}
    for cadre, start, end in (
        posts.order_by().values_list(*fields).union(stays.order_by().values_list(*fields), all=True)
    ):
        periods.setdefault(cadre, []).append((start, min(end, as_of) if end else as_of))
    return periods


def merge_periods(periods):
    """Return the periods (start, last day) joined where they overlap or touch, sorted."""
    merged = []
    for start, end in sorted(periods):
        if merged and start <= merged[-1][1] + datetime.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _whole_months(start, after_end):
    """Return (whole calendar months, spare days) from `start` up to the day before `after_end`."""
    months = (after_end.year - start.year) * 12 + after_end.month - start.month
    if _add_months(start, months) > after_end:
        months -= 1
    return months, (after_end - _add_months(start, months)).days


def _add_months(day, months):
    """Return `day` moved by `months`; a day the month lacks becomes the next month's 1st (as 29 February
    does in dates.shift_years)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if day.day > last:
        return datetime.date(year, month + 1, last) + datetime.timedelta(days=1)
    return datetime.date(year, month + 1, day.day)


def months_served(periods):
    """Return the whole months served in `periods` (start, last day), overlaps counted once."""
    months = spare = 0
    for start, end in merge_periods(periods):
        whole, days = _whole_months(start, end + datetime.timedelta(days=1))
        months += whole
        spare += days
    return months + spare // DAYS_PER_POOLED_MONTH


def grassroots_ids(cadres, as_of, months=None):
    """Return the ids of `cadres` who have 基层经验 on `as_of` (`months` defaults to the setting)."""
    months = grassroots_months_required() if months is None else months
    return sorted(pk for pk, periods in grassroots_periods(cadres, as_of).items() if months_served(periods) >= months)


def ids_subquery(ids):
    """Return a subquery yielding `ids`, sent as one JSON parameter.

    An IN list takes one SQL variable per id: at provincial scale that passes SQLite's variable
    limit (and makes PostgreSQL parse a statement of 100,000 parameters).
    """
    data = json.dumps([int(pk) for pk in ids])
    if connection.vendor == "postgresql":
        return RawSQL("SELECT value::bigint FROM json_array_elements_text(%s::json)", [data])
    return RawSQL("SELECT value FROM json_each(%s)", [data])


def grassroots_experience_q(cadres, as_of, months=None):
    """Return the condition "has 基层经验 on `as_of`" over `cadres`, for filters and aggregates.

    The service is summed in Python (one query): merging overlapping periods is not portable SQL.
    """
    return Q(pk__in=ids_subquery(grassroots_ids(cadres, as_of, months)))
