"""Importing a roster in the browser: upload, preview with every problem per cell, then confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ..roster_import.forms import RosterUploadForm
from ..roster_import.load import IMPORT_PERMISSION, roster_import_read
from ..roster_import.preview import PREVIEW_ROWS, preview_table
from ..roster_import.reader import RosterFileError
from ..roster_import.services import IMPORTED, RosterImportError, roster_import_apply
from ..roster_import.uploads import SESSION_KEY, upload_delete, upload_load, upload_store

UPLOAD_GONE = "找不到待确认的导入，请重新上传花名册"
DATA_CHANGED = "预览之后数据已发生变化，以下是按当前数据重新生成的预览，请再次确认"
PERMISSION = IMPORT_PERMISSION


def _preview(request, data, pending, *, status=200, notice=None):
    try:
        sheet, plan = roster_import_read(
            data,
            filename=pending["filename"],
            user=request.user,
            sheet_name=pending["sheet"] or None,
            create_units=pending["create_units"],
        )
    except RosterFileError as error:
        form = RosterUploadForm()
        return render(request, "cadres/roster_import.html", {"form": form, "file_error": str(error)}, status=400)
    pending["fingerprint"] = plan.fingerprint()
    request.session[SESSION_KEY] = pending
    headers, rows = preview_table(sheet, plan)
    context = {"plan": plan, "headers": headers, "rows": rows, "limit": PREVIEW_ROWS, "notice": notice}
    return render(request, "cadres/roster_preview.html", context, status=status if plan.ok else 400)


@require_http_methods(["GET", "POST"])
@permission_required(PERMISSION, raise_exception=True)
def roster_import(request):
    """The upload form; a valid upload is kept and previewed, nothing is written yet."""
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        previous = request.session.get(SESSION_KEY)
        if previous:
            upload_delete(previous.get("token"))
        pending = {
            "token": upload_store(data),
            "filename": upload.name[:255],
            "sheet": form.cleaned_data["sheet"],
            "create_units": form.cleaned_data["create_units"],
        }
        return _preview(request, data, pending)
    status = 400 if form.errors else 200
    return render(request, "cadres/roster_import.html", {"form": form}, status=status)


@require_POST
@permission_required(PERMISSION, raise_exception=True)
def roster_import_confirm(request):
    """Import exactly what was previewed; if the data changed since, say so and preview again."""
    pending = request.session.get(SESSION_KEY)
    data = upload_load(pending.get("token")) if isinstance(pending, dict) else None
    if data is None:
        messages.error(request, UPLOAD_GONE)
        return redirect("roster_import")
    try:
        _sheet, plan = roster_import_read(
            data,
            filename=pending["filename"],
            user=request.user,
            sheet_name=pending["sheet"] or None,
            create_units=pending["create_units"],
        )
    except RosterFileError:
        return _preview(request, data, pending)
    if not plan.ok or plan.fingerprint() != pending.get("fingerprint"):
        return _preview(request, data, pending, status=409, notice=DATA_CHANGED)
    try:
        batch = roster_import_apply(plan=plan, user=request.user, request=request)
    except RosterImportError:
        return _preview(request, data, pending, status=409, notice=DATA_CHANGED)
    upload_delete(pending["token"])
    del request.session[SESSION_KEY]
    counts = {"created": batch.created_count, "updated": batch.updated_count, "unchanged": batch.unchanged_count}
    messages.success(request, IMPORTED.format(filename=batch.filename, **counts))
    return redirect("roster_import")
