"""The audit trail page, for 部领导 and superusers."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_tables2 import RequestConfig

from .forms import AuditFilterForm
from .models import AuditEvent
from .tables import AuditTable


@require_GET
@permission_required("audit.view_auditevent", raise_exception=True)
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.all()
    if form.is_bound and form.is_valid():
        events = form.filter(events)
    table = AuditTable(events)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return render(request, "audit/audit_log.html", {"form": form, "table": table}, status=400 if form.errors else 200)
