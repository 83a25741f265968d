"""Leave: recorded, approved (A and B never away together unless the head covers), and closed on return."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.services import audit

from ..approval import approval_conflicts, approval_uncovered, uncovered_warnings
from ..audit_actions import StaffingAction
from ..choices import LeaveStatus
from ..models import HeadCover, Leave
from ..periods import period_text

ALREADY_APPROVED = "该请假已批准，不能重复批准"
A_AND_B_TOGETHER = (
    "{name}与{partner}同为“{section}”的A、B角，{days}将同时不在岗：按规定A、B角不能同时离岗，"
    "须记录由科室负责人代岗后才能批准"
)
NO_HEAD = "“{section}”未设负责人，不能由负责人代岗；请先在数据维护中填写该科室的负责人"
HEAD_AWAY_TOO = "“{section}”的负责人{head}在{days}也不在岗，不能代岗"
NOT_APPROVED = "该请假尚未批准，不能销假"
ALREADY_RETURNED = "该请假已于{date}销假"
RETURN_NOT_AFTER_START = "返岗日期须晚于请假开始日期（{date}）"

REQUESTED_SUMMARY = "{name} {kind}（{period}）登记请假"
APPROVED_SUMMARY = "批准 {name} {kind}（{period}）"
RETURNED_SUMMARY = "{name} {returned}返岗，销假"


@dataclass
class Approval:
    leave: Leave
    warnings: list  # Chinese sentences naming each section left with nobody


def leave_request_create(*, cadre, kind, start_date, end_date, user, reason="", handover="", handover_on=None):
    """Record a leave waiting for approval, with what was handed over to the B, and return it."""
    with transaction.atomic():
        leave = Leave(
            cadre=cadre,
            kind=kind,
            start_date=start_date,
            end_date=end_date,
            reason=reason,
            handover=handover,
            handover_on=handover_on,
            recorded_by=user,
        )
        leave.full_clean()
        leave.save()
        audit(
            action=StaffingAction.LEAVE_REQUESTED,
            user=user,
            summary=REQUESTED_SUMMARY.format(name=cadre, kind=leave.get_kind_display(), period=_period(leave)),
            data={"leave": leave.pk, "cadre": cadre.pk, "start": start_date.isoformat(), "end": end_date.isoformat()},
        )
    return leave


def leave_approve(*, leave, user, head_cover_sections=()):
    """Approve `leave` and return an Approval with the warnings of the sections it leaves with nobody.

    Refused where the person's A or B partner is away on some of the same days, unless that section is in
    `head_cover_sections`: its head is then recorded as cover (HeadCover), provided there is a head and the
    head is not away too.
    """
    chosen = {getattr(section, "pk", section) for section in head_cover_sections}
    with transaction.atomic():
        leave = Leave.objects.select_for_update().select_related("cadre").get(pk=leave.pk)
        if leave.status != LeaveStatus.PENDING:
            raise ValidationError(ALREADY_APPROVED)
        refusals = []
        for conflict in approval_conflicts(leave):
            refusal = _head_cover(leave, conflict) if conflict.section.pk in chosen else _together(leave, conflict)
            if refusal:
                refusals.append(refusal)
        if refusals:
            raise ValidationError(refusals)
        leave.status = LeaveStatus.APPROVED
        leave.approved_by = user
        leave.approved_at = timezone.now()
        leave.full_clean()
        leave.save()
        warnings = uncovered_warnings(approval_uncovered(leave))
        audit(
            action=StaffingAction.LEAVE_APPROVED,
            user=user,
            summary=APPROVED_SUMMARY.format(name=leave.cadre, kind=leave.get_kind_display(), period=_period(leave)),
            data={
                "leave": leave.pk,
                "cadre": leave.cadre_id,
                "head_covers": sorted(leave.head_covers.values_list("section", flat=True)),
                "warnings": warnings,
            },
        )
    return Approval(leave, warnings)


def _together(leave, conflict):
    return A_AND_B_TOGETHER.format(
        name=leave.cadre, partner=conflict.partner, section=conflict.section, days=conflict.days_text
    )


def _head_cover(leave, conflict):
    """Record the section's head as cover of `leave`; return the refusal instead if the head cannot."""
    head = conflict.section.head
    if head is None:
        return NO_HEAD.format(section=conflict.section)
    away = Leave.objects.away_between(conflict.days[0], conflict.days[-1]).filter(cadre=head).exists()
    if head.pk in (leave.cadre_id, conflict.partner.pk) or away:
        return HEAD_AWAY_TOO.format(section=conflict.section, head=head, days=conflict.days_text)
    cover = HeadCover(leave=leave, section=conflict.section, head=head)
    cover.full_clean()
    cover.save()
    return None


def leave_return(*, leave, returned_on, user, handback=""):
    """Close an approved leave: the day its holder is back (`returned_on`) and what the B handed back.

    Back before the leave's last day, the leave ends the day before: from then on the person is not away.
    """
    with transaction.atomic():
        leave = Leave.objects.select_for_update().select_related("cadre").get(pk=leave.pk)
        if leave.status != LeaveStatus.APPROVED:
            raise ValidationError(NOT_APPROVED)
        if leave.returned_on is not None:
            raise ValidationError(ALREADY_RETURNED.format(date=leave.returned_on.isoformat()))
        if returned_on <= leave.start_date:
            raise ValidationError(RETURN_NOT_AFTER_START.format(date=leave.start_date.isoformat()))
        leave.returned_on = returned_on
        leave.handback = handback
        if returned_on <= leave.end_date:
            leave.end_date = returned_on - datetime.timedelta(days=1)
        leave.full_clean()
        leave.save()
        audit(
            action=StaffingAction.LEAVE_RETURNED,
            user=user,
            summary=RETURNED_SUMMARY.format(name=leave.cadre, returned=returned_on.isoformat()),
            data={"leave": leave.pk, "cadre": leave.cadre_id, "returned_on": returned_on.isoformat()},
        )
    return leave


def _period(leave):
    return period_text(leave.start_date, leave.end_date)
