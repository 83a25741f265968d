"""The record of each roster import: who, when, which file, what it created or changed."""

from django.conf import settings
from django.db import models


class ImportBatch(models.Model):
    created_at = models.DateTimeField("导入时间", auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="导入人", null=True, blank=True, on_delete=models.SET_NULL
    )
    username = models.CharField("导入人账号", max_length=150, blank=True)
    filename = models.CharField("文件名", max_length=255)
    sha256 = models.CharField("文件SHA-256", max_length=64)
    sheet = models.CharField("工作表", max_length=100, blank=True)
    created_count = models.PositiveIntegerField("新增", default=0)
    updated_count = models.PositiveIntegerField("更新", default=0)
    unchanged_count = models.PositiveIntegerField("未变", default=0)
    # [{"row": Excel row, "cadre": id, "action": "created"|"updated", "changes": {field: [old, new]}}]
    rows = models.JSONField("新增和修改的行", default=list, blank=True)

    class Meta:
        verbose_name = "花名册导入记录"
        verbose_name_plural = "花名册导入记录"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.filename}（{self.created_at:%Y-%m-%d %H:%M}）"
