"""Background jobs: start one from the cadre list, follow its progress, download its file (owner only)."""

import io
import json

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from cadres.importing.pending import SESSION_KEYS, pending_get
from cadres.roster_import.load import IMPORT_PERMISSION
from cadres.views.roster_import import KIND as ROSTER_KIND
from cadres.views.roster_import import UPLOAD_GONE
from reports.downloads import file_response

from .models import PREVIEW_EXPIRED, Job
from .services import job_download_audit
from .tasks import job_start

EXPIRED = "文件已过期删除，请重新发起"


@require_POST
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def roster_import_start(request):
    """Confirm the user's previewed roster upload as a background job (for a large roster)."""
    return _start_roster_job(request, Job.Kind.ROSTER_IMPORT)


@require_POST
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def roster_preview_start(request):
    """Read and preview the user's large roster upload as a background job; its page shows the preview when ready."""
    return _start_roster_job(request, Job.Kind.ROSTER_PREVIEW)


def _start_roster_job(request, kind):
    """Start job `kind` on the user's pending roster upload and show its page (the upload page if it is gone)."""
    pending = pending_get(request, ROSTER_KIND)
    if pending is None:
        messages.error(request, UPLOAD_GONE)
        return redirect("roster_import")
    job = job_start(user=request.user, kind=kind, query=pending.key, request=request)
    if kind == Job.Kind.ROSTER_IMPORT:
        # The upload now belongs to the job: a new upload in the session must not replace it.
        request.session.pop(SESSION_KEYS[ROSTER_KIND], None)
    return redirect("job_detail", pk=job.pk)


@require_GET
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def job_preview(request, pk):
    """The preview a background reading made (the user's own job), with the confirmation in the background."""
    job = get_object_or_404(Job.objects.of(request.user), pk=pk, kind=Job.Kind.ROSTER_PREVIEW, status=Job.Status.DONE)
    if job.is_expired() or job.content is None:
        messages.error(request, PREVIEW_EXPIRED)
        return redirect("roster_import")
    context = {**json.loads(bytes(job.content)), "background": job, "upload_key": job.query}
    status = 400 if context["plan"]["problems"] else 200
    return render(request, "cadres/roster_preview.html", context, status=status)


@require_POST
@permission_required("cadres.export_cadres", raise_exception=True)
def job_create(request, kind):
    """Start the export `kind` of the list's query (the `query` field) and show its progress page."""
    if kind not in (Job.Kind.ROSTER_EXPORT, Job.Kind.LRMX_ZIP):
        raise Http404
    query = QueryDict(request.POST.get("query", ""), mutable=True)
    if request.POST.getlist("columns"):
        query.setlist("columns", request.POST.getlist("columns"))
    query = query.urlencode()
    job = job_start(user=request.user, kind=kind, query=query, request=request)
    return redirect("job_detail", pk=job.pk)


def own_job(request, pk):
    """Return the user's own job `pk`; another user's is a 404, as if it did not exist."""
    return get_object_or_404(Job.objects.of(request.user).defer("content"), pk=pk)


@require_GET
def job_list(request):
    jobs = Job.objects.of(request.user).defer("content")[:50]
    return render(request, "jobs/list.html", {"jobs": jobs})


@require_GET
def job_detail(request, pk):
    job = own_job(request, pk)
    if job.kind == Job.Kind.ROSTER_PREVIEW and job.status == Job.Status.DONE and not job.is_expired():
        return redirect("job_preview", pk=job.pk)  # the wait is over: show the preview
    return render(request, "jobs/detail.html", {"job": job})


@require_GET
def job_status(request, pk):
    """The job's progress as JSON, for the page's progress bar."""
    job = own_job(request, pk)
    expired = job.is_expired()
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "done": job.done,
            "total": job.total,
            "percent": job.percent,
            "message": job.message,
            "download_url": reverse("job_download", args=[job.pk])
            if job.status == Job.Status.DONE and job.filename and not expired
            else None,
            "expired": expired,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def job_download(request, pk):
    """The finished file, to its owner only, until it expires; each download is audited."""
    job = get_object_or_404(Job.objects.of(request.user).exclude(filename=""), pk=pk, status=Job.Status.DONE)
    if job.is_expired() or job.content is None:
        return HttpResponse(EXPIRED, status=410, content_type="text/plain; charset=utf-8")
    job_download_audit(job, request)
    return file_response(io.BytesIO(bytes(job.content)), job.filename, job.content_type)
