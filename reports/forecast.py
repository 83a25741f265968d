"""The age-out forecast: who leaves the young-cadre reserve by age in each coming month, the reserve's size
with no new intake, and the yearly intake that keeps it at today's size.

The age rule is the statistics' own applied to future dates (`counted_on_q`, `Cadre.objects.ageing_out`):
someone leaves in the month in which they turn `max_age` + 1 (a 29 February birth on 1 March of a common
year). The people counted today are followed month by month in one grouped query of conditional counts
(by channel and unit), whatever the number of months or cadres.
"""

import dataclasses
import datetime
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count

from cadres.dates import month_end, shift_years
from cadres.models import Cadre, Channel, Unit
from cadres.querysets import aged_at_most_q, counted_on_q

from .trend import add_months

FORECAST_MONTHS = 24
DAYS_A_YEAR = 365.25


def forecast_periods(as_of, months=FORECAST_MONTHS):
    """Return [(after, until)] of the coming `months`: the rest of as_of's month, then whole months.

    Each period holds the days after `after` up to `until` (a month's last day).
    """
    periods, after = [], as_of
    for i in range(months):
        first = add_months(as_of, i)
        until = month_end(first.year, first.month)
        periods.append((after, until))
        after = until
    return periods


@dataclass
class ForecastMonth:
    """One coming month: who leaves the reserve by age in it, and the reserve's size at its end."""

    month: datetime.date  # its first day
    after: datetime.date
    until: datetime.date
    leaving: int = 0
    size: int = 0  # of today's counted, still counted on `until` (no new intake)
    by_group: dict = field(default_factory=dict)  # {group name: leaving}
    by_unit: dict = field(default_factory=dict)  # {unit id: leaving}


@dataclass
class IntakeChannel:
    """One channel's part of the recent intake: how many entered, and how long they stay in the reserve."""

    group: str
    code: str
    name: str
    entrants: int = 0
    years_in_reserve: float = 0.0  # summed over the entrants

    @property
    def mean_years(self):
        return self.years_in_reserve / self.entrants if self.entrants else 0.0


@dataclass
class Forecast:
    """The forecast for `params` (as_of: the day counted from)."""

    params: object
    total: int = 0
    months: list = field(default_factory=list)
    group_names: list = field(default_factory=list)
    units: list = field(default_factory=list)  # [(id, name)] of the units someone leaves from, in their order
    intake: list = field(default_factory=list)  # IntakeChannel of the recent window, in the channels' order

    @property
    def entrants(self):
        return sum(channel.entrants for channel in self.intake)

    @property
    def mean_years_in_reserve(self):
        """Return the years the recent window's average entrant stays ≤ max_age (0 when nobody entered)."""
        entrants = self.entrants
        return sum(channel.years_in_reserve for channel in self.intake) / entrants if entrants else 0.0

    @property
    def entrants_a_year(self):
        """Return the recent window's entrants per year."""
        return self.entrants / self.params.recent_years

    @property
    def needed_a_year(self):
        """Return the entrants a year that keep the reserve at today's size in the long run (None if unknown).

        With the recent mix, each entrant stays `mean_years_in_reserve` years; a reserve of `total` filled by
        `n` a year holds n × that many, so n = total ÷ mean years (and no leaving other than by age).
        """
        years = self.mean_years_in_reserve
        return self.total / years if years else None

    def needed_by_group(self):
        """Return [(group name, entrants a year)]: needed_a_year shared as the recent intake was."""
        needed, entrants = self.needed_a_year, self.entrants
        if needed is None:
            return []
        return [(name, needed * count / entrants) for name, count in self.intake_by_group.items()]

    @property
    def intake_by_group(self):
        """Return {group name: entrants of the recent window}."""
        counts = {}
        for channel in self.intake:
            counts[channel.group] = counts.get(channel.group, 0) + channel.entrants
        return counts

    @property
    def leaving_in_year_1(self):
        return self.leaving_in_year(1)

    @property
    def leaving_in_year_2(self):
        return self.leaving_in_year(2)

    def leaving_in_year(self, year):
        """Return how many leave by age in the coming year `year` (1: months 1–12, 2: months 13–24)."""
        return sum(month.leaving for month in self.months[12 * (year - 1) : 12 * year])

    def unit_rows(self):
        """Return [(unit id, name, [leaving per month], total)] of the units someone leaves from."""
        rows = []
        for pk, name in self.units:
            counts = [month.by_unit.get(pk, 0) for month in self.months]
            rows.append((pk, name, counts, sum(counts)))
        return rows

    def group_rows(self):
        """Return [(group name, [leaving per month], total)]."""
        rows = []
        for name in self.group_names:
            counts = [month.by_group.get(name, 0) for month in self.months]
            rows.append((name, counts, sum(counts)))
        return rows


