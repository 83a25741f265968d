"""What each kind of job does: the exports of the cadre list, wrapped (reports/cadre_list/export.py does
the writing), as the job's owner would get them from the list, with progress after each chunk; the reading
and preview of a large roster upload; and the confirmation of a previewed roster import
(cadres/roster_import), as the import page does both."""

import json

from django.utils import timezone

from audit.services import audit
from cadres.audit_actions import CadreAction
from cadres.dates import day_in_words
from cadres.importing.pending import pending_previewed
from cadres.importing.problems import ImportRefused
from cadres.models import PendingUpload
from cadres.roster_import.load import IMPORT_PERMISSION, roster_import_read
from cadres.roster_import.preview import preview_context
from cadres.roster_import.services import IMPORTED, roster_import_apply
from cadres.views.roster_import import KIND as ROSTER_KIND
from cadres.views.roster_import import UPLOAD_GONE
from reports.audit_actions import ReportAction
from reports.cadre_list.export import ExportColumnsForm, cadre_list_lrmx_archive, cadre_list_workbook
from reports.params import PARAMS_INVALID
from reports.views.cadre_list import (
    EXPORT_FILENAME,
    EXPORT_TITLE,
    LRMX_AS_OF_REQUIRED,
    LRMX_NOTHING,
    LRMX_ZIP_FILENAME,
    LRMX_ZIP_SUMMARY,
    cadre_list_filter,
)

from .models import Job
from .services import JobFailed, job_progress, owner_request

NOT_ALLOWED = "您已没有进行此项操作的权限"
CHANGED_SINCE_PREVIEW = "预览之后数据已发生变化，未导入任何数据，请重新上传花名册并预览"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_READY = "已读取花名册“{filename}”：将新增{created}人，更新{updated}人，未变{unchanged}人；请查看预览后确认导入"
PREVIEW_PROBLEMS = "已读取花名册“{filename}”：有{count}处错误，不能导入；请查看预览中的错误清单"


def roster_export(job):
    """Return (filename, content type, bytes) of the cadre list's Excel export of the job's query."""
    request = owner_request(job)
    filterset, columns_form = cadre_list_filter(request), ExportColumnsForm(request.GET)
    if not (filterset.is_valid() and columns_form.is_valid()):
        errors = filterset.error_messages_list() + [e for errs in columns_form.errors.values() for e in errs]
        raise JobFailed(f"{PARAMS_INVALID}：{'；'.join(errors)}")
    as_of, columns = filterset.as_of_date, columns_form.chosen()
    job_progress(job, 0, filterset.qs.count())
    workbook, rows = cadre_list_workbook(
        filterset.qs,
        columns,
        as_of=as_of,
        recent_years=filterset.recent_years_value,
        user=job.owner,
        title=EXPORT_TITLE.format(as_of=day_in_words(as_of)),
        progress=lambda done: job_progress(job, done),
    )
    job_progress(job, rows)
    with workbook:
        workbook.seek(0)
        content = workbook.read()
    audit(
        action=ReportAction.ROSTER_EXPORT,
        user=job.owner,
        summary=f"截至{day_in_words(as_of)}，{rows}人，{len(columns)}列（后台任务）",
        data={"query": job.query, "columns": [c.key for c in columns], "rows": rows, "job": str(job.pk)},
    )
    return {"filename": EXPORT_FILENAME.format(as_of=as_of), "content_type": XLSX, "content": content}


def lrmx_zip(job):
    """Return (filename, content type, bytes) of the cadre list's .lrmx zip of the job's query."""
    request = owner_request(job)
    filterset = cadre_list_filter(request)
    if not filterset.is_valid():
        raise JobFailed(f"{PARAMS_INVALID}：{'；'.join(filterset.error_messages_list())}")
    if not request.GET.get("as_of"):
        raise JobFailed(LRMX_AS_OF_REQUIRED)
    as_of = filterset.as_of_date
    job_progress(job, 0, filterset.qs.count())
    archive, ids = cadre_list_lrmx_archive(
        filterset.qs,
        as_of=as_of,
        filled_on=timezone.localdate(),
        user=job.owner,
        progress=lambda done: job_progress(job, done),
    )
    job_progress(job, len(ids))
    with archive:
        if not ids:
            raise JobFailed(LRMX_NOTHING)
        archive.seek(0)
        content = archive.read()
    audit(
        action=CadreAction.LRMX_EXPORT,
        user=job.owner,
        summary=LRMX_ZIP_SUMMARY.format(as_of=day_in_words(as_of), count=len(ids)) + "（后台任务）",
        data={"query": job.query, "as_of": as_of.isoformat(), "cadres": ids, "job": str(job.pk)},
    )
    return {"filename": LRMX_ZIP_FILENAME.format(as_of=as_of), "content_type": "application/zip", "content": content}


