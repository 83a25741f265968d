"""Start, advance and finish a background job; the work itself is in jobs/work.py, run by jobs/tasks.py."""

import datetime
from types import SimpleNamespace

from django.conf import settings
from django.http import QueryDict
from django.utils import timezone

from audit.services import audit

from .audit_actions import JobAction
from .models import Job

DEFAULT_MAX_AGE = 24 * 3600


class JobFailed(Exception):
    """The job cannot be done as asked; its message is shown to the owner as it is."""


def file_max_age():
    """Return how long a finished job's file is kept (settings.JOB_FILE_MAX_AGE, seconds; a day by default)."""
    return datetime.timedelta(seconds=getattr(settings, "JOB_FILE_MAX_AGE", DEFAULT_MAX_AGE))


def job_progress(job, done, total=None):
    """Record how far `job` is: `done` of `total` (kept when None)."""
    fields = {"done": done, "status": Job.Status.RUNNING}
    if total is not None:
        fields["total"] = total
    Job.objects.filter(pk=job.pk).update(**fields)


def job_finish(job, *, filename="", content_type="", content=None, message="", link=""):
    """Mark `job` done with its message (and `link`, where its result is shown); keep its file (if it
    makes one) for its owner until it expires."""
    now = timezone.now()
    job.status, job.filename, job.content_type = Job.Status.DONE, filename, content_type
    job.content, job.size, job.message, job.link = content, len(content or b""), message, link
    job.finished_at, job.expires_at = now, (now + file_max_age()) if content is not None else None
    fields = ["status", "filename", "content_type", "content", "size", "message", "link", "finished_at", "expires_at"]
    job.save(update_fields=fields)


def job_fail(job, message):
    Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, message=message, finished_at=timezone.now())


def owner_request(job):
    """Return what the list's filters read of a request (GET and user), as the job's owner made it."""
    return SimpleNamespace(GET=QueryDict(job.query), user=job.owner)


def job_download_audit(job, request):
    audit(
        action=JobAction.DOWNLOADED,
        request=request,
        summary=f"{job.get_kind_display()}：{job.filename}",
        data={"job": str(job.pk), "filename": job.filename, "size": job.size},
    )
