"""The 校核 page: the data-quality findings of the cadres the user may see, grouped by unit."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..models import Cadre
from ..quality import by_unit, check_cadres


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def quality_page(request):
    findings = check_cadres(Cadre.objects.visible_to(request.user))
    return render(request, "cadres/quality.html", {"groups": by_unit(findings), "count": len(findings)})
