"""Writes to the young-cadre pool (年轻干部库): entering, moving along, leaving.

Each service checks the move, runs full_clean(), saves inside one transaction and records an
audit event; a refused move raises ValidationError with one of the messages below and leaves
the data as it was. Who may call them is the views' business (cadres.change_poolmembership).
The status a move starts from is read by the one rule (selectors.membership_status).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import audit

from ..audit_actions import CadreAction
from ..dates import day_in_words
from ..models import Cadre
from .models import ALREADY_IN_POOL, PoolMembership, PoolStatus, PoolStatusChange
from .selectors import membership_status

DATE_IN_FUTURE = "日期不能晚于今天（{today}）"
REASON_REQUIRED = "请填写理由"
NOT_ON_ROSTER = "该干部在{date}不在职，不能列入年轻干部库"
ENTRY_BEFORE_LAST_EXIT = "入库时间不能早于上次出库时间（{date}）"
MOVE_REFUSED = "状态不能从“{current}”变更为“{status}”（可变更为：{allowed}）"
NO_MOVE_LEFT = "无"
DATE_BEFORE_LAST_CHANGE = "日期不能早于上一次状态变更（{date}）"
ALREADY_LEFT = "该干部已于{date}移出年轻干部库，不能再变更"
ENTERED_MEANWHILE = "该干部已在年轻干部库中（可能刚被他人录入），请刷新后查看"
BULK_REFUSED = "{name}：{reason}"

ENTERED_SUMMARY = "{name} 列入年轻干部库（{date}，{recommended_by}推荐）"
CHANGED_SUMMARY = "{name} 年轻干部库状态：{current} → {status}（{date}）"
EXITED_SUMMARY = "{name} 移出年轻干部库（{date}）"


def _check_common(day, reason):
    today = timezone.localdate()
    if day > today:
        raise ValidationError(DATE_IN_FUTURE.format(today=day_in_words(today)))
    if not (reason or "").strip():
        raise ValidationError(REASON_REQUIRED)


def _locked(membership):
    """Re-read the membership under a row lock, so two clerks' moves are checked one after the other."""
    locked = PoolMembership.objects.select_for_update().select_related("cadre").get(pk=membership.pk)
    if locked.left_on is not None:
        raise ValidationError(ALREADY_LEFT.format(date=day_in_words(locked.left_on)))
    return locked


def pool_entry_create(*, cadre, entered_on, recommended_by, reason, user):
    """Put `cadre` into the pool on `entered_on` with the status 年轻干部, and return the membership.

    Refused when the cadre is not on the roster that day, is already in the pool, or would
    re-enter before the day of their last exit.
    """
    _check_common(entered_on, reason)
    with transaction.atomic():
        if not Cadre.objects.on_roster(entered_on).filter(pk=cadre.pk).exists():
            raise ValidationError(NOT_ON_ROSTER.format(date=day_in_words(entered_on)))
        previous = PoolMembership.objects.filter(cadre=cadre)
        if previous.open().exists():
            raise ValidationError(ALREADY_IN_POOL)
        last_exit = previous.order_by("-left_on").values_list("left_on", flat=True).first()
        if last_exit is not None and entered_on < last_exit:
            raise ValidationError(ENTRY_BEFORE_LAST_EXIT.format(date=day_in_words(last_exit)))
        membership = PoolMembership(cadre=cadre, entered_on=entered_on, recommended_by=recommended_by, reason=reason)
        membership.full_clean()
        _save_new_membership(membership)
        first = PoolStatusChange(
            membership=membership, status=PoolStatus.RESERVE, changed_on=entered_on, changed_by=user, reason=reason
        )
        first.full_clean()
        first.save()
        audit(
            action=CadreAction.POOL_ENTERED,
            user=user,
            summary=ENTERED_SUMMARY.format(
                name=cadre.name, date=day_in_words(entered_on), recommended_by=recommended_by
            ),
            data={"cadre": cadre.pk, "membership": membership.pk, "entered_on": entered_on.isoformat()},
        )
    return membership


