"""The young-cadre figures month by month, recomputed from the dated records (no stored snapshots).

Each month is counted on its last day (today for the current month) by the statistics' own rule:
`Cadre.objects.in_scope_of(params)` narrowed per day by `counted_on_q`, the condition young_cadres
filters with. All the months come from one grouped query of conditional counts, whatever the number
of months or cadres, so the trend of a month always equals the statistics on that day.
"""

import dataclasses
import datetime
from dataclasses import dataclass, field

from django.db.models import Count

from cadres.dates import month_end
from cadres.models import Cadre, Channel
from cadres.querysets import counted_on_q, recent_q

from .models import MonthlyReport
from .stats import ChannelCount, GroupCount

DEFAULT_MONTHS = 24
MAX_MONTHS = 120
CORRECTED_SINCE = "归档后数据有更正：按现有数据重算，与当时报送的数字不同"


def month_start(day):
    return day.replace(day=1)


def add_months(day, months):
    """Return the first day of the month `months` after the month of `day` (negative for before)."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(start, end):
    """Return the number of months from the month of `start` to that of `end`, both included."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def trend_days(start, end, today):
    """Return the day each month from `start` to `end` (first days of months) is counted on: its last day,
    or `today` for the current month. Months after today's are not counted.
    """
    days = []
    month = month_start(start)
    while month <= end and month <= today:
        days.append(min(month_end(month.year, month.month), today))
        month = add_months(month, 1)
    return days


def default_range(today, months=DEFAULT_MONTHS):
    """Return (first month, last month) of the default range: the `months` up to today's."""
    return add_months(today, 1 - months), month_start(today)


@dataclass
class ArchivedMonth:
    """The figures of a month's archived report (MonthlyReport) where they differ from today's computation."""

    report: int
    created_at: datetime.datetime
    total: int
    recent: int
    groups: dict  # {group name: count}
    reason: str = CORRECTED_SINCE


@dataclass
class TrendMonth:
    """One month of the trend: the statistics' groups on its day, and the archived figures if they differ."""

    params: object  # the StatsParams of the month (as_of its day)
    groups: list
    archived: ArchivedMonth | None = None

    @property
    def as_of(self):
        return self.params.as_of

    @property
    def month(self):
        return month_start(self.params.as_of)

    @property
    def total(self):
        return sum(group.count for group in self.groups)

    @property
    def recent(self):
        return sum(group.recent for group in self.groups)

    def archived_count(self, name):
        """Return the archived count of group `name` (None when the month has no differing archive)."""
        return None if self.archived is None else self.archived.groups.get(name, 0)


@dataclass
class Trend:
    """The figures of `params` (unit, age limit, window, exclusions) month by month."""

    params: object
    start: datetime.date
    end: datetime.date
    months: list = field(default_factory=list)
    group_names: list = field(default_factory=list)
    # Whether archived reports were compared: they are district-wide, so only for a district-wide trend.
    archive_compared: bool = False

    @property
    def differing(self):
        """Return the months whose archived report differs from today's computation."""
        return [month for month in self.months if month.archived is not None]


def young_cadre_trend(params, start, end, *, cadres=None, today=None, compare_archive=False):
    """Return the Trend of `params` from the month of `start` to that of `end` (both included).

    `params.as_of` is ignored: each month is counted on its last day (today for the current month).
    `cadres` is the queryset to count from (normally `Cadre.objects.visible_to(user)`). With
    `compare_archive`, the archived monthly reports of the same parameters are read in one more query
    and shown beside the months whose figures have changed since. Three queries at most in all.
    """
    cadres = Cadre.objects.all() if cadres is None else cadres
    today = today or datetime.date.today()
    days = trend_days(start, end, today)
    trend = Trend(params=params, start=month_start(start), end=month_start(end))
    if not days:
        return trend
    counts = {}
    for i, day in enumerate(days):
        counted = counted_on_q(day, params.max_age)
        counts[f"n{i}"] = Count("pk", filter=counted)
        counts[f"r{i}"] = Count("pk", filter=counted & recent_q(day, params.recent_years))
    # Only the cadres some month can count are scanned: on the roster during the range, young on its first day.
    rows = (
        cadres.in_scope_of(params)
        .on_roster_between(days[0], days[-1])
        .young(days[0], params.max_age)
        .order_by()
        .values("channel")
        .annotate(**counts)
    )
    by_channel = {row["channel"]: row for row in rows}
    channels = list(Channel.objects.select_related("group").order_by("group__sort_order", "group__pk", "sort_order"))
    for i, day in enumerate(days):
        groups = {}
        for channel in channels:
            row = by_channel.get(channel.pk, {})
            item = ChannelCount(channel.code, channel.name, row.get(f"n{i}", 0), row.get(f"r{i}", 0))
            groups.setdefault(channel.group.name, GroupCount(channel.group.name)).channels.append(item)
        trend.months.append(TrendMonth(dataclasses.replace(params, as_of=day), list(groups.values())))
    trend.group_names = [group.name for group in trend.months[0].groups]
    if compare_archive and params.unit is None:
        trend.archive_compared = True
        _compare_archive(trend)
    return trend


def _compare_archive(trend):
    """Set `archived` on the months whose latest archived report (same parameters, same day) differs."""
    months = {month.as_of: month for month in trend.months}
    params = trend.params
    excluded = [[year, code] for year, code in params.excluded]
    reports = MonthlyReport.objects.filter(
        as_of__in=list(months), max_age=params.max_age, recent_years=params.recent_years
    ).defer("content")
    latest = {}
    for report in reports.order_by("as_of", "-created_at", "-pk"):
        if sorted(report.excluded) == excluded:
            latest.setdefault(report.as_of, report)
    for day, report in latest.items():
        month = months[day]
        archived = {group["name"]: group["count"] for group in report.groups}
        current = {group.name: group.count for group in month.groups}
        names = set(archived) | set(current)
        same = all(archived.get(name, 0) == current.get(name, 0) for name in names)
        if same and report.total == month.total and report.recent == month.recent:
            continue
        month.archived = ArchivedMonth(report.pk, report.created_at, report.total, report.recent, archived)
