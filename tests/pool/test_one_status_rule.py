"""One rule for "pool status on a date": the roster's filter and column, the pool page and the profile agree."""

import datetime

import pytest

from accounts.roles import LEADER
from cadres.models import Cadre, PoolMembership
from cadres.pool.models import NOT_IN_POOL
from tests.factories import enter_pool, leave_pool, make_cadre, make_unit, make_user, move_in_pool
from tests.reports.helpers import url

D = datetime.date


pytestmark = pytest.mark.django_db

DATES = [D(2020, 2, 29), D(2020, 3, 1), D(2020, 12, 31), D(2021, 1, 1), D(2021, 6, 30), D(2021, 7, 1), D(2021, 7, 31)]


@pytest.fixture
def pool():
    """甲 enters 2020-03-01 and is 考察对象 from 2021-01-01; 乙 enters and leaves 2021-07-01;
    丙's membership has no status change recorded at all (an import or a hand entry)."""
    unit = make_unit("甲单位")
    move_in_pool(enter_pool(make_cadre(name="甲", unit=unit)), "已列为考察对象", D(2021, 1, 1))
    leave_pool(enter_pool(make_cadre(name="乙", unit=unit)), D(2021, 7, 1))
    PoolMembership.objects.create(
        cadre=make_cadre(name="丙", unit=unit), entered_on=D(2020, 12, 31), recommended_by="组织部门"
    )


def status_of(name, day):
    return Cadre.objects.with_pool_status_on(day, name="pool").get(name=name).pool


def test_membership_without_a_status_change_counts_as_young_cadre_from_entry(pool):
    assert status_of("丙", D(2020, 12, 30)) == NOT_IN_POOL
    assert status_of("丙", D(2020, 12, 31)) == "年轻干部"
    assert list(Cadre.objects.in_pool_on(D(2020, 12, 31), status="年轻干部").filter(name="丙")) == [
        Cadre.objects.get(name="丙")
    ]


def test_exit_day_is_out_and_entry_day_is_in(pool):
    assert status_of("乙", D(2020, 3, 1)) == "年轻干部"
    assert status_of("乙", D(2021, 6, 30)) == "年轻干部"
    assert status_of("乙", D(2021, 7, 1)) == NOT_IN_POOL


@pytest.mark.parametrize("day", DATES)
def test_roster_pool_filter_counts_equal_the_pool_page_counts(client, pool, day):
    client.force_login(make_user(LEADER))
    counts = client.get("/pool/", {"as_of": day.isoformat()}).context["counts"]
    for status, figure in counts.totals:
        params = [("as_of", day.isoformat()), ("pool_status", status.value)]
        assert client.get(url("/cadres.json", params)).json()["count"] == figure, (day, status)
    outside = client.get(url("/cadres.json", [("as_of", day.isoformat()), ("pool_status", NOT_IN_POOL)])).json()
    assert outside["count"] == Cadre.objects.count() - counts.total


@pytest.mark.parametrize("day", DATES)
def test_roster_column_and_profile_show_the_status_the_filter_finds(client, pool, day):
    client.force_login(make_user(LEADER))
    for cadre in Cadre.objects.with_pool_status_on(day, name="pool"):
        page = client.get(f"/cadres/{cadre.pk}/", {"as_of": day.isoformat()})
        assert page.context["standing"].pool_status == cadre.pool
        if cadre.pool != NOT_IN_POOL:
            assert Cadre.objects.in_pool_on(day, status=cadre.pool).filter(pk=cadre.pk).exists()
        else:
            assert not Cadre.objects.in_pool_on(day).filter(pk=cadre.pk).exists()
