"""The task the worker runs (django-tasks, database backend: no broker), and how a job is started."""

from django.db import transaction
from django_tasks import task

from audit.services import audit

from .audit_actions import JobAction
from .models import Job
from .services import JobFailed, job_fail, job_finish
from .work import do_job

FAILED = "任务未完成，请重试或联系管理员"


@task()
def run_job(job_id):
    """Do the job `job_id` and keep its file; a refused or failed job says why on its page."""
    job = Job.objects.select_related("owner").get(pk=job_id)
    if job.status != Job.Status.QUEUED:
        return
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    try:
        result = do_job(job)
    except JobFailed as error:
        job_fail(job, str(error))
        return
    except Exception:
        job_fail(job, FAILED)
        raise
    job_finish(job, **result)


def job_start(*, user, kind, query, request=None):
    """Create the job of `kind` for `user` with `query` (the list's query string) and queue its task.

    Expired files are emptied on the way, so the database holds only the files still offered.
    """
    Job.objects.expired().exclude(content=None).update(content=None)
    job = Job.objects.create(owner=user, kind=kind, query=query)
    audit(
        action=JobAction.STARTED,
        user=user,
        request=request,
        summary=f"{job.get_kind_display()}",
        data={"job": str(job.pk), "kind": kind, "query": query},
    )
    # Queued once the row is committed, so a worker never looks for a job not yet saved.
    transaction.on_commit(lambda: run_job.enqueue(str(job.pk)))
    return job
