"""The trend: each month counted on its last day by the statistics' rule, in a fixed number of queries."""

import datetime
from contextlib import contextmanager

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadres.models import Cadre, Channel
from reports.models import MonthlyReport
from reports.params import StatsParams
from reports.stats import young_cadre_stats
from reports.trend import CORRECTED_SINCE, default_range, trend_days, young_cadre_trend
from tests.factories import make_cadre, make_unit

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2024, 6, 15)


def trend(start, end, today=TODAY, **params):
    params.setdefault("as_of", today)
    return young_cadre_trend(StatsParams(**params), start, end, today=today, compare_archive=True)


def totals(result):
    return {month.as_of: month.total for month in result.months}


def test_each_month_is_counted_on_its_last_day_and_the_current_month_today():
    assert trend_days(D(2023, 12, 1), D(2024, 6, 1), TODAY) == [
        D(2023, 12, 31),
        D(2024, 1, 31),
        D(2024, 2, 29),
        D(2024, 3, 31),
        D(2024, 4, 30),
        D(2024, 5, 31),
        D(2024, 6, 15),
    ]


def test_default_range_is_the_24_months_up_to_this_month():
    assert default_range(TODAY) == (D(2022, 7, 1), D(2024, 6, 1))


def test_an_entry_mid_month_counts_from_that_month_on():
    make_cadre(entry_date=D(2024, 3, 15))

    result = trend(D(2024, 2, 1), D(2024, 4, 1))

    assert totals(result) == {D(2024, 2, 29): 0, D(2024, 3, 31): 1, D(2024, 4, 30): 1}


def test_a_leave_mid_month_counts_until_the_month_before():
    make_cadre(entry_date=D(2015, 8, 1), leave_date=D(2024, 5, 10))

    result = trend(D(2024, 4, 1), D(2024, 6, 1))

    assert totals(result) == {D(2024, 4, 30): 1, D(2024, 5, 31): 0, D(2024, 6, 15): 0}


def test_a_cadre_turning_36_mid_month_leaves_that_month():
    make_cadre(birth_date=D(1988, 3, 10))

    result = trend(D(2024, 2, 1), D(2024, 3, 1))

    assert totals(result) == {D(2024, 2, 29): 1, D(2024, 3, 31): 0}


def test_a_29_february_birth_has_its_birthday_on_1_march_of_a_common_year():
    make_cadre(birth_date=D(1984, 2, 29))

    # 39 on 1 March 2023: still 38 (young under a limit of 38) on 28 February.
    result = trend(D(2023, 2, 1), D(2023, 3, 1), today=D(2023, 3, 1), max_age=38)

    assert totals(result) == {D(2023, 2, 28): 1, D(2023, 3, 1): 0}


def test_recent_follows_the_window_of_each_month():
    make_cadre(entry_date=D(2021, 4, 15))

    result = trend(D(2024, 2, 1), D(2024, 4, 1))

    # On 2024-04-30 the window starts after 2021-04-30: the entry of 2021-04-15 has left it.
    assert [month.recent for month in result.months] == [1, 1, 0]


def test_groups_and_excluded_intakes_as_the_statistics():
    make_cadre(channel="gongwuyuan", entry_date=D(2021, 9, 1))
    make_cadre(channel="shiye", entry_date=D(2021, 9, 1))
    make_cadre(channel="diaoru")

    result = trend(D(2024, 1, 1), D(2024, 1, 1), excluded=((2021, "gongwuyuan"),))

    month = result.months[0]
    assert {group.name: group.count for group in month.groups} == {
        "选调生": 0,
        "公务员": 0,
        "招硕引博": 0,
        "事业单位招聘": 1,
        "社区定向招聘": 0,
        "其他方式": 1,
    }


def test_unit_narrows_every_month():
    mine, other = make_unit("甲"), make_unit("乙")
    make_cadre(unit=mine)
    make_cadre(unit=other)

    result = trend(D(2024, 1, 1), D(2024, 2, 1), unit=mine)

    assert [month.total for month in result.months] == [1, 1]


