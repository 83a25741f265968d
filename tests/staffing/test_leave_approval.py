"""Leave through its services (staffing/services/leaves.py): A and B never away together unless the head is
recorded as cover; a warning naming each section left with nobody; the return and its hand-back."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from accounts.roles import LEADER
from audit.models import AuditEvent
from staffing.approval import approval_check
from staffing.audit_actions import StaffingAction
from staffing.choices import LeaveStatus
from staffing.models import HeadCover, Leave
from staffing.services.leaves import leave_approve, leave_request_create, leave_return
from tests.factories import add_member, make_leave, make_section, make_user, staffed_section

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def leader():
    return make_user(LEADER)


@pytest.fixture
def paired():
    """干部科 with its A away from 6月30日 to 7月2日 and a head (from 办公室) who can cover."""
    section, a, b = staffed_section("干部科")
    section.head = add_member(make_section("办公室", unit=section.unit))
    section.save()
    make_leave(a, D(2025, 6, 30), D(2025, 7, 2))
    return section, a, b


def request(cadre, start, end, user, kind="出差"):
    return leave_request_create(cadre=cadre, kind=kind, start_date=start, end_date=end, user=user)


def test_a_leave_taking_away_the_b_while_the_a_is_away_is_refused_naming_both_and_the_days(paired, leader):
    _section, a, b = paired
    leave = request(b, D(2025, 7, 1), D(2025, 7, 3), leader)
    with pytest.raises(ValidationError) as refused:
        leave_approve(leave=leave, user=leader)
    assert refused.value.messages == [
        f"{b.name}与{a.name}同为“干部科”的A、B角，2025-07-01至2025-07-02将同时不在岗：按规定A、B角不能同时离岗，"
        "须记录由科室负责人代岗后才能批准"
    ]
    leave.refresh_from_db()
    assert (leave.status, leave.head_covers.count()) == (LeaveStatus.PENDING, 0)


def test_with_the_head_recorded_as_cover_the_leave_is_approved(paired, leader):
    section, _, b = paired
    leave = request(b, D(2025, 7, 1), D(2025, 7, 3), leader)
    approval = leave_approve(leave=leave, user=leader, head_cover_sections=[section])
    assert approval.leave.status == LeaveStatus.APPROVED
    assert approval.leave.approved_by == leader
    assert list(HeadCover.objects.values_list("leave", "section", "head")) == [(leave.pk, section.pk, section.head.pk)]
    assert approval.warnings == []


def test_a_section_without_a_head_cannot_be_covered_by_its_head(paired, leader):
    section, _, b = paired
    section.head = None
    section.save()
    leave = request(b, D(2025, 7, 1), D(2025, 7, 1), leader)
    with pytest.raises(ValidationError) as refused:
        leave_approve(leave=leave, user=leader, head_cover_sections=[section])
    assert refused.value.messages == ["“干部科”未设负责人，不能由负责人代岗；请先在数据维护中填写该科室的负责人"]


def test_a_head_away_on_those_days_cannot_cover(paired, leader):
    section, _, b = paired
    make_leave(section.head, D(2025, 7, 2), D(2025, 7, 2))
    leave = request(b, D(2025, 7, 1), D(2025, 7, 2), leader)
    with pytest.raises(ValidationError) as refused:
        leave_approve(leave=leave, user=leader, head_cover_sections=[section])
    assert refused.value.messages == [f"“干部科”的负责人{section.head.name}在2025-07-01至2025-07-02也不在岗，不能代岗"]


def test_a_leave_the_day_after_the_partner_returns_is_no_conflict(paired, leader):
    _, _, b = paired
    leave = request(b, D(2025, 7, 3), D(2025, 7, 4), leader)
    assert leave_approve(leave=leave, user=leader).leave.status == LeaveStatus.APPROVED


def test_approving_a_leave_that_leaves_a_section_with_nobody_warns_naming_it(leader):
    _, a, _ = staffed_section("人才科", staff=1)
    leave = request(a, D(2025, 6, 27), D(2025, 7, 4), leader, kind="休假")
    approval = leave_approve(leave=leave, user=leader)
    assert approval.leave.status == LeaveStatus.APPROVED
    assert approval.warnings == [f"注意：批准后“人才科”2025-06-27至2025-07-04无人接手（A角{a.name}不在岗，未设B角）"]


def test_the_preview_shows_the_warning_before_approving(leader):
    _, a, _ = staffed_section("人才科", staff=1)
    leave = request(a, D(2025, 7, 1), D(2025, 7, 1), leader, kind="休假")
    check = approval_check(leave)
    assert (check.conflicts, check.warnings) == (
        [],
        [f"注意：批准后“人才科”2025-07-01无人接手（A角{a.name}不在岗，未设B角）"],
    )
    assert Leave.objects.get().status == LeaveStatus.PENDING


def test_approving_a_leave_covered_by_the_b_gives_no_warning(leader):
    _, a, _ = staffed_section("干部科")
    approval = leave_approve(leave=request(a, D(2025, 7, 1), D(2025, 7, 5), leader), user=leader)
    assert approval.warnings == []


def test_a_leave_is_approved_once(leader):
    _, a, _ = staffed_section("干部科")
    leave = make_leave(a, D(2025, 7, 1), D(2025, 7, 1), user=leader)
    with pytest.raises(ValidationError) as refused:
        leave_approve(leave=leave, user=leader)
    assert refused.value.messages == ["该请假已批准，不能重复批准"]


def test_approval_is_audited_with_its_warnings(leader):
    _, a, _ = staffed_section("人才科", staff=1)
    leave = request(a, D(2025, 7, 1), D(2025, 7, 1), leader, kind="休假")
    leave_approve(leave=leave, user=leader)
    event = AuditEvent.objects.get(action=StaffingAction.LEAVE_APPROVED)
    assert (event.user, event.summary) == (leader, f"批准 {a.name} 休假（2025-07-01）")
    assert event.data["warnings"] == [f"注意：批准后“人才科”2025-07-01无人接手（A角{a.name}不在岗，未设B角）"]


def test_leave_overlapping_another_of_the_same_person_is_refused(leader):
    _, a, _ = staffed_section("干部科")
    request(a, D(2025, 7, 1), D(2025, 7, 3), leader)
    with pytest.raises(ValidationError) as refused:
        request(a, D(2025, 7, 3), D(2025, 7, 4), leader)
    assert refused.value.messages == [f"{a.name}2025-07-01至2025-07-03已有请假（出差，待批准），时间不能重叠"]
    assert Leave.objects.count() == 1


def test_a_return_before_the_last_day_ends_the_leave_the_day_before(leader):
    _, a, _ = staffed_section("干部科")
    leave = make_leave(a, D(2025, 7, 1), D(2025, 7, 10), user=leader)
    leave = leave_return(leave=leave, returned_on=D(2025, 7, 8), handback="干部档案审核3件已办结", user=leader)
    assert (leave.end_date, leave.returned_on, leave.handback) == (
        D(2025, 7, 7),
        D(2025, 7, 8),
        "干部档案审核3件已办结",
    )
    assert AuditEvent.objects.filter(action=StaffingAction.LEAVE_RETURNED).count() == 1


def test_a_return_on_the_first_day_is_refused(leader):
    _, a, _ = staffed_section("干部科")
    leave = make_leave(a, D(2025, 7, 1), D(2025, 7, 10), user=leader)
    with pytest.raises(ValidationError) as refused:
        leave_return(leave=leave, returned_on=D(2025, 7, 1), user=leader)
    assert refused.value.messages == ["返岗日期须晚于请假开始日期（2025-07-01）"]


def test_a_pending_leave_cannot_be_returned(leader):
    _, a, _ = staffed_section("干部科")
    leave = make_leave(a, D(2025, 7, 1), D(2025, 7, 10), approve=False, user=leader)
    with pytest.raises(ValidationError) as refused:
        leave_return(leave=leave, returned_on=D(2025, 7, 5), user=leader)
    assert refused.value.messages == ["该请假尚未批准，不能销假"]