def age_out_forecast(params, *, cadres=None, months=FORECAST_MONTHS):
    """Return the Forecast of the cadres counted for `params` on `params.as_of`, over the coming `months`.

    Four queries: the counted by channel and unit with each month's leavers and size, the channels, the
    recent window's entrants (the intake mix), and nothing per month or per cadre.
    """
    cadres = Cadre.objects.all() if cadres is None else cadres
    forecast = Forecast(params=params)
    periods = forecast_periods(params.as_of, months)
    counts = {"n": Count("pk")}
    for i, (after, until) in enumerate(periods):
        # Leaving in the period: still young on its eve, no longer on its last day (Cadre.objects.ageing_out).
        counts[f"out{i}"] = Count(
            "pk", filter=aged_at_most_q(after, params.max_age) & ~aged_at_most_q(until, params.max_age)
        )
        counts[f"size{i}"] = Count("pk", filter=counted_on_q(until, params.max_age))
    names = list(counts)
    rows = list(
        cadres.young_cadres(params)
        .order_by()
        .values("channel", "unit", "unit__name", "unit__sort_order")
        .annotate(**counts)
        .values_list("channel", "unit", "unit__name", "unit__sort_order", *names)
    )
    channels = list(Channel.objects.select_related("group").order_by("group__sort_order", "group__pk", "sort_order"))
    group_of = {channel.pk: channel.group.name for channel in channels}
    forecast.group_names = list(dict.fromkeys(group_of.values()))
    forecast.months = [ForecastMonth(add_months(params.as_of, i), *period) for i, period in enumerate(periods)]
    leaving_units = {}
    # One pass over the (channel, unit) rows: each row's leavers month by month, and the sizes summed.
    sizes = [0] * len(periods)
    for channel, unit, unit_name, unit_order, total, *figures in rows:
        forecast.total += total
        sizes = [size + figure for size, figure in zip(sizes, figures[1::2], strict=True)]
        group = group_of[channel]
        for month, leaving in zip(forecast.months, figures[0::2], strict=True):
            if leaving:
                month.leaving += leaving
                month.by_group[group] = month.by_group.get(group, 0) + leaving
                month.by_unit[unit] = month.by_unit.get(unit, 0) + leaving
                leaving_units[unit] = (unit_order, unit_name)
    for month, size in zip(forecast.months, sizes, strict=True):
        month.size = size
    forecast.units = [(pk, name) for pk, (_, name) in sorted(leaving_units.items(), key=lambda item: item[1])]
    forecast.intake = recent_intake(params, cadres, channels)
    return forecast


def recent_intake(params, cadres, channels):
    """Return the IntakeChannel of every channel: who entered in the recent window (whether still here or not,
    whatever their age) and how many years each stays in the reserve from entry (none for one already over
    max_age). One query of (channel, birth, entry) over the window's entrants.
    """
    intake = {channel.pk: IntakeChannel(channel.group.name, channel.code, channel.name) for channel in channels}
    entrants = cadres.in_scope_of(params).recent(params.as_of, params.recent_years).order_by()
    for channel, birth, entry in entrants.values_list("channel", "birth_date", "entry_date").iterator(2000):
        # The day they turn max_age + 1 is their first day outside the reserve (the age rule, dates.py).
        out = shift_years(birth, params.max_age + 1)
        intake[channel].entrants += 1
        intake[channel].years_in_reserve += max(0, (out - entry).days) / DAYS_A_YEAR
    return list(intake.values())


@lru_cache(maxsize=4096)  # called per unit and month by the page and the JSON
def in_unit(params, pk, name):
    """Return `params` narrowed to unit `pk`, for a drill-down link (only the unit's pk and name are read)."""
    return dataclasses.replace(params, unit=Unit(pk=pk, name=name))
