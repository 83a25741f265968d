"""Rows refused because their 公民身份号码 belongs to a cadre outside the uploader's units.

The refusal has to name the row (the clerk must know why the file is refused), which tells the clerk that
the number is a cadre's of another unit. So every such refusal is recorded in the audit trail with the user
and the file, 干部科 sees how many there were (the 校核 page), and one user may be refused at most
IMPORT_OUT_OF_SCOPE_DAILY_CAP distinct numbers a day: past that, their uploads are refused whole, unread.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from audit.models import AuditEvent
from audit.services import audit

from ..audit_actions import CadreAction
from .problems import ImportRefused

CAP_REACHED = (
    "今天您上传的文件中已有{count}个公民身份号码属于您管理范围以外的干部（每日上限{cap}个），"
    "今天不能再导入；如确需导入，请联系干部科"
)
REFUSED_SUMMARY = "{file}：{count}行的公民身份号码属于管理范围以外的干部，已拒绝"


def daily_cap():
    return getattr(settings, "IMPORT_OUT_OF_SCOPE_DAILY_CAP", 20)


def refused_today(user):
    """Return the distinct numbers refused to `user` as out of scope since the start of the local day."""
    start = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))
    events = AuditEvent.objects.filter(user=user, action=CadreAction.IMPORT_OUT_OF_SCOPE, at__gte=start)
    return {number for data in events.values_list("data", flat=True) for number in data.get("ids", [])}


def out_of_scope_guard(user):
    """Refuse an upload unread when `user` has reached today's cap (ImportRefused)."""
    if user is None:
        return
    count = len(refused_today(user))
    if count >= daily_cap():
        raise ImportRefused(CAP_REACHED.format(count=count, cap=daily_cap()))


def out_of_scope_record(plan, *, user, request=None):
    """Record the plan's out-of-scope rows; ImportRefused, naming none of them, when they pass today's cap."""
    if user is None or not plan.out_of_scope:
        return
    earlier = refused_today(user)
    numbers = sorted(set(plan.out_of_scope))
    audit(
        action=CadreAction.IMPORT_OUT_OF_SCOPE,
        user=user,
        request=request,
        summary=REFUSED_SUMMARY.format(file=plan.filename, count=len(plan.out_of_scope)),
        data={"file": plan.filename, "sha256": plan.sha256, "ids": numbers, "rows": len(plan.out_of_scope)},
    )
    count = len(earlier | set(numbers))
    if count > daily_cap():
        raise ImportRefused(CAP_REACHED.format(count=count, cap=daily_cap()))


def out_of_scope_counts(days=30):
    """Return (refused rows, uploads, users) of the last `days` days, for 干部科."""
    since = timezone.now() - datetime.timedelta(days=days)
    events = AuditEvent.objects.filter(action=CadreAction.IMPORT_OUT_OF_SCOPE, at__gte=since)
    rows = sum(data.get("rows", 0) for data in events.values_list("data", flat=True))
    return rows, events.count(), events.values("user").distinct().count()
