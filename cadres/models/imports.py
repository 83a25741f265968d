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


class PendingUpload(models.Model):
    """An upload previewed and waiting for its owner's confirmation (cadres/importing/pending.py).

    Kept in the database, so that every app server behind a load balancer finds it; the session
    holds only the key. `fingerprint` is a digest of what the preview showed: a confirmation applies
    the upload only if planning it again gives the same.
    """

    key = models.CharField("标识", max_length=64, unique=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.CASCADE)
    kind = models.CharField("类别", max_length=10)
    filename = models.CharField("文件名", max_length=255)
    data = models.BinaryField("文件内容")
    size = models.PositiveBigIntegerField("大小（字节）")
    options = models.JSONField("导入选项", default=dict, blank=True)
    fingerprint = models.CharField("预览摘要", max_length=64, blank=True)
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    expires_at = models.DateTimeField("失效时间", db_index=True)

    class Meta:
        verbose_name = "待确认的导入"
        verbose_name_plural = "待确认的导入"

    def __str__(self):
        return f"{self.filename}（{self.owner}）"
