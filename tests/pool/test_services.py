"""The pool's writes (cadres/pool/services.py): allowed and refused moves with their exact messages,
dates never before the previous change, one open membership, audit entries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.roles import CADRE_SECTION
from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.dates import day_in_words
from cadres.models import PoolMembership, PoolStatusChange
from cadres.pool import services as pool
from cadres.pool.models import ALREADY_IN_POOL
from tests.factories import enter_pool, leave_pool, make_cadre, make_user, move_in_pool

D = datetime.date


pytestmark = pytest.mark.django_db


def refused(call, *args, **kwargs):
    """Run `call` expecting a refusal and return its messages."""
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return caught.value.messages


# --- entering -------------------------------------------------------------------------------------


def test_entry_starts_as_young_cadre_on_the_entry_day():
    membership = enter_pool(on=D(2020, 3, 1))
    change = membership.status_changes.get()
    assert (change.status, change.changed_on, change.reason) == ("年轻干部", D(2020, 3, 1), "表现突出")


def test_second_entry_while_in_the_pool_is_refused():
    membership = enter_pool(on=D(2020, 3, 1))
    assert refused(enter_pool, membership.cadre, on=D(2020, 4, 1)) == [ALREADY_IN_POOL]
    assert PoolMembership.objects.count() == 1


def test_one_open_membership_is_also_a_database_constraint():
    membership = enter_pool(on=D(2020, 3, 1))
    second = PoolMembership(cadre=membership.cadre, entered_on=D(2020, 4, 1), recommended_by="党委")
    assert refused(second.full_clean) == [ALREADY_IN_POOL]


def test_re_entry_before_the_last_exit_is_refused():
    membership = leave_pool(enter_pool(on=D(2020, 3, 1)), D(2020, 6, 1))
    messages = refused(enter_pool, membership.cadre, on=D(2020, 5, 31))
    assert messages == [pool.ENTRY_BEFORE_LAST_EXIT.format(date="2020年6月1日")]


def test_re_entry_on_the_exit_day_is_allowed():
    membership = leave_pool(enter_pool(on=D(2020, 3, 1)), D(2020, 6, 1))
    assert enter_pool(membership.cadre, on=D(2020, 6, 1)).entered_on == D(2020, 6, 1)


def test_cadre_not_yet_on_the_roster_cannot_enter():
    cadre = make_cadre(entry_date=D(2020, 8, 1))
    assert refused(enter_pool, cadre, on=D(2020, 7, 31)) == [pool.NOT_ON_ROSTER.format(date="2020年7月31日")]


def test_entry_dated_after_today_is_refused():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    messages = refused(enter_pool, on=tomorrow)
    assert messages == [pool.DATE_IN_FUTURE.format(today=day_in_words(timezone.localdate()))]


def test_entry_without_a_reason_is_refused():
    messages = refused(
        pool.pool_entry_create,
        cadre=make_cadre(),
        entered_on=D(2020, 3, 1),
        recommended_by="党委",
        reason="  ",
        user=make_user(CADRE_SECTION),
    )
    assert messages == [pool.REASON_REQUIRED]
    assert not PoolMembership.objects.exists()


# --- moving along ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ([], "已列为考察对象"),
        (["已列为考察对象"], "已使用"),
        ([], "已撤销资格"),
        (["已列为考察对象"], "已撤销资格"),
        (["已列为考察对象", "已使用"], "已撤销资格"),
    ],
    ids=["reserve-to-review", "review-to-used", "reserve-revoked", "review-revoked", "used-revoked"],
)
def test_allowed_moves(path, target):
    membership = enter_pool(on=D(2020, 3, 1))
    for status in path:
        move_in_pool(membership, status, D(2020, 6, 1))
    assert move_in_pool(membership, target, D(2020, 7, 1)).status == target


def test_skipping_the_review_is_refused_with_the_allowed_moves_named():
    membership = enter_pool(on=D(2020, 3, 1))
    messages = refused(move_in_pool, membership, "已使用", D(2020, 6, 1))
    assert messages == ["状态不能从“年轻干部”变更为“已使用”（可变更为：已列为考察对象、已撤销资格）"]


def test_going_back_is_refused():
    membership = enter_pool(on=D(2020, 3, 1))
    move_in_pool(membership, "已列为考察对象", D(2020, 6, 1))
    messages = refused(move_in_pool, membership, "年轻干部", D(2020, 7, 1))
    assert messages == ["状态不能从“已列为考察对象”变更为“年轻干部”（可变更为：已使用、已撤销资格）"]


def test_revoked_status_cannot_move_at_all():
    membership = enter_pool(on=D(2020, 3, 1))
    move_in_pool(membership, "已撤销资格", D(2020, 6, 1))
    messages = refused(move_in_pool, membership, "已撤销资格", D(2020, 7, 1))
    assert messages == ["状态不能从“已撤销资格”变更为“已撤销资格”（可变更为：无）"]


def test_change_dated_before_the_previous_change_is_refused():
    membership = enter_pool(on=D(2020, 3, 1))
    move_in_pool(membership, "已列为考察对象", D(2020, 6, 1))
    messages = refused(move_in_pool, membership, "已使用", D(2020, 5, 31))
    assert messages == [pool.DATE_BEFORE_LAST_CHANGE.format(date="2020年6月1日")]
    assert membership.status_changes.count() == 2


def test_change_on_the_day_of_the_previous_change_is_allowed():
    membership = enter_pool(on=D(2020, 3, 1))
    assert move_in_pool(membership, "已列为考察对象", D(2020, 3, 1)).changed_on == D(2020, 3, 1)


def test_change_after_exit_is_refused():
    membership = leave_pool(enter_pool(on=D(2020, 3, 1)), D(2020, 6, 1))
    messages = refused(move_in_pool, membership, "已列为考察对象", D(2020, 7, 1))
    assert messages == [pool.ALREADY_LEFT.format(date="2020年6月1日")]


def test_change_records_who_made_it():
    user = make_user(CADRE_SECTION)
    change = move_in_pool(enter_pool(on=D(2020, 3, 1)), "已列为考察对象", D(2020, 6, 1), user=user)
    assert change.changed_by == user


# --- leaving --------------------------------------------------------------------------------------


def test_exit_before_the_last_change_is_refused():
    membership = enter_pool(on=D(2020, 3, 1))
    move_in_pool(membership, "已列为考察对象", D(2020, 6, 1))
    assert refused(leave_pool, membership, D(2020, 5, 1)) == [pool.DATE_BEFORE_LAST_CHANGE.format(date="2020年6月1日")]
    membership.refresh_from_db()
    assert membership.left_on is None


def test_second_exit_is_refused():
    membership = leave_pool(enter_pool(on=D(2020, 3, 1)), D(2020, 6, 1))
    assert refused(leave_pool, membership, D(2020, 7, 1)) == [pool.ALREADY_LEFT.format(date="2020年6月1日")]


def test_exit_records_date_and_reason():
    membership = leave_pool(enter_pool(on=D(2020, 3, 1)), D(2020, 6, 1))
    membership.refresh_from_db()
    assert (membership.left_on, membership.left_reason) == (D(2020, 6, 1), "调离本区")


# --- audit ----------------------------------------------------------------------------------------


def test_each_move_leaves_one_audit_event_with_its_user():
    user = make_user(CADRE_SECTION)
    membership = enter_pool(on=D(2020, 3, 1), user=user, name="王芳")
    move_in_pool(membership, "已列为考察对象", D(2020, 6, 1), user=user)
    leave_pool(membership, D(2020, 9, 1), user=user)
    events = list(AuditEvent.objects.order_by("pk"))
    assert [event.action for event in events] == [
        CadreAction.POOL_ENTERED,
        CadreAction.POOL_STATUS_CHANGED,
        CadreAction.POOL_EXITED,
    ]
    assert {event.user for event in events} == {user}
    assert [event.summary for event in events] == [
        "王芳 列入年轻干部库（2020年3月1日，组织部门推荐）",
        "王芳 年轻干部库状态：年轻干部 → 已列为考察对象（2020年6月1日）",
        "王芳 移出年轻干部库（2020年9月1日）",
    ]
    assert events[1].data == {
        "cadre": membership.cadre_id,
        "membership": membership.pk,
        "from": "年轻干部",
        "to": "已列为考察对象",
        "changed_on": "2020-06-01",
    }


def test_refused_move_leaves_no_audit_event_and_no_change():
    membership = enter_pool(on=D(2020, 3, 1))
    before = AuditEvent.objects.count(), PoolStatusChange.objects.count()
    refused(move_in_pool, membership, "已使用", D(2020, 6, 1))
    assert (AuditEvent.objects.count(), PoolStatusChange.objects.count()) == before
