"""The monthly report archive: generate a month's workbook, list, download, compare with today's data."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import audit

from ..audit_actions import ReportAction
from ..crosscheck import CrossCheckError
from ..excel import xlsx_response
from ..forms import MonthlyReportForm
from ..models import MonthlyReport
from ..monthly import monthly_report_create, report_drift
from ..params import channel_lookup

GENERATED = "已生成并归档{month}月度报表：年轻干部{total}人。"


@require_http_methods(["GET", "POST"])
@permission_required("reports.view_monthlyreport", raise_exception=True)
def monthly_list(request):
    form = MonthlyReportForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("reports.add_monthlyreport"):
            raise PermissionDenied
        if form.is_valid():
            try:
                report = monthly_report_create(params=form.params(), user=request.user)
            except CrossCheckError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, GENERATED.format(month=f"{report.month:%Y年%m月}", total=report.total))
                return redirect("monthly_detail", pk=report.pk)
    reports = list(MonthlyReport.objects.defer("content").select_related("created_by"))
    lookup = channel_lookup()
    for report in reports:
        report.excluded_text = lookup.in_words((year, code) for year, code in report.excluded)
    status = 400 if form.errors else 200
    return render(request, "reports/monthly_list.html", {"form": form, "reports": reports}, status=status)


@require_GET
@permission_required("reports.view_monthlyreport", raise_exception=True)
def monthly_detail(request, pk):
    report = get_object_or_404(MonthlyReport.objects.defer("content"), pk=pk)
    context = {"report": report, "drift": report_drift(report)}
    return render(request, "reports/monthly_detail.html", context)


@require_GET
@permission_required("reports.view_monthlyreport", raise_exception=True)
def monthly_download(request, pk):
    report = get_object_or_404(MonthlyReport, pk=pk)
    audit(
        action=ReportAction.MONTHLY_DOWNLOAD,
        request=request,
        summary=f"下载归档的{report.month:%Y年%m月}月度报表（编号{report.pk}）",
        data={"report": report.pk, "rows": report.total, "sha256": report.sha256},
    )
    return xlsx_response(bytes(report.content), report.filename)
