"""Who was in the pool on a past date, with which status (Cadre.objects.in_pool_on,
PoolMembership.objects.on / with_status_on): entered on or before the day, not yet left."""

import datetime

import pytest

from cadres.models import Cadre, PoolMembership
from tests.factories import enter_pool, leave_pool, move_in_pool

D = datetime.date


pytestmark = pytest.mark.django_db


@pytest.fixture
def membership():
    """Entered 2020-03-01, under review from 2020-09-01, left 2021-03-01."""
    membership = enter_pool(on=D(2020, 3, 1))
    move_in_pool(membership, "已列为考察对象", D(2020, 9, 1))
    return leave_pool(membership, D(2021, 3, 1))


def status_on(membership, day):
    row = PoolMembership.objects.on(day).with_status_on(day).filter(pk=membership.pk).first()
    return row.status_on if row else None


def test_not_in_pool_the_day_before_entering(membership):
    assert not Cadre.objects.in_pool_on(D(2020, 2, 29)).filter(pk=membership.cadre_id).exists()
    assert status_on(membership, D(2020, 2, 29)) is None


def test_in_pool_on_the_entry_day_as_young_cadre(membership):
    assert Cadre.objects.in_pool_on(D(2020, 3, 1), status="年轻干部").filter(pk=membership.cadre_id).exists()
    assert status_on(membership, D(2020, 3, 1)) == "年轻干部"


def test_status_before_the_change_day_is_the_old_one(membership):
    assert status_on(membership, D(2020, 8, 31)) == "年轻干部"
    assert not Cadre.objects.in_pool_on(D(2020, 8, 31), status="已列为考察对象").exists()


def test_status_on_the_change_day_is_the_new_one(membership):
    assert status_on(membership, D(2020, 9, 1)) == "已列为考察对象"
    assert list(Cadre.objects.in_pool_on(D(2020, 9, 1), status="已列为考察对象")) == [membership.cadre]
    assert not Cadre.objects.in_pool_on(D(2020, 9, 1), status="年轻干部").exists()


def test_still_in_pool_the_day_before_exit(membership):
    assert status_on(membership, D(2021, 2, 28)) == "已列为考察对象"


def test_out_of_pool_on_the_exit_day(membership):
    assert not Cadre.objects.in_pool_on(D(2021, 3, 1)).exists()
    assert status_on(membership, D(2021, 3, 1)) is None


def test_later_of_two_changes_on_one_day_is_the_status_that_day():
    membership = enter_pool(on=D(2020, 3, 1))
    move_in_pool(membership, "已列为考察对象", D(2020, 9, 1))
    move_in_pool(membership, "已使用", D(2020, 9, 1))
    assert status_on(membership, D(2020, 9, 1)) == "已使用"


def test_re_entered_cadre_is_counted_once_per_day():
    first = enter_pool(on=D(2019, 1, 1))
    leave_pool(first, D(2019, 6, 1))
    enter_pool(first.cadre, on=D(2020, 1, 1))
    assert not Cadre.objects.in_pool_on(D(2019, 8, 1)).exists()
    assert Cadre.objects.in_pool_on(D(2020, 1, 1)).count() == 1
    assert Cadre.objects.in_pool_on(D(2019, 3, 1)).count() == 1
