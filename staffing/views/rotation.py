"""The rotation planner: the ranked candidates for a period (GET), and the secondments of those chosen (POST)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from cadres.models import Cadre

from ..forms import PicksForm, RotationForm
from ..models import Section
from ..periods import add_months
from ..rotation import rotation_plan
from ..services.rotation import rotation_secondments_create
from .common import add_errors, posted, status_of

CREATED = "已抽调{count}人：{names}"
CREATE_PERMISSIONS = ("staffing.add_secondmentplacement", "cadres.add_secondment")


@require_http_methods(["GET", "POST"])
@permission_required("staffing.view_secondmentplacement", raise_exception=True)
def rotation_planner(request):
    next_month = add_months(timezone.localdate().replace(day=1), 1)
    form = RotationForm(request.GET or None, initial={"start": next_month})
    context = {"form": form, "can_create": request.user.has_perms(CREATE_PERMISSIONS)}
    if not form.is_bound or not form.is_valid():
        return render(request, "staffing/rotation.html", context, status=status_of(form))
    start, end = form.period()
    sections = Section.objects.visible_to(request.user).select_related("unit")
    cadres = Cadre.objects.visible_to(request.user)
    plan = rotation_plan(cadres, sections, start=start, end=end, places=form.cleaned_data["places"])
    picks = PicksForm(posted(request), candidates=plan.shown, sections=sections, places=plan.places)
    if request.method == "POST":
        if not context["can_create"]:
            raise PermissionDenied
        if picks.is_valid():
            created = _create(request, form, picks, cadres, sections)
            if created:
                names = "、".join(f"{item.cadre}（{item.placement.section}）" for item in created)
                messages.success(request, CREATED.format(count=len(created), names=names))
                return redirect(f"{reverse('staffing_board')}?as_of={start.isoformat()}")
    context.update(plan=plan, picks=picks)
    return render(request, "staffing/rotation.html", context, status=400 if picks.errors else 200)


def _create(request, form, picks, cadres, sections):
    """Second the ticked candidates; return the secondments, or None with the refusal on `picks`."""
    chosen = picks.picks()
    if picks.errors:
        return None
    start, end = form.period()
    try:
        return rotation_secondments_create(
            picks=chosen,
            start_date=start,
            planned_end_date=end,
            kind=form.cleaned_data["kind"],
            user=request.user,
            cadres=cadres,
            sections=sections,
        )
    except ValidationError as error:
        add_errors(picks, error)
        return None
