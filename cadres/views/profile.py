"""The cadre profile: one printable page with every record of a cadre."""

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from accounts.access import id_number_for, masked_fields_for
from audit.history import change_history

from ..forms import AsOfForm
from ..models import Cadre, CadrePhoto
from ..profile import AS_OF_BEFORE_BIRTH, standing_on, three_ages
from ..resume import resume_lines


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def cadre_detail(request, pk):
    """A cadre's facts, 三龄 on a chosen date, 简历, records, pool history and change history.

    Another unit's cadre is a 404, never a hint; the page's query count does not grow with the records.
    """
    cadre = get_object_or_404(Cadre.objects.visible_to(request.user).with_records(), pk=pk)
    today = timezone.localdate()
    form = AsOfForm(request.GET or None)
    as_of = form.day(today)
    if as_of < cadre.birth_date:
        form.add_error("as_of", AS_OF_BEFORE_BIRTH)
        as_of = today
    memberships = sorted(cadre.pool_memberships.all(), key=lambda membership: membership.entered_on, reverse=True)
    context = {
        "cadre": cadre,
        "form": form,
        "id_number": id_number_for(request.user, cadre.id_number),
        "today_ages": three_ages(cadre, today),
        "ages": three_ages(cadre, as_of) if as_of != today else None,
        "as_of": as_of,
        "dated": as_of != today,
        "standing": standing_on(Cadre.objects.all(), cadre.pk, as_of),
        "resume": resume_lines(cadre),
        "memberships": memberships,
        "history": change_history(cadre, masked=masked_fields_for(request.user)),
        "has_photo": CadrePhoto.objects.filter(cadre=cadre).exists(),
    }
    return render(request, "cadres/detail.html", context, status=400 if form.errors else 200)


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def cadre_photo(request, pk):
    """A cadre's photo for those who may see the cadre (else 404), never kept by a browser or proxy cache."""
    visible = Cadre.objects.visible_to(request.user).values("pk")
    photo = get_object_or_404(CadrePhoto.objects.filter(cadre__in=visible), cadre_id=pk)
    response = HttpResponse(bytes(photo.jpeg), content_type="image/jpeg")
    patch_cache_control(response, private=True, no_store=True)
    return response
