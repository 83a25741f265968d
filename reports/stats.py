"""The young-cadre statistics: one function, one result object, many renderers."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from cadres.models import Cadre, Channel

from .breakdowns import compute_breakdowns
from .crosscheck import cross_check
from .narrative import chinese_count, footnote_text, narrative_text
from .params import StatsParams


@dataclass
class ChannelCount:
    code: str
    name: str
    count: int = 0
    recent: int = 0
    lacking_grassroots: int = 0
    lacking_organ: int = 0


@dataclass
class GroupCount:
    name: str
    channels: list = field(default_factory=list)

    @property
    def count(self):
        return sum(channel.count for channel in self.channels)

    @property
    def recent(self):
        return sum(channel.recent for channel in self.channels)


@dataclass
class ExcludedIntake:
    year: int
    code: str
    name: str  # how the footnote names it


@dataclass
class YoungCadreStats:
    """The figures for one set of parameters, and their wording."""

    params: StatsParams
    groups: list
    excluded: list
    total: int = 0
    recent: int = 0
    footnote: str = ""
    narrative: str = ""
    # Of the counted, those without 基层经验 / 机关阅历 on as_of (cadres/experience.py).
    lacking_grassroots: int = 0
    lacking_organ: int = 0
    # The counted people split by age, birth, gender, ethnicity, politics, education, unit and entry (breakdowns.py).
    breakdowns: object = None
    # The cross-checks (校核) of these figures: CheckFailures, empty when every figure agrees (crosscheck.py).
    check_failures: list = field(default_factory=list)

    @property
    def average_age(self):
        """Return the average age (周岁 on as_of, one decimal), None when nobody is counted."""
        return self.breakdowns.average_age if self.breakdowns is not None else None

    @property
    def recent_label(self):
        """Return the window as the wording names it: 近三年."""
        return f"近{chinese_count(self.params.recent_years)}年"

    def share(self, count):
        """Return `count` as a percentage of the total (0 when nobody is counted)."""
        return round(100 * count / self.total, 1) if self.total else 0.0


def young_cadre_stats(params, *, cadres=None):
    """Return the young-cadre statistics for `params` (a StatsParams) in six queries, breakdowns included.

    `cadres` is the queryset to count from, normally `Cadre.objects.visible_to(user)`, so a
    user's figures never include people they may not see; all cadres when omitted.
    """
    cadres = Cadre.objects.all() if cadres is None else cadres
    # The flags the cadre list shows and filters on, so a drill-down lists exactly the people counted.
    counted = (
        cadres.young_cadres(params)
        .with_flags_on(params.as_of, params.recent_years)
        .order_by()
        .values("channel")
        .annotate(
            count=Count("pk"),
            recent=Count("pk", filter=Q(is_recent=True)),
            with_grassroots=Count("pk", filter=Q(has_grassroots=True)),
            with_organ=Count("pk", filter=Q(has_organ=True)),
        )
    )
    by_channel = {row["channel"]: row for row in counted}
    groups, channels_by_code = {}, {}
    for channel in Channel.objects.select_related("group").order_by("group__sort_order", "group__pk", "sort_order"):
        row = by_channel.get(channel.pk, {})
        count = row.get("count", 0)
        item = ChannelCount(
            channel.code,
            channel.name,
            count,
            row.get("recent", 0),
            lacking_grassroots=count - row.get("with_grassroots", 0),
            lacking_organ=count - row.get("with_organ", 0),
        )
        groups.setdefault(channel.group.name, GroupCount(channel.group.name)).channels.append(item)
        channels_by_code[channel.code] = (channel, item)
    # Listed in the article's order of channels, not the alphabetical order of their codes.
    order = list(channels_by_code)
    ordered = sorted(params.excluded, key=lambda pair: (pair[0], order.index(pair[1])))
    excluded = [_excluded_intake(year, code, channels_by_code, groups) for year, code in ordered]
    stats = YoungCadreStats(params=params, groups=list(groups.values()), excluded=excluded)
    stats.total = sum(group.count for group in stats.groups)
    stats.recent = sum(group.recent for group in stats.groups)
    every_channel = [channel for group in stats.groups for channel in group.channels]
    stats.lacking_grassroots = sum(channel.lacking_grassroots for channel in every_channel)
    stats.lacking_organ = sum(channel.lacking_organ for channel in every_channel)
    stats.breakdowns = compute_breakdowns(cadres.young_cadres(params), params, recent_label=stats.recent_label)
    stats.footnote = footnote_text(excluded)
    stats.narrative = narrative_text(stats)
    stats.check_failures = cross_check(stats)
    return stats


def _excluded_intake(year, code, channels_by_code, groups):
    channel, _ = channels_by_code[code]
    # The article writes "公务员、事业单位招聘": a channel alone in its group goes by the group's name.
    alone = len(groups[channel.group.name].channels) == 1
    return ExcludedIntake(year, code, channel.group.name if alone else channel.name)


def counted_cadres(params, *, cadres=None):
    """Return the counted cadres for `params`, in the statistics' order, each with its flags (with_flags_on).

    The rows of the 花名册: as a lazy queryset, for streaming with `.iterator()`.
    """
    cadres = Cadre.objects.all() if cadres is None else cadres
    return (
        cadres.young_cadres(params)
        .select_related("unit", "channel__group")
        .with_recent_flag(params.as_of, params.recent_years)
        .order_by("channel__group__sort_order", "channel__sort_order", "entry_date", "unit__sort_order", "pk")
    )
