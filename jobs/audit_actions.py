"""The audit codes of background jobs (the export a job makes is audited under the export's own code)."""

from django.db import models

from audit.actions import register


@register
class JobAction(models.TextChoices):
    STARTED = "jobs.started", "发起后台任务"
    DOWNLOADED = "jobs.downloaded", "下载后台任务的文件"
