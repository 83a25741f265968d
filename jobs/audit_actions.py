"""The audit codes of background jobs (the export a job makes is audited under the export's own code)."""

from django.db import models

from audit.actions import register
from audit.words import describes_key

from .models import Job


@register
class JobAction(models.TextChoices):
    STARTED = "jobs.started", "发起后台任务"
    DOWNLOADED = "jobs.downloaded", "下载后台任务的文件"


@describes_key("kind")
def kind_in_words(kind, cache):
    """Return the kind of a background job by its name (干部名单（Excel）)."""
    return "任务：" + dict(Job.Kind.choices).get(kind, kind)
