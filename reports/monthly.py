"""Monthly reports: generate for a month, archive, and compare an archived month with today's data."""

import re
from dataclasses import dataclass, replace

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from audit.services import audit
from cadres.dates import month_end, month_in_words

from .audit_actions import ReportAction
from .crosscheck import require_checks_pass
from .models import MonthlyReport
from .monthly_sheets import MonthlyExtras, previous_month_end
from .stats import counted_cadres, young_cadre_stats
from .workbooks import workbook_filename, young_cadre_workbook

MONTH_FORMAT = "月份“{value}”格式不正确，应为 YYYY-MM，如 2021-07"
MONTH_RANGE = "月份“{value}”超出范围：应在1949-01至{latest:%Y-%m}（本月）之间"
MONTH_PATTERN = re.compile(r"(\d{4})-(\d{1,2})")


def parse_month(value, *, today=None):
    """Return the last day of the month "YYYY-MM", from 1949-01 to the month of `today` (default: the local date).

    ValueError with a Chinese message otherwise: a report of a month still to come is not archived.
    """
    match = MONTH_PATTERN.fullmatch((value or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(MONTH_FORMAT.format(value=value))
    year, month = int(match.group(1)), int(match.group(2))
    latest = today or timezone.localdate()
    if year < 1949 or (year, month) > (latest.year, latest.month):
        raise ValueError(MONTH_RANGE.format(value=value, latest=latest))
    return month_end(year, month)


def monthly_sheets():
    """Return the writers of the monthly workbook's further sheets (settings.MONTHLY_REPORT_SHEETS).

    Each is a function (book, params) that apps above reports contribute (e.g. staffing's 科室配备 and
    抽调情况), named in the setting so that reports imports none of them.
    """
    return [import_string(path) for path in getattr(settings, "MONTHLY_REPORT_SHEETS", ())]


def monthly_report_create(*, params, user=None, note="", preparer=None, today=None):
    """Compute the statistics for `params` (as_of a month's last day), write the workbook, archive it.

    District-wide by definition: the monthly report counts every unit. Return the MonthlyReport; raise
    CrossCheckError (nothing written or archived) when a cross-check of the figures fails. The cover names
    `preparer` (else the user's full name or login) as 填报人 and `today` (else the local date) as 填报日期.
    """
    stats = young_cadre_stats(params)
    previous = young_cadre_stats(replace(params, as_of=previous_month_end(params.as_of)))
    # A report that fails its cross-checks never goes up the chain, nor into the archive.
    require_checks_pass(stats)
    require_checks_pass(previous)
    authenticated = user is not None and user.is_authenticated
    if preparer is None:
        preparer = (user.get_full_name() or user.get_username()) if authenticated else ""
    extras = MonthlyExtras(preparer=preparer, filled=today or timezone.localdate(), previous=previous)
    content = young_cadre_workbook(stats, counted_cadres(params), extra_sheets=monthly_sheets(), monthly=extras)
    with transaction.atomic():
        report = MonthlyReport.objects.create(
            month=params.as_of.replace(day=1),
            **MonthlyReport.fields_of(params),
            total=stats.total,
            recent=stats.recent,
            groups=[{"name": group.name, "count": group.count, "recent": group.recent} for group in stats.groups],
            narrative=stats.narrative,
            filename=workbook_filename(params, prefix="月度报表"),
            content=content,
            sha256=MonthlyReport.digest(content),
            created_by=user if authenticated else None,
            created_by_name=user.get_username() if authenticated else "",
        )
        audit(
            action=ReportAction.MONTHLY_REPORT,
            user=user,
            summary=f"{month_in_words(params.as_of)}月度报表（{stats.total}人）{note}",
            data={"params": params.as_dict(), "rows": stats.total, "report": report.pk},
        )
    return report


def monthly_report_mark_sent(*, report, user):
    """Mark `report` as the version of its month that was sent (报送), by `user` now; return it.

    A month has one sent version: another one marked before loses the mark, and the audit entry says so.
    """
    with transaction.atomic():
        previous = list(
            MonthlyReport.objects.select_for_update()
            .filter(month=report.month, sent_at__isnull=False)
            .exclude(pk=report.pk)
            .values_list("pk", flat=True)
        )
        MonthlyReport.objects.filter(pk__in=previous).update(sent_at=None, sent_by=None, sent_by_name="")
        report.sent_at, report.sent_by, report.sent_by_name = timezone.now(), user, user.get_username()
        report.save(update_fields=["sent_at", "sent_by", "sent_by_name"])
        audit(
            action=ReportAction.MONTHLY_SENT,
            user=user,
            summary=f"{month_in_words(report.month)}月度报表第{report.pk}号版本标记为已报送（{report.total}人）",
            data={"report": report.pk, "sha256": report.sha256, "replaces": previous},
        )
    return report


def monthly_versions(reports):
    """Return `reports` with each one's `version_label`, the sent version of a month first.

    The others of a month with a sent version are 报送前的草稿 or 报送后重新生成 by their creation time.
    """
    sent = {report.month: report for report in reports if report.sent_at}
    for report in reports:
        mark = sent.get(report.month)
        if report.sent_at:
            report.version_label = "已报送"
        elif mark is None:
            report.version_label = "草稿（未标记报送）"
        elif report.created_at < mark.created_at:
            report.version_label = "报送前的草稿"
        else:
            report.version_label = "报送后重新生成"
    return sorted(reports, key=lambda report: (-report.month.toordinal(), report.sent_at is None))


@dataclass
class GroupDrift:
    name: str
    archived: int
    current: int

    @property
    def changed(self):
        return self.archived != self.current


def report_drift(report):
    """Return per-group (archived, recomputed now) counts of an archived report, to spot corrections."""
    stats = young_cadre_stats(report.params)
    current = {group.name: group.count for group in stats.groups}
    archived = {group["name"]: group["count"] for group in report.groups}
    names = list(archived) + [name for name in current if name not in archived]
    rows = [GroupDrift(name, archived.get(name, 0), current.get(name, 0)) for name in names]
    rows.append(GroupDrift("合计", report.total, stats.total))
    return rows
