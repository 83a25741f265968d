"""The experience flags of the article's complaint (DESIGN.md): 基层经验 and 机关阅历, as of a date.

Both are computed from the dated work records (WorkRecord) and secondments (Secondment) on the
date asked, so a past date gives the answer that held then.

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

Service only grows with the date (a day more adds a spare day, or completes a month and leaves at
most 30 spare days fewer, which pooled lose at most the one month it gained), so each flag holds
from one day on: `grassroots_since` and `organ_since` compute that day from a cadre's records, and
cadres/experience_summary.py stores it (CadreExperience) so that lists, filters and statistics
test a date in the database — "has 基层经验 on as_of" is "grassroots_since <= as_of" — instead of
merging every cadre's periods again. The profile shows the months themselves (grassroots_periods,
months_served) for its one cadre.

The module imports no model: it reaches the records through the cadre queryset it is given.
"""

import calendar
import datetime

from django.conf import settings
from django.db.models.functions import Coalesce

from .choices import UnitKind

DEFAULT_GRASSROOTS_MONTHS = 24
DAYS_PER_POOLED_MONTH = 31


def grassroots_months_required():
    """Return the months of grassroots service that make 基层经验 (setting GRASSROOTS_MONTHS)."""
    return getattr(settings, "GRASSROOTS_MONTHS", DEFAULT_GRASSROOTS_MONTHS)


def service_records(cadres, kinds):
    """Return the query of (cadre id, unit kind, start, last day or None) of every work record and
    secondment of `cadres` in a unit of one of `kinds`, in one statement.

    A record counts by its district unit's kind, or by the kind written for a unit outside the district.
    """
    meta = cadres.model._meta
    work, secondment = (meta.get_field(name).related_model for name in ("work_records", "secondments"))
    ids = cadres.order_by().values("pk")
    fields = ("cadre", "served_kind", "start_date", "end_date")
    posts = work.objects.annotate(served_kind=Coalesce("unit__kind", "unit_kind"))
    stays = secondment.objects.annotate(served_kind=Coalesce("to_unit__kind", "to_unit_kind"))
    posts, stays = (records.filter(cadre__in=ids, served_kind__in=kinds) for records in (posts, stays))
    return posts.order_by().values_list(*fields).union(stays.order_by().values_list(*fields), all=True)


def grassroots_periods(cadres, as_of):
    """Return {cadre id: [(start, end), …]} of grassroots service of `cadres` begun by `as_of`, in one query.

    `end` is the last day served, cut at `as_of`; an open-ended record runs to `as_of`.
    """
    periods = {}
    for cadre, _kind, start, end in service_records(cadres, UnitKind.grassroots()):
        if start <= as_of:
            periods.setdefault(cadre, []).append((start, min(end, as_of) if end else as_of))
    return periods


def merge_periods(periods):
    """Return the periods (start, last day) joined where they overlap or touch, sorted.

    A last day of None is a period still running: it swallows every later one.
    """
    merged = []
    for start, end in sorted(periods, key=lambda period: (period[0], period[1] or datetime.date.max)):
        if merged and (merged[-1][1] is None or start <= merged[-1][1] + datetime.timedelta(days=1)):
            last = merged[-1][1]
            merged[-1] = (merged[-1][0], None if last is None or end is None else max(last, end))
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


def _served(done_months, done_spare, start, last_day):
    """Return the months served with (done_months, done_spare) of earlier periods and start..last_day."""
    whole, days = _whole_months(start, last_day + datetime.timedelta(days=1))
    return done_months + whole + (done_spare + days) // DAYS_PER_POOLED_MONTH


def grassroots_since(periods, months):
    """Return the first day on which `periods` (start, last day or None while it lasts) make `months`
    months of service by months_served, or None if they never do.

    The answer for every date at once: months_served(periods cut at as_of) >= months exactly when
    the day returned is on or before as_of (service never shrinks as the date moves on).
    """
    done_months = done_spare = 0
    for start, end in merge_periods(periods):
        # Within `months` + 1 months of 31 days a period surely makes `months` months on its own.
        last = start + datetime.timedelta(days=DAYS_PER_POOLED_MONTH * (months + 1))
        if end is not None:
            last = min(last, end)
        if _served(done_months, done_spare, start, last) >= months:
            low, high = start, last  # the first day that makes it lies in low..high
            while low < high:
                middle = low + (high - low) // 2
                if _served(done_months, done_spare, start, middle) >= months:
                    high = middle
                else:
                    low = middle + datetime.timedelta(days=1)
            return low
        if end is None:
            return None  # cannot happen: an open period reaches any number of months
        whole, days = _whole_months(start, end + datetime.timedelta(days=1))
        done_months, done_spare = done_months + whole, done_spare + days
    return None


def organ_since(periods):
    """Return the first day of service in `periods` (start, last day or None): 机关阅历 holds from it."""
    return min((start for start, _end in periods), default=None)
