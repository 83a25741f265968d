"""Days and periods as the staffing pages write them, and the Python reading of a dated record.

A dated record holds from its start_date to its end_date, both included, an open end running on: the
same rule as the QuerySets' `overlapping` (staffing/querysets.py), applied to rows already read.
"""

import calendar
import datetime

ONE_DAY = datetime.timedelta(days=1)


def holds_on(record, day, *, end="end_date"):
    """Return whether `record` (start_date, and `end` as its last day or None) holds on `day`."""
    last = getattr(record, end)
    return record.start_date <= day and (last is None or last >= day)


def days_between(start, end):
    """Yield every day from `start` to `end`, both included."""
    day = start
    while day <= end:
        yield day
        day += ONE_DAY


def add_months(day, months):
    """Return `day` moved by `months`, the 31st becoming the month's last day (2025-08-31 + 6 → 2026-02-28)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_text(start, end):
    """Return "2025-06-30至2025-07-02", "2025-06-30" for one day, or "2025-06-30起" for an open end."""
    if end is None:
        return f"{start.isoformat()}起"
    return start.isoformat() if start == end else f"{start.isoformat()}至{end.isoformat()}"


def runs(days):
    """Return the consecutive runs of the sorted `days` as (first, last) pairs."""
    found = []
    for day in days:
        if found and found[-1][1] + ONE_DAY == day:
            found[-1] = (found[-1][0], day)
        else:
            found.append((day, day))
    return found


def days_text(days):
    """Return the sorted `days` as runs: "2025-06-30至2025-07-01、2025-07-05"."""
    return "、".join(period_text(first, last) for first, last in runs(days))


def chinese_number(number):
    """Return 1–10 in Chinese numerals (最近两次), other numbers as digits."""
    return "一两三四五六七八九十"[number - 1] if 1 <= number <= 10 else str(number)
