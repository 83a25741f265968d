"""The record of each import (a roster or .lrmx files): who, when, which file, whom it created or changed."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from ..dates import day_in_words
from ..querysets import ImportBatchQuerySet


class ImportBatch(models.Model):
    """One confirmed import; `cadres` are the people it created or changed (the roster's 导入批次 filter)."""

    class Kind(models.TextChoices):
        ROSTER = "roster", "花名册"
        LRMX = "lrmx", "任免审批表"

    created_at = models.DateTimeField("导入时间", auto_now_add=True)
    kind = models.CharField("类别", max_length=10, choices=Kind.choices, default=Kind.ROSTER)
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
    cadres = models.ManyToManyField(
        "cadres.Cadre",
        verbose_name="新增或修改的干部",
        related_name="import_batches",
        blank=True,
        through="ImportedCadre",
    )

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        verbose_name = "导入记录"
        verbose_name_plural = "导入记录"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.filename}（{self.time_in_words()}）"

    def time_in_words(self):
        """Return when the import was made: 2026年12月3日 18:10."""
        when = timezone.localtime(self.created_at)
        return f"{day_in_words(when)} {when:%H:%M}"

    def name_in_words(self):
        """Return the import without its count: 2026年12月3日 18:10 导入的花名册“…”."""
        return f"{self.time_in_words()} 导入的{self.get_kind_display()}“{self.filename}”"

    def roster_url(self):
        """Return the roster filtered to the people this import created or changed."""
        return f"{reverse('cadre_list')}?batch={self.pk}"

    @property
    def touched_count(self):
        """Return how many people this import created or changed."""
        return self.created_count + self.updated_count

    def in_words(self):
        """Return the import as the roster's filter chip names it: 2026年12月3日 18:10 导入的花名册“…”，53人."""
        return f"{self.name_in_words()}，{self.touched_count}人"


class ImportedCadre(models.Model):
    """A cadre an import created or changed: a record, like a history row.

    As django-simple-history does for its rows, the keys are not database constraints: an import of
    100,000 rows writes 100,000 of these, and PostgreSQL would check both keys of each at commit (a
    tenth of the import's time). Django still deletes them with their batch or cadre (on_delete).
    """

    # No index of its own: the unique (batch, cadre) index serves every lookup by batch.
    batch = models.ForeignKey(
        ImportBatch, verbose_name="导入记录", on_delete=models.CASCADE, db_constraint=False, db_index=False
    )
    cadre = models.ForeignKey("cadres.Cadre", verbose_name="干部", on_delete=models.CASCADE, db_constraint=False)

    class Meta:
        verbose_name = "导入的干部"
        verbose_name_plural = "导入的干部"
        constraints = [models.UniqueConstraint(fields=["batch", "cadre"], name="imported_cadre_once")]

    def __str__(self):
        return f"{self.cadre}（{self.batch.name_in_words()}）"


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