def pool_entries_create(*, cadres, entered_on, recommended_by, reason, user):
    """Put every one of `cadres` into the pool as pool_entry_create does, all or none; return the memberships.

    Each entry is checked and audited on its own (one audit entry per person); a refusal of any one
    raises ValidationError naming each refused person, and nothing is written.
    """
    _check_common(entered_on, reason)
    memberships, refused = [], []
    with transaction.atomic():
        for cadre in cadres:
            try:
                with transaction.atomic():
                    memberships.append(
                        pool_entry_create(
                            cadre=cadre, entered_on=entered_on, recommended_by=recommended_by, reason=reason, user=user
                        )
                    )
            except ValidationError as error:
                refused.extend(BULK_REFUSED.format(name=cadre.name, reason=message) for message in error.messages)
        if refused:
            raise ValidationError(refused)  # leaving the block rolls back the entries already made
    return memberships


def _save_new_membership(membership):
    """Insert `membership`; a clerk who entered the same cadre since the checks above gets a clear refusal.

    Two entries of one cadre can both pass the checks (PostgreSQL runs them side by side; there is
    no row yet to lock), and the second insert then breaks pool_one_open_membership. Only that case
    is turned into a message: any other IntegrityError is a fault and propagates.
    """
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        if PoolMembership.objects.filter(cadre=membership.cadre_id).open().exists():
            raise ValidationError(ENTERED_MEANWHILE) from None
        raise


def pool_status_change(*, membership, status, changed_on, reason, user):
    """Move `membership` to `status` on `changed_on` and return the new PoolStatusChange.

    Allowed: 年轻干部 → 已列为考察对象 → 已使用, and any status but 已撤销资格 → 已撤销资格
    (PoolStatus.next_statuses); never dated before the previous change, never after an exit.
    """
    _check_common(changed_on, reason)
    with transaction.atomic():
        membership = _locked(membership)
        current, since = membership_status(membership)
        allowed = current.next_statuses()
        if status not in allowed:
            raise ValidationError(
                MOVE_REFUSED.format(
                    current=current.label,
                    status=status,
                    allowed="、".join(choice.label for choice in allowed) or NO_MOVE_LEFT,
                )
            )
        if changed_on < since:
            raise ValidationError(DATE_BEFORE_LAST_CHANGE.format(date=day_in_words(since)))
        change = PoolStatusChange(
            membership=membership, status=status, changed_on=changed_on, changed_by=user, reason=reason
        )
        change.full_clean()
        change.save()
        audit(
            action=CadreAction.POOL_STATUS_CHANGED,
            user=user,
            summary=CHANGED_SUMMARY.format(
                name=membership.cadre.name,
                current=current.label,
                status=PoolStatus(status).label,
                date=day_in_words(changed_on),
            ),
            data={
                "cadre": membership.cadre_id,
                "membership": membership.pk,
                "from": current.value,
                "to": str(status),
                "changed_on": changed_on.isoformat(),
            },
        )
    return change


def pool_exit(*, membership, left_on, reason, user):
    """Take `membership` out of the pool on `left_on` (not before its last status change) and return it."""
    _check_common(left_on, reason)
    with transaction.atomic():
        membership = _locked(membership)
        _, since = membership_status(membership)
        if left_on < since:
            raise ValidationError(DATE_BEFORE_LAST_CHANGE.format(date=day_in_words(since)))
        membership.left_on = left_on
        membership.left_reason = reason
        membership.full_clean()
        membership.save()
        audit(
            action=CadreAction.POOL_EXITED,
            user=user,
            summary=EXITED_SUMMARY.format(name=membership.cadre.name, date=day_in_words(left_on)),
            data={"cadre": membership.cadre_id, "membership": membership.pk, "left_on": left_on.isoformat()},
        )
    return membership
