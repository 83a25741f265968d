"""The printable 干部任免审批表 of one cadre, as xlsx."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_GET

from audit.services import audit
from cadres.lrmx.forms import as_of_or_page
from cadres.lrmx.writer import lrmx_cadres
from cadres.models import Cadre

from ..appointment_form import appointment_form, form_filename
from ..audit_actions import ReportAction
from ..excel import xlsx_response


@require_GET
@permission_required("cadres.export_cadres", raise_exception=True)
def appointment_form_xlsx(request, pk):
    """The form with ages at the chosen date; another unit's cadre is a 404."""
    cadre = get_object_or_404(lrmx_cadres(Cadre.objects.visible_to(request.user)), pk=pk)
    as_of, page = as_of_or_page(request, {"cadre": cadre, "kind": "干部任免审批表（Excel）"})
    if page is not None:
        return page
    content = appointment_form(cadre, as_of=as_of, filled_on=timezone.localdate(), user=request.user)
    audit(
        action=ReportAction.FORM_EXPORT,
        request=request,
        summary=f"导出干部任免审批表：{cadre.name}",
        data={"cadre": cadre.pk, "as_of": as_of.isoformat()},
    )
    return xlsx_response(content, form_filename(cadre))
