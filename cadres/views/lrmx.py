"""Download and upload of .lrmx files (the national 干部任免审批表 editor's format)."""

import base64
import hashlib
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import audit

from ..audit_actions import CadreAction
from ..lrmx.forms import LrmxUploadForm, as_of_or_page
from ..lrmx.importer import lrmx_import_apply, lrmx_import_plan
from ..lrmx.writer import cadre_lrmx, lrmx_cadres, lrmx_filename
from ..models import Cadre, Channel, Unit

LRMX_CONTENT_TYPE = "application/xml; charset=utf-8"
SESSION_KEY = "lrmx_import"
IMPORTED = "已导入{count}份任免审批表（新建{created}人，更新{updated}人）"
NOTHING_CHANGED = "文件中的信息与系统一致，没有需要导入的内容"
UPLOAD_EXPIRED = "待确认的导入已失效（可能已导入或已超时），请重新上传文件"
HAS_ERRORS = "文件有错误，未导入任何内容；请修改后重新上传"


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
        return render(request, "cadres/lrmx_import.html", {"form": form}, status=400 if form.errors else 200)
    upload = form.cleaned_data["file"]
    content = upload.read()
    unit, channel = form.cleaned_data["unit"], form.cleaned_data["channel"]
    plan = lrmx_import_plan(filename=upload.name, content=content, user=request.user, unit=unit, channel=channel)
    digest = hashlib.sha256(content).hexdigest()
    if not plan.errors:
        request.session[SESSION_KEY] = {
            "name": upload.name,
            "content": base64.b64encode(content).decode("ascii"),
            "digest": digest,
            "unit": unit.pk if unit else None,
            "channel": channel.pk if channel else None,
        }
    context = {"form": form, "plan": plan, "digest": digest, "has_errors_message": HAS_ERRORS}
    return render(request, "cadres/lrmx_import.html", context, status=400 if plan.errors else 200)


def lrmx_import_confirm(request):
    """Apply the upload kept in the session, checked again now (the data may have moved since)."""
    stored = request.session.get(SESSION_KEY)
    if not stored or stored["digest"] != request.POST.get("confirm"):
        messages.error(request, UPLOAD_EXPIRED)
        return redirect("lrmx_import")
    unit = Unit.objects.visible_to(request.user).filter(pk=stored["unit"]).first() if stored["unit"] else None
    channel = Channel.objects.filter(pk=stored["channel"]).first() if stored["channel"] else None
    content = base64.b64decode(stored["content"])
    plan = lrmx_import_plan(filename=stored["name"], content=content, user=request.user, unit=unit, channel=channel)
    if plan.errors:
        form = LrmxUploadForm(user=request.user)
        context = {"form": form, "plan": plan, "has_errors_message": HAS_ERRORS}
        return render(request, "cadres/lrmx_import.html", context, status=400)
    lrmx_import_apply(plan=plan, user=request.user, request=request, source=stored["name"])
    del request.session[SESSION_KEY]
    created = sum(1 for p in plan.people if p.created)
    updated = sum(1 for p in plan.people if not p.created and p.changes)
    if created or updated:
        messages.success(request, IMPORTED.format(count=len(plan.people), created=created, updated=updated))
    else:
        messages.info(request, NOTHING_CHANGED)
    return redirect("lrmx_import")
