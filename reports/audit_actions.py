"""The audit codes of the reports: statistics, the monthly report and the downloads made from the pages here.

The codes are stored in every event, so they keep the names they were first given.
"""

from django.db import models

from audit.actions import register


@register
class ReportAction(models.TextChoices):
    STATS_JSON = "reports.young_cadres.json", "导出统计数据（JSON）"
    STATS_XLSX = "reports.young_cadres.xlsx", "导出统计报表（Excel）"
    MONTHLY_REPORT = "reports.monthly.exported", "生成月度报表"
    MONTHLY_DOWNLOAD = "reports.monthly.downloaded", "下载归档的月度报表"
    MONTHLY_SENT = "reports.monthly.sent", "标记月度报表为已报送"
    ROSTER_EXPORT = "cadres.roster.exported", "导出干部名单（Excel）"
    ROSTER_JSON = "cadres.roster.json", "导出干部名单（JSON）"
    FORM_EXPORT = "cadres.form.exported", "导出任免审批表（Excel）"
    TREND_JSON = "reports.trend.json", "导出逐月统计（JSON）"
    FORECAST_JSON = "reports.forecast.json", "导出年龄退出预测（JSON）"