@pytest.mark.parametrize("months", [1, 24, 120])
def test_queries_are_fixed_whatever_the_months_and_cadres(django_assert_num_queries, months):
    unit = make_unit()
    for year in range(1985, 1995):
        make_cadre(birth_date=D(year, 5, 5), unit=unit, entry_date=D(2010 + year % 10, 3, 1))
    end = D(2024, 6, 1)
    start = D(end.year - (months - 1) // 12, 1, 1) if months > 1 else end
    start = max(D(2014, 7, 1), start) if months == 120 else start
    # The counts (one grouped query), the channels, the archived reports.
    with django_assert_num_queries(3):
        result = trend(start, end)
    assert result.months


def archive(as_of, total, groups=None, **fields):
    groups = groups or [{"name": "选调生", "count": total, "recent": 0}]
    return MonthlyReport.objects.create(
        month=as_of.replace(day=1),
        as_of=as_of,
        max_age=fields.get("max_age", 35),
        recent_years=3,
        excluded=fields.get("excluded", []),
        total=total,
        recent=fields.get("recent", 0),
        groups=groups,
        narrative="",
        filename="月度报表.xlsx",
        content=b"x",
        sha256="0" * 64,
    )


def test_an_archived_month_that_differs_is_shown_beside_with_the_reason():
    make_cadre()
    make_cadre()
    archive(D(2024, 4, 30), 1)
    archive(D(2024, 5, 31), 2)

    result = trend(D(2024, 4, 1), D(2024, 5, 1))

    april, may = result.months
    assert april.archived.total == 1
    assert april.archived.reason == CORRECTED_SINCE
    assert april.archived_count("选调生") == 1
    assert may.archived is None
    assert result.differing == [april]


def test_the_latest_archive_of_a_month_with_the_same_parameters_is_compared():
    make_cadre()
    archive(D(2024, 4, 30), 5, max_age=40)
    archive(D(2024, 4, 30), 7, excluded=[[2021, "shiye"]])
    first = archive(D(2024, 4, 30), 3)
    archive(D(2024, 4, 30), 1)

    result = trend(D(2024, 4, 1), D(2024, 4, 1))

    assert result.months[0].archived is None
    first.delete()
    MonthlyReport.objects.filter(total=1).update(total=9, groups=[{"name": "选调生", "count": 9}])
    assert trend(D(2024, 4, 1), D(2024, 4, 1)).months[0].archived.total == 9


def test_archive_is_not_compared_for_a_unit():
    unit = make_unit()
    make_cadre(unit=unit)
    archive(D(2024, 4, 30), 5)

    result = trend(D(2024, 4, 1), D(2024, 4, 1), unit=unit)

    assert result.archive_compared is False
    assert result.months[0].archived is None


# --- the trend against the statistics function, on random rosters ---------------------------------------

BASE = D(2018, 1, 1)
CODES = ["xuandiao", "gongwuyuan", "shiye", "diaoru", "qita"]


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def days_after(base, span):
    return st.integers(0, span).map(lambda days: base + datetime.timedelta(days=days))


@st.composite
def cadres(draw):
    birth = draw(st.one_of(days_after(D(1983, 1, 1), 12 * 366), st.sampled_from([D(1984, 2, 29), D(1988, 2, 29)])))
    entry = draw(days_after(BASE, 6 * 366))
    leave = draw(st.one_of(st.none(), st.integers(1, 4 * 366).map(lambda days: entry + datetime.timedelta(days=days))))
    return birth, entry, leave, draw(st.sampled_from(CODES))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    roster=st.lists(cadres(), max_size=12),
    start=st.integers(0, 60),
    months=st.integers(1, 18),
    max_age=st.sampled_from([30, 35, 40]),
    recent_years=st.sampled_from([1, 3]),
    excluded=st.sampled_from([(), ((2020, "shiye"),), ((2019, "diaoru"), (2021, "gongwuyuan"))]),
)
def test_each_month_of_the_trend_equals_the_statistics_on_its_day(
    roster, start, months, max_age, recent_years, excluded
):
    with rolled_back():
        unit = make_unit()
        channels = {channel.code: channel for channel in Channel.objects.all()}
        Cadre.objects.bulk_create(
            Cadre(
                name=f"干部{i}",
                gender="男",
                birth_date=birth,
                entry_date=entry,
                leave_date=leave,
                status="已离开" if leave else "在职",
                leave_reason="调出" if leave else "",
                channel=channels[code],
                unit=unit,
                political_status="中共党员",
                education="大学本科",
                degree="学士",
            )
            for i, (birth, entry, leave, code) in enumerate(roster)
        )
        first = D(2018 + start // 12, start % 12 + 1, 1)
        last_index = start + months - 1
        last = D(2018 + last_index // 12, last_index % 12 + 1, 1)
        today = D(2025, 1, 20)
        params = StatsParams(as_of=today, max_age=max_age, recent_years=recent_years, excluded=excluded)

        result = young_cadre_trend(params, first, last, today=today)

        assert len(result.months) == months
        for month in result.months:
            stats = young_cadre_stats(StatsParams(month.as_of, max_age, recent_years, excluded))
            assert month.total == stats.total
            assert month.recent == stats.recent
            assert [(g.name, g.count, g.recent) for g in month.groups] == [
                (g.name, g.count, g.recent) for g in stats.groups
            ]
            assert [(c.code, c.count, c.recent) for g in month.groups for c in g.channels] == [
                (c.code, c.count, c.recent) for g in stats.groups for c in g.channels
            ]
