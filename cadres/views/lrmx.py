"""Download and upload of .lrmx files (the national 干部任免审批表 editor's format)."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import audit

from ..audit_actions import CadreAction
from ..importing.outcome import CREATED, UPDATED
from ..importing.pending import pending_discard, pending_get, pending_previewed, pending_store
from ..importing.problems import ImportRefused
from ..lrmx.forms import LrmxUploadForm, as_of_or_page
from ..lrmx.importer import lrmx_import_apply, lrmx_import_plan
from ..lrmx.writer import cadre_lrmx, lrmx_cadres, lrmx_filename
from ..models import Cadre, Channel, Unit
from .roster_import import after_import, own_batch

LRMX_CONTENT_TYPE = "application/xml; charset=utf-8"
KIND = "lrmx"
TEMPLATE = "cadres/lrmx_import.html"
IMPORTED = "已导入{count}份任免审批表（新建{created}人，更新{updated}人）"
NOTHING_CHANGED = "文件中的信息与系统一致，没有需要导入的内容"
UPLOAD_EXPIRED = "待确认的导入已失效（可能已导入或已超时），请重新上传文件"
HAS_ERRORS = "文件有错误，未导入任何内容；请修改后重新上传"
DATA_CHANGED = "预览之后数据已发生变化，以下是按当前数据重新生成的预览，请再次确认"


@require_GET
@permission_required("cadres.export_cadres", raise_exception=True)
def cadre_lrmx_download(request, pk):
    """A cadre's .lrmx file, its age basis the date the user chose; another unit's cadre is a 404."""
    cadre = get_object_or_404(lrmx_cadres(Cadre.objects.visible_to(request.user)), pk=pk)
    as_of, page = as_of_or_page(request, {"cadre": cadre, "kind": "任免审批表文件（.lrmx）"})
    if page is not None:
        return page
    content = cadre_lrmx(cadre, as_of=as_of, filled_on=timezone.localdate(), user=request.user)
    audit(
        action=CadreAction.LRMX_EXPORT,
        request=request,
        summary=f"导出任免审批表：{cadre.name}",
        data={"cadre": cadre.pk, "as_of": as_of.isoformat()},
    )
    response = HttpResponse(content, content_type=LRMX_CONTENT_TYPE)
    response.headers["Content-Disposition"] = content_disposition(lrmx_filename(cadre))
    return response


def content_disposition(filename):
    """Return an attachment header with the Chinese file name per RFC 5987 (TRAPS.md)."""
    return f"attachment; filename=\"cadre.lrmx\"; filename*=UTF-8''{quote(filename)}"


@require_http_methods(["GET", "POST"])
@permission_required("cadres.import_cadres", raise_exception=True)
def lrmx_import(request):
    """Upload → field-by-field diff → confirm; nothing is written before the confirmation."""
    if request.method == "POST" and "confirm" in request.POST:
        return lrmx_import_confirm(request)
    form = LrmxUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "GET" or not form.is_valid():
        context = {"form": form, "batch": own_batch(request) if request.method == "GET" else None}
        return render(request, TEMPLATE, context, status=400 if form.errors else 200)
    upload = form.cleaned_data["file"]
    unit, channel = form.cleaned_data["unit"], form.cleaned_data["channel"]
    options = {"unit": unit.pk if unit else None, "channel": channel.pk if channel else None}
    try:
        pending = pending_store(request=request, kind=KIND, filename=upload.name, data=upload.read(), options=options)
    except ImportRefused as error:
        form.add_error("file", str(error))
        return render(request, TEMPLATE, {"form": form}, status=400)
    return _preview(request, pending, form=form)


def _plan(request, pending):
    """Plan the pending upload again, with the unit and channel chosen at the upload (still visible)."""
    unit_pk, channel_pk = pending.options.get("unit"), pending.options.get("channel")
    unit = Unit.objects.visible_to(request.user).filter(pk=unit_pk).first() if unit_pk else None
    channel = Channel.objects.filter(pk=channel_pk).first() if channel_pk else None
    return lrmx_import_plan(
        filename=pending.filename, content=bytes(pending.data), user=request.user, unit=unit, channel=channel
    )


def _preview(request, pending, *, form=None, plan=None, status=200, notice=None):
    """Show what importing the pending upload would do, and record it (the fingerprint) for the confirmation."""
    plan = plan or _plan(request, pending)
    pending_previewed(pending, plan.fingerprint())
    context = {
        "form": form or LrmxUploadForm(user=request.user),
        "plan": plan,
        "fingerprint": pending.fingerprint,
        "has_errors_message": HAS_ERRORS,
        "notice": notice,
    }
    return render(request, TEMPLATE, context, status=400 if plan.problems else status)


def lrmx_import_confirm(request):
    """Apply exactly what was previewed: the upload is planned again and applied only if the plan is the
    one shown; otherwise the new plan is shown to be confirmed again."""
    pending = pending_get(request, KIND)
    if pending is None or not pending.fingerprint or pending.fingerprint != request.POST.get("confirm"):
        messages.error(request, UPLOAD_EXPIRED)
        return redirect("lrmx_import")
    plan = _plan(request, pending)
    if plan.problems or plan.fingerprint() != pending.fingerprint:
        return _preview(request, pending, plan=plan, status=409, notice=DATA_CHANGED)
    try:
        batch = lrmx_import_apply(plan=plan, user=request.user, request=request, source=pending.filename)
    except ImportRefused:
        return _preview(request, pending, status=409, notice=DATA_CHANGED)
    pending_discard(request, KIND)
    created, updated = plan.counts[CREATED], plan.counts[UPDATED]
    if created or updated:
        messages.success(request, IMPORTED.format(count=len(plan.people), created=created, updated=updated))
        return redirect(after_import("lrmx_import", batch))
    messages.info(request, NOTHING_CHANGED)
    return redirect("lrmx_import")
