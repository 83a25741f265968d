"""The monthly report archive: generate a month's workbook, list, download, compare with today's data."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audit.services import audit
from cadres.dates import month_in_words

from ..audit_actions import ReportAction
from ..crosscheck import CrossCheckError
from ..excel import xlsx_response
from ..forms import MonthlyReportForm
from ..models import MonthlyReport
from ..monthly import monthly_report_create, monthly_report_mark_sent, monthly_versions, report_drift
from ..params import channel_lookup

GENERATED = "已生成并归档{month}月度报表：年轻干部{total}人。文件即将开始下载。"
MARKED_SENT = "已将{month}月度报表第{pk}号版本标记为已报送。"


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
                messages.success(request, GENERATED.format(month=month_in_words(report.month), total=report.total))
                return redirect(f"{reverse('monthly_detail', args=[report.pk])}?download=1")
    reports = monthly_versions(list(MonthlyReport.objects.defer("content")))
    lookup = channel_lookup()
    for report in reports:
        report.excluded_text = lookup.in_words((year, code) for year, code in report.excluded)
    status = 400 if form.errors else 200
    return render(request, "reports/monthly_list.html", {"form": form, "reports": reports}, status=status)


@require_GET
@permission_required("reports.view_monthlyreport", raise_exception=True)
def monthly_detail(request, pk):
    report = get_object_or_404(MonthlyReport.objects.defer("content"), pk=pk)
    context = {"report": report, "drift": report_drift(report), "download_now": request.GET.get("download") == "1"}
    return render(request, "reports/monthly_detail.html", context)


@require_GET
@permission_required("reports.view_monthlyreport", raise_exception=True)
def monthly_download(request, pk):
    report = get_object_or_404(MonthlyReport, pk=pk)
    audit(
        action=ReportAction.MONTHLY_DOWNLOAD,
        request=request,
        summary=f"下载归档的{month_in_words(report.month)}月度报表（编号{report.pk}）",
        data={"report": report.pk, "rows": report.total, "sha256": report.sha256},
    )
    return xlsx_response(bytes(report.content), report.filename)


@require_POST
@permission_required("reports.add_monthlyreport", raise_exception=True)
def monthly_mark_sent(request, pk):
    """Mark one archived version as the one sent up the chain (报送), by the user now."""
    report = get_object_or_404(MonthlyReport.objects.defer("content"), pk=pk)
    monthly_report_mark_sent(report=report, user=request.user)
    messages.success(request, MARKED_SENT.format(month=month_in_words(report.month), pk=report.pk))
    return redirect("monthly_list")
