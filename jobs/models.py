"""Work too long for a request (a large export), run by the task worker; its file kept for its owner only."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

PREVIEW_EXPIRED = "预览已过期，请重新上传花名册"


class JobQuerySet(models.QuerySet):
    def of(self, user):
        """Return the jobs of `user`: nobody sees, follows or downloads another's."""
        return self.filter(owner=user) if user.is_authenticated else self.none()

    def expired(self, now=None):
        """Return the finished jobs whose file has passed its expiry (JOB_FILE_MAX_AGE)."""
        return self.filter(expires_at__lte=now or timezone.now())


class Job(models.Model):
    """One background job: what it does (kind and the query it was started with), how far it is, its file."""

    class Kind(models.TextChoices):
        ROSTER_EXPORT = "roster_export", "干部名单（Excel）"
        LRMX_ZIP = "lrmx_zip", "任免审批表（.lrmx 压缩包）"
        ROSTER_IMPORT = "roster_import", "花名册导入"
        ROSTER_PREVIEW = "roster_preview", "花名册读取与预览"

    class Status(models.TextChoices):
        QUEUED = "queued", "排队等候"
        RUNNING = "running", "正在处理"
        DONE = "done", "已完成"
        FAILED = "failed", "未完成"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发起人", on_delete=models.CASCADE)
    kind = models.CharField("任务", max_length=30, choices=Kind.choices)
    # The list's query string of an export; the key of the pending upload (cadres/importing/pending.py) of an import.
    query = models.TextField("条件", blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField("已处理", default=0)
    total = models.PositiveIntegerField("总数", null=True, blank=True)
    message = models.TextField("说明", blank=True)
    # Where the result is shown when it is not a file (the roster of the people an import created or changed).
    link = models.CharField("结果链接", max_length=200, blank=True)
    filename = models.CharField("文件名", max_length=200, blank=True)
    content_type = models.CharField("文件类型", max_length=100, blank=True)
    # In the database, as the monthly archive and the pending uploads: backed up with it, shared by every
    # application server, no file left in a temporary folder. Emptied when the job expires.
    content = models.BinaryField("文件内容", null=True, blank=True)
    size = models.PositiveBigIntegerField("文件大小", default=0)
    created_at = models.DateTimeField("发起时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    expires_at = models.DateTimeField("文件失效时间", null=True, blank=True, db_index=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = "后台任务"
        verbose_name_plural = "后台任务"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}（{self.get_status_display()}）"

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self):
        """Return how far the job is, 0–100 (100 once done; 0 while the total is unknown)."""
        if self.status == self.Status.DONE:
            return 100
        if not self.total:
            return 0
        return min(99, 100 * self.done // self.total)

    def is_expired(self, now=None):
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    def current_message(self):
        """Return the job's message as it stands now: an expired background preview no longer offers one."""
        if self.kind == self.Kind.ROSTER_PREVIEW and self.status == self.Status.DONE and self.is_expired():
            return PREVIEW_EXPIRED
        return self.message
