"""The pool counts per unit on a date use the unit the cadre was in that day: the district post
covering the day, else the current unit. Each figure still links to exactly its people."""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import LEADER, READ_ONLY
from cadres.models import Cadre, WorkRecord
from cadres.pool.stats import pool_counts
from tests.factories import enter_pool, make_cadre, make_unit, make_user

D = datetime.date


pytestmark = pytest.mark.django_db

# A figure linked to its list on the overview page: the href and the number shown.
COUNT_LINK = re.compile(r'<a href="(/pool/list/\?[^"]+)">(\d+)</a>')


@pytest.fixture
def units():
    return make_unit("甲单位", sort_order=1), make_unit("乙单位", sort_order=2)


def moved_cadre(units, **fields):
    """A cadre in 甲 until 2020-12-31 (the last day served), in 乙 (the current unit) since 2021-01-01."""
    a, b = units
    cadre = make_cadre(unit=b, **fields)
    WorkRecord.objects.create(cadre=cadre, unit=a, post="科员", start_date=D(2015, 8, 1), end_date=D(2020, 12, 31))
    WorkRecord.objects.create(cadre=cadre, unit=b, post="副科长", start_date=D(2021, 1, 1))
    return cadre


def by_unit(day, cadres=None, units=None):
    counts = pool_counts(cadres if cadres is not None else Cadre.objects.all(), day, units=units)
    return {row.unit.name: row.total for row in counts.rows}


def test_member_counts_in_the_unit_of_the_post_held_that_day(units):
    enter_pool(moved_cadre(units), on=D(2020, 3, 1))
    assert by_unit(D(2020, 6, 30)) == {"甲单位": 1}


def test_member_counts_in_the_new_unit_after_the_move(units):
    enter_pool(moved_cadre(units), on=D(2020, 3, 1))
    assert by_unit(D(2021, 7, 31)) == {"乙单位": 1}


def test_last_day_of_a_post_still_counts_in_its_unit(units):
    enter_pool(moved_cadre(units), on=D(2020, 3, 1))
    assert by_unit(D(2020, 12, 31)) == {"甲单位": 1}
    assert by_unit(D(2021, 1, 1)) == {"乙单位": 1}


def test_of_two_covering_posts_the_later_begun_gives_the_unit(units):
    a, b = units
    cadre = make_cadre(unit=a)
    WorkRecord.objects.create(cadre=cadre, unit=a, post="科员", start_date=D(2015, 8, 1))
    WorkRecord.objects.create(cadre=cadre, unit=b, post="兼职", start_date=D(2019, 1, 1))
    enter_pool(cadre, on=D(2020, 3, 1))
    assert by_unit(D(2020, 6, 30)) == {"乙单位": 1}


def test_post_outside_the_district_falls_back_to_the_current_unit(units):
    cadre = make_cadre(unit=units[1])
    WorkRecord.objects.create(cadre=cadre, unit_name="外区某局", post="科员", start_date=D(2015, 8, 1))
    enter_pool(cadre, on=D(2020, 3, 1))
    assert by_unit(D(2020, 6, 30)) == {"乙单位": 1}


def test_day_between_two_posts_falls_back_to_the_current_unit(units):
    a, b = units
    cadre = make_cadre(unit=b)
    WorkRecord.objects.create(cadre=cadre, unit=a, post="科员", start_date=D(2015, 8, 1), end_date=D(2020, 5, 31))
    WorkRecord.objects.create(cadre=cadre, unit=b, post="副科长", start_date=D(2020, 9, 1))
    enter_pool(cadre, on=D(2020, 3, 1))
    assert by_unit(D(2020, 6, 30)) == {"乙单位": 1}


def test_member_without_work_records_counts_in_the_current_unit(units):
    enter_pool(make_cadre(unit=units[0]), on=D(2020, 3, 1))
    assert by_unit(D(2020, 6, 30)) == {"甲单位": 1}


def test_list_of_a_unit_on_a_date_holds_who_was_there_and_names_that_unit(client, units):
    cadre = moved_cadre(units, name="调动者")
    enter_pool(cadre, on=D(2020, 3, 1))
    client.force_login(make_user(LEADER))
    before = client.get(f"/pool/list/?as_of=2020-06-30&unit={units[0].pk}")
    assert [m.cadre for m in before.context["members"]] == [cadre]
    assert "<td>甲单位</td>" in before.content.decode()
    assert not client.get(f"/pool/list/?as_of=2021-07-31&unit={units[0].pk}").context["members"]
    after = client.get(f"/pool/list/?as_of=2021-07-31&unit={units[1].pk}")
    assert [m.cadre for m in after.context["members"]] == [cadre]


@pytest.mark.parametrize("day", ["2020-06-30", "2021-07-31"])
def test_every_figure_links_to_a_list_of_exactly_that_many_people(client, units, day):
    enter_pool(moved_cadre(units), on=D(2020, 3, 1))
    enter_pool(moved_cadre(units), on=D(2020, 3, 1))
    enter_pool(make_cadre(unit=units[0]), on=D(2020, 3, 1))
    enter_pool(make_cadre(unit=units[1]), on=D(2020, 3, 1))
    client.force_login(make_user(LEADER))
    links = COUNT_LINK.findall(client.get(f"/pool/?as_of={day}").content.decode())
    assert len(links) == 2 * 2 + 2  # per unit: 年轻干部 and 合计; then the same two totals
    for href, figure in links:
        assert len(client.get(unescape(href)).context["members"]) == int(figure), href


def test_scoped_user_counts_only_who_was_in_their_units_that_day(client, units):
    enter_pool(moved_cadre(units), on=D(2020, 3, 1))
    enter_pool(make_cadre(unit=units[1]), on=D(2020, 3, 1))
    client.force_login(make_user(READ_ONLY, units=[units[1]]))
    counts = client.get("/pool/?as_of=2020-06-30").context["counts"]
    assert [(row.unit.name, row.total) for row in counts.rows] == [("乙单位", 1)]
    assert counts.total == 1
    assert len(client.get("/pool/list/?as_of=2020-06-30").context["members"]) == 1


def test_counting_costs_the_same_queries_however_many_moved(units):
    enter_pool(moved_cadre(units), on=D(2020, 3, 1))
    with CaptureQueriesContext(connection) as few:
        pool_counts(Cadre.objects.all(), D(2020, 6, 30))
    for _ in range(5):
        enter_pool(moved_cadre(units), on=D(2020, 3, 1))
    with CaptureQueriesContext(connection) as many:
        assert pool_counts(Cadre.objects.all(), D(2020, 6, 30)).total == 6
    assert len(few) == len(many) == 2
