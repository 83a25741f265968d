"""The archive of monthly reports: the workbook exactly as it went up the chain."""

import hashlib

from django.conf import settings
from django.db import models

from cadres.dates import month_in_words

from .params import StatsParams


class MonthlyReport(models.Model):
    """One generated monthly workbook, kept byte for byte with the figures and parameters it used.

    The file lives in the database, so a backup carries it and a past month can always be
    produced again exactly as it was sent, even after records have been corrected since.
    """

    month = models.DateField("报表月份", help_text="该月第一天", db_index=True)
    as_of = models.DateField("统计截止日期")
    max_age = models.PositiveSmallIntegerField("年龄上限")
    recent_years = models.PositiveSmallIntegerField("近几年")
    excluded = models.JSONField("不计入的招录批次", default=list, blank=True)
    total = models.PositiveIntegerField("年轻干部人数")
    recent = models.PositiveIntegerField("近年招录人数")
    groups = models.JSONField("分组人数", default=list)
    narrative = models.TextField("文字说明")
    filename = models.CharField("文件名", max_length=200)
    content = models.BinaryField("文件内容")
    sha256 = models.CharField("SHA-256", max_length=64)
    created_at = models.DateTimeField("生成时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="生成人", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_by_name = models.CharField("生成人账号", max_length=150, blank=True)
    # The version that went up the chain (报送); at most one a month.
    sent_at = models.DateTimeField("报送时间", null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="报送人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_by_name = models.CharField("报送人账号", max_length=150, blank=True)

    class Meta:
        verbose_name = "月度报表"
        verbose_name_plural = "月度报表"
        ordering = ["-month", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["month"],
                condition=models.Q(sent_at__isnull=False),
                name="monthly_report_sent_once_a_month",
                violation_error_message="该月已有报送的版本",
            )
        ]

    def __str__(self):
        return f"{month_in_words(self.month)}月度报表"

    @property
    def params(self):
        """Return the StatsParams the report was computed with (district-wide, as every monthly report)."""
        excluded = tuple((year, code) for year, code in self.excluded)
        return StatsParams(as_of=self.as_of, max_age=self.max_age, recent_years=self.recent_years, excluded=excluded)

    @staticmethod
    def fields_of(params):
        """Return the fields that keep `params` (as_of, max_age, recent_years, excluded), the inverse of params."""
        return {
            "as_of": params.as_of,
            "max_age": params.max_age,
            "recent_years": params.recent_years,
            "excluded": [[year, code] for year, code in params.excluded],
        }

    @staticmethod
    def digest(content):
        return hashlib.sha256(content).hexdigest()
