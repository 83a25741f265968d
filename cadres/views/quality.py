"""The 校核 page: the data-quality findings of the cadres the user may see, grouped by unit."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.access import sees_all_units

from ..importing.probes import out_of_scope_counts
from ..models import Cadre
from ..quality import by_unit, check_cadres


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def quality_page(request):
    findings = check_cadres(Cadre.objects.visible_to(request.user))
    context = {"groups": by_unit(findings), "count": len(findings)}
    if sees_all_units(request.user):
        # For 干部科 and 部领导: uploads that named cadres outside the uploader's units (importing/probes.py).
        context["out_of_scope"] = out_of_scope_counts()
    return render(request, "cadres/quality.html", context)
