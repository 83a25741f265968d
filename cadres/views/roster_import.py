"""Importing a roster in the browser: upload, preview with every problem per cell, then confirm."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ..importing.pending import megabytes, pending_discard, pending_get, pending_previewed, pending_store
from ..importing.problems import ImportRefused
from ..models import ImportBatch
from ..roster_import.forms import RosterUploadForm
from ..roster_import.load import IMPORT_PERMISSION, roster_import_read
from ..roster_import.preview import preview_context
from ..roster_import.services import IMPORTED, roster_import_apply

UPLOAD_GONE = "找不到这份预览待确认的导入（可能已导入、已超时，或已被之后上传的文件取代），请重新上传花名册"
DATA_CHANGED = "预览之后数据已发生变化，以下是按当前数据重新生成的预览，请再次确认"
PERMISSION = IMPORT_PERMISSION
KIND = "roster"


def own_batch(request):
    """Return the import the page was sent back with (`?batch=`) if the user made it, else None."""
    value = request.GET.get("batch", "")
    if not (value.isascii() and value.isdigit()) or not request.user.is_authenticated:
        return None
    return ImportBatch.objects.filter(pk=int(value), user=request.user).first()


def after_import(view_name, batch):
    """Return the address of the import page showing `batch`'s result and its link to the roster."""
    return f"{reverse(view_name)}?batch={batch.pk}"


def _refused(request, error):
    context = {"form": RosterUploadForm(), "file_error": str(error)}
    return render(request, "cadres/roster_import.html", context, status=400)


def _preview(request, pending, *, status=200, notice=None):
    """Plan the pending upload, record what the preview shows, and show it."""
    try:
        sheet, plan = roster_import_read(
            bytes(pending.data), filename=pending.filename, user=request.user, **pending.options
        )
    except ImportRefused as error:
        return _refused(request, error)
    pending_previewed(pending, plan.fingerprint())
    context = {**preview_context(sheet, plan), "notice": notice, "upload_key": pending.key}
    return render(request, "cadres/roster_preview.html", context, status=status if plan.ok else 400)


@require_http_methods(["GET", "POST"])
@permission_required(PERMISSION, raise_exception=True)
def roster_import(request):
    """The upload form; a valid upload is kept and previewed, nothing is written yet."""
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        options = {"sheet_name": form.cleaned_data["sheet"] or None, "create_units": form.cleaned_data["create_units"]}
        try:
            pending = pending_store(
                request=request, kind=KIND, filename=upload.name, data=upload.read(), options=options
            )
        except ImportRefused as error:
            return _refused(request, error)
        if pending.size > settings.ROSTER_PREVIEW_BACKGROUND_BYTES:
            # Too long to read within a request behind a proxy: the page hands it to the task worker
            # (jobs: a POST to job_roster_preview, which shows the progress and then the preview).
            context = {"form": RosterUploadForm(), "background": pending, "size": megabytes(pending.size)}
            return render(request, "cadres/roster_import.html", context, status=202)
        return _preview(request, pending)
    status = 400 if form.errors else 200
    return render(request, "cadres/roster_import.html", {"form": form, "batch": own_batch(request)}, status=status)


@require_POST
@permission_required(PERMISSION, raise_exception=True)
def roster_import_confirm(request):
    """Import exactly what was previewed; if the data changed since, say so and preview again."""
    pending = pending_get(request, KIND)
    if pending is None:
        messages.error(request, UPLOAD_GONE)
        return redirect("roster_import")
    try:
        _sheet, plan = roster_import_read(
            bytes(pending.data), filename=pending.filename, user=request.user, **pending.options
        )
    except ImportRefused:
        return _preview(request, pending)
    if not plan.ok or plan.fingerprint() != pending.fingerprint:
        return _preview(request, pending, status=409, notice=DATA_CHANGED)
    try:
        batch = roster_import_apply(plan=plan, user=request.user, request=request)
    except ImportRefused:
        return _preview(request, pending, status=409, notice=DATA_CHANGED)
    pending_discard(request, KIND)
    counts = {"created": batch.created_count, "updated": batch.updated_count, "unchanged": batch.unchanged_count}
    messages.success(request, IMPORTED.format(filename=batch.filename, **counts))
    return redirect(after_import("roster_import", batch))
