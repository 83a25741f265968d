"""The cadre profile."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ..access import id_number_for
from ..dates import age_on
from ..history import cadre_history
from ..models import Cadre


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
