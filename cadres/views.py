"""The cadre profile and the audit trail."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET
from django_tables2 import RequestConfig

from .access import id_number_for
from .dates import age_on
from .forms import AuditFilterForm
from .history import cadre_history
from .models import AuditEvent, Cadre
from .tables import AuditTable


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def cadre_detail(request, pk):
    """A cadre's facts and change history; another unit's cadre is a 404, never a hint."""
    cadre = get_object_or_404(Cadre.objects.visible_to(request.user).select_related("unit", "channel__group"), pk=pk)
    context = {
        "cadre": cadre,
        "id_number": id_number_for(request.user, cadre.id_number),
        "age": age_on(cadre.birth_date, timezone.localdate()),
        "history": cadre_history(cadre, request.user),
    }
    return render(request, "cadres/detail.html", context)


@require_GET
@permission_required("cadres.view_auditevent", raise_exception=True)
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.all()
    if form.is_bound and form.is_valid():
        events = form.filter(events)
    table = AuditTable(events)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return render(request, "cadres/audit.html", {"form": form, "table": table}, status=400 if form.errors else 200)