def roster_import(job):
    """Apply the owner's previewed roster upload (the pending upload the job names), exactly as the import
    page's confirmation does: planned again, applied only if the plan is the one the preview showed.

    Two steps for the progress bar: reading and checking, then writing.
    """
    pending, _sheet, plan = _read_pending_roster(job)
    if not plan.ok or plan.fingerprint() != pending.fingerprint:
        raise JobFailed(CHANGED_SINCE_PREVIEW)
    job_progress(job, 1)
    try:
        batch = roster_import_apply(plan=plan, user=job.owner)
    except ImportRefused as error:
        raise JobFailed(f"{CHANGED_SINCE_PREVIEW}（{error}）") from None
    pending.delete()
    job_progress(job, 2)
    counts = {"created": batch.created_count, "updated": batch.updated_count, "unchanged": batch.unchanged_count}
    link = batch.roster_url() if batch.touched_count else ""
    return {"message": IMPORTED.format(filename=batch.filename, **counts), "link": link}


def roster_preview(job):
    """Read and check the owner's large roster upload (the pending upload the job names), as the import page
    does for a small one: record what the preview shows (the fingerprint the confirmation checks) and keep the
    preview itself (plain data, JSON) for the page that shows it.

    Two steps for the progress bar: reading and checking, then the preview.
    """
    pending, sheet, plan = _read_pending_roster(job)
    job_progress(job, 1)
    pending_previewed(pending, plan.fingerprint())
    content = json.dumps(preview_context(sheet, plan), ensure_ascii=False, default=str).encode()
    job_progress(job, 2)
    counts = plan.counts
    message = (
        PREVIEW_READY.format(filename=pending.filename, **counts)
        if plan.ok
        else PREVIEW_PROBLEMS.format(filename=pending.filename, count=len(plan.problems))
    )
    return {"message": message, "content": content, "content_type": "application/json"}


def _read_pending_roster(job):
    """Return the pending upload the job names, its sheet and its plan (the first of the job's two steps)."""
    pending = _pending_roster(job)
    job_progress(job, 0, 2)
    try:
        sheet, plan = roster_import_read(
            bytes(pending.data), filename=pending.filename, user=job.owner, **pending.options
        )
    except ImportRefused as error:
        raise JobFailed(str(error)) from None
    return pending, sheet, plan


def _pending_roster(job):
    """Return the job owner's pending roster upload the job names, or fail the job saying it is gone."""
    pending = PendingUpload.objects.filter(
        key=job.query, owner=job.owner, kind=ROSTER_KIND, expires_at__gt=timezone.now()
    ).first()
    if pending is None:
        raise JobFailed(UPLOAD_GONE)
    return pending


WORK = {
    Job.Kind.ROSTER_EXPORT: roster_export,
    Job.Kind.LRMX_ZIP: lrmx_zip,
    Job.Kind.ROSTER_IMPORT: roster_import,
    Job.Kind.ROSTER_PREVIEW: roster_preview,
}
PERMISSION = {
    Job.Kind.ROSTER_EXPORT: "cadres.export_cadres",
    Job.Kind.LRMX_ZIP: "cadres.export_cadres",
    Job.Kind.ROSTER_IMPORT: IMPORT_PERMISSION,
    Job.Kind.ROSTER_PREVIEW: IMPORT_PERMISSION,
}


def do_job(job):
    """Do `job` as its owner may at this moment: the permission is checked again when the worker runs it."""
    if not job.owner.is_active or not job.owner.has_perm(PERMISSION[job.kind]):
        raise JobFailed(NOT_ALLOWED)
    return WORK[job.kind](job)
