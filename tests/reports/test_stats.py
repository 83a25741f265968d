"""young_cadre_stats and counted_cadres: the counting rules of DESIGN.md, one figure at a time."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cadres.models import Cadre
from reports.params import StatsParams
from reports.stats import ExcludedIntake, counted_cadres, young_cadre_stats
from tests.factories import make_cadre, make_counted, make_unit

from .helpers import GROUP_CODES, GROUP_NAMES, OLD_ENTRY, RECENT_ENTRY, YOUNG_BIRTH

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2021, 7, 31)


def stats_for(**params):
    params.setdefault("as_of", AS_OF)
    return young_cadre_stats(StatsParams(**params))


def group_counts(stats):
    return {group.name: group.count for group in stats.groups}


def channel_counts(stats):
    return {channel.code: channel.count for group in stats.groups for channel in group.channels}


def test_each_cadre_counts_in_the_group_of_their_channel():
    make_counted("xuandiao", 2)
    make_counted("gongwuyuan", 1)
    make_counted("zhaoshuo", 3)
    make_counted("shequ", 1)
    make_counted("zhuanli", 1)
    make_counted("tuiwu", 2)

    stats = stats_for()

    assert group_counts(stats) == {
        "选调生": 2,
        "公务员": 1,
        "招硕引博": 3,
        "事业单位招聘": 0,
        "社区定向招聘": 1,
        "其他方式": 3,
    }


def test_each_channel_is_counted_on_its_own():
    make_counted("zhuanli", 1)
    make_counted("diaoru", 2)
    make_counted("tuiwu", 3)
    make_counted("qita", 1)

    stats = stats_for()

    assert channel_counts(stats) == {
        "xuandiao": 0,
        "gongwuyuan": 0,
        "zhaoshuo": 0,
        "shiye": 0,
        "shequ": 0,
        "zhuanli": 1,
        "diaoru": 2,
        "tuiwu": 3,
        "qita": 1,
    }


def test_groups_follow_the_articles_order_with_their_channels_inside():
    stats = stats_for()

    assert [group.name for group in stats.groups] == GROUP_NAMES
    assert {group.name: [channel.code for channel in group.channels] for group in stats.groups} == GROUP_CODES
    assert [channel.name for channel in stats.groups[-1].channels] == ["转隶", "调入", "退伍安置", "其他"]


def test_total_is_the_sum_of_the_groups():
    make_counted("xuandiao", 2)
    make_counted("shiye", 3)
    make_counted("diaoru", 1)

    stats = stats_for()

    assert stats.total == 6
    assert stats.total == sum(group.count for group in stats.groups)


def test_recent_counts_entries_in_the_last_three_years():
    make_counted("xuandiao", 2, entry_date=RECENT_ENTRY)
    make_counted("xuandiao", 1, entry_date=OLD_ENTRY)
    make_counted("diaoru", 1, entry_date=RECENT_ENTRY)

    stats = stats_for()

    assert stats.total == 4
    assert stats.recent == 3
    assert {group.name: group.recent for group in stats.groups}["选调生"] == 2
    assert {channel.code: channel.recent for channel in stats.groups[-1].channels}["diaoru"] == 1


def test_entry_exactly_three_years_before_as_of_is_not_recent():
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=datetime.date(2018, 7, 31))

    stats = stats_for()

    assert (stats.total, stats.recent) == (1, 0)


def test_entry_the_day_after_three_years_before_as_of_is_recent():
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=datetime.date(2018, 8, 1))

    stats = stats_for()

    assert (stats.total, stats.recent) == (1, 1)


def test_entry_on_as_of_is_counted_and_recent():
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=AS_OF)

    stats = stats_for()

    assert (stats.total, stats.recent) == (1, 1)


def test_recent_window_follows_recent_years():
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=datetime.date(2017, 1, 1))

    assert stats_for(recent_years=3).recent == 0
    assert stats_for(recent_years=5).recent == 1


def test_recent_window_from_29_february_starts_on_1_march():
    # DESIGN.md: "N years before" 29 Feb is 1 March, so the window is (2021-03-01, 2024-02-29].
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 3, 1))
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 3, 2))

    stats = stats_for(as_of=datetime.date(2024, 2, 29))

    assert (stats.total, stats.recent) == (2, 1)


def test_age_35_on_as_of_is_counted():
    make_cadre(birth_date=datetime.date(1985, 8, 1), entry_date=OLD_ENTRY)

    assert stats_for().total == 1


def test_age_36_on_birthday_is_not_counted():
    make_cadre(birth_date=datetime.date(1985, 7, 31), entry_date=OLD_ENTRY)

    assert stats_for().total == 0


def test_max_age_moves_the_age_limit():
    make_cadre(birth_date=datetime.date(1985, 7, 31), entry_date=OLD_ENTRY)
    make_cadre(birth_date=datetime.date(1980, 7, 31), entry_date=OLD_ENTRY)

    assert stats_for(max_age=36).total == 1
    assert stats_for(max_age=41).total == 2


def test_cadre_who_left_on_as_of_is_not_counted():
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=OLD_ENTRY, leave_date=AS_OF)

    assert stats_for().total == 0


def test_cadre_who_left_after_as_of_is_counted():
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=OLD_ENTRY, leave_date=datetime.date(2021, 8, 1))

    assert stats_for().total == 1


def test_cadre_entering_after_as_of_is_not_counted():
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 8, 1))

    assert stats_for().total == 0


def test_pending_recruit_is_never_counted():
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=None)

    assert stats_for().total == 0


def test_excluded_intake_leaves_out_that_years_entries_of_that_channel():
    make_cadre(channel="gongwuyuan", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 1, 1))
    make_cadre(channel="gongwuyuan", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 7, 31))

    stats = stats_for(excluded=((2021, "gongwuyuan"),))

    assert stats.total == 0
    assert stats.recent == 0


def test_excluded_intake_keeps_the_same_channel_in_other_years():
    make_cadre(channel="gongwuyuan", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2020, 12, 31))

    stats = stats_for(excluded=((2021, "gongwuyuan"),))

    assert group_counts(stats)["公务员"] == 1


def test_excluded_intake_keeps_other_channels_of_that_year():
    make_cadre(channel="xuandiao", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 3, 1))

    stats = stats_for(excluded=((2021, "gongwuyuan"), (2021, "shiye")))

    assert group_counts(stats)["选调生"] == 1


def test_excluded_intakes_are_listed_with_the_name_the_footnote_uses():
    stats = stats_for(excluded=((2021, "diaoru"), (2021, "gongwuyuan")))

    # A channel alone in its group goes by the group's name, as the article writes "公务员".
    assert stats.excluded == [
        ExcludedIntake(2021, "gongwuyuan", "公务员"),
        ExcludedIntake(2021, "diaoru", "调入"),
    ]


def test_excluded_intakes_follow_the_articles_channel_order_not_the_codes():
    stats = stats_for(excluded=((2021, "gongwuyuan"), (2021, "xuandiao")))

    assert stats.footnote == "2021年选调生、公务员未计算在内"


def test_unit_counts_its_own_cadres_and_those_of_its_sub_units():
    parent = make_unit()
    child = make_unit(parent=parent)
    grandchild = make_unit(parent=child)
    sibling = make_unit()
    make_counted("xuandiao", 1, unit=parent)
    make_counted("xuandiao", 2, unit=child)
    make_counted("shequ", 1, unit=grandchild)
    make_counted("xuandiao", 4, unit=sibling)

    assert stats_for(unit=parent).total == 4
    assert stats_for(unit=child).total == 3
    assert stats_for(unit=sibling).total == 4


def test_cadres_argument_restricts_what_is_counted():
    mine, theirs = make_unit(), make_unit()
    make_counted("xuandiao", 2, unit=mine)
    make_counted("xuandiao", 3, unit=theirs)

    stats = young_cadre_stats(StatsParams(as_of=AS_OF), cadres=Cadre.objects.filter(unit=mine))

    assert stats.total == 2
    assert group_counts(stats)["选调生"] == 2


def test_share_is_the_percentage_of_the_total_to_one_decimal():
    make_counted("xuandiao", 1)
    make_counted("gongwuyuan", 2)

    stats = stats_for()

    assert stats.share(1) == 33.3
    assert stats.share(2) == 66.7
    assert stats.share(stats.total) == 100.0


def test_share_is_zero_when_nobody_is_counted():
    stats = stats_for()

    assert stats.share(0) == 0.0


def test_empty_database_gives_zeros_in_every_group_and_channel():
    stats = stats_for()

    assert (stats.total, stats.recent) == (0, 0)
    assert [group.name for group in stats.groups] == GROUP_NAMES
    assert all(group.count == 0 and group.recent == 0 for group in stats.groups)
    assert set(channel_counts(stats).values()) == {0}


@pytest.mark.parametrize("with_unit", [False, True], ids=["district", "unit"])
def test_statistics_query_count_does_not_grow_with_the_cadres(django_assert_num_queries, with_unit):
    unit = make_unit()
    for code in ("xuandiao", "gongwuyuan", "diaoru"):
        make_counted(code, 1, unit=unit)
    params = StatsParams(as_of=AS_OF, unit=unit if with_unit else None)
    with CaptureQueriesContext(connection) as few:
        assert young_cadre_stats(params).total == 3
    for code in ("xuandiao", "zhaoshuo", "shiye", "shequ", "zhuanli", "diaoru", "tuiwu", "qita"):
        make_counted(code, 2, unit=make_unit(parent=unit))
    make_counted("gongwuyuan", 21, unit=unit)

    with django_assert_num_queries(len(few)):
        assert young_cadre_stats(params).total == 40


def test_roster_holds_exactly_the_counted_cadres():
    counted = make_counted("xuandiao", 2) + make_counted("diaoru", 1, entry_date=RECENT_ENTRY)
    make_cadre(birth_date=datetime.date(1980, 1, 1), entry_date=OLD_ENTRY)  # too old
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=OLD_ENTRY, leave_date=datetime.date(2020, 1, 1))  # left
    make_cadre(channel="gongwuyuan", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 5, 1))  # excluded
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=None)  # pending
    params = StatsParams(as_of=AS_OF, excluded=((2021, "gongwuyuan"),))

    roster = list(counted_cadres(params))

    assert sorted(cadre.pk for cadre in roster) == sorted(cadre.pk for cadre in counted)
    assert len(roster) == young_cadre_stats(params).total


def test_roster_marks_who_entered_in_the_window():
    recent = make_cadre(birth_date=YOUNG_BIRTH, entry_date=datetime.date(2018, 8, 1))
    not_recent = make_cadre(birth_date=YOUNG_BIRTH, entry_date=datetime.date(2018, 7, 31))

    flags = {cadre.pk: cadre.is_recent for cadre in counted_cadres(StatsParams(as_of=AS_OF))}

    assert flags == {recent.pk: True, not_recent.pk: False}


def test_roster_follows_the_order_of_the_groups():
    other = make_counted("tuiwu", 1)[0]
    xuandiao = make_counted("xuandiao", 1)[0]
    shequ = make_counted("shequ", 1)[0]

    roster = list(counted_cadres(StatsParams(as_of=AS_OF)))

    assert [cadre.pk for cadre in roster] == [xuandiao.pk, shequ.pk, other.pk]


def test_roster_respects_the_cadres_argument():
    mine, theirs = make_unit(), make_unit()
    kept = make_counted("xuandiao", 1, unit=mine)
    make_counted("xuandiao", 1, unit=theirs)

    roster = counted_cadres(StatsParams(as_of=AS_OF), cadres=Cadre.objects.filter(unit=mine))

    assert [cadre.pk for cadre in roster] == [kept[0].pk]


@pytest.mark.parametrize("size", [3, 40])
def test_roster_rows_need_no_query_of_their_own(django_assert_num_queries, size):
    make_counted("xuandiao", size - 1)
    make_counted("tuiwu", 1, entry_date=RECENT_ENTRY)

    with django_assert_num_queries(1):
        rows = [
            (cadre.name, cadre.unit.name, cadre.channel.name, cadre.channel.group.name, cadre.is_recent)
            for cadre in counted_cadres(StatsParams(as_of=AS_OF))
        ]

    assert len(rows) == size
    assert sum(row[-1] for row in rows) == 1
