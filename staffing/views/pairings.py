"""A change of a section's A and B (approved, then recorded here), and the six-monthly review."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from cadres.models import Unit

from ..forms import PairingForm, ReviewForm
from ..models import Section
from ..services import pairings as services
from .common import add_errors, posted, status_of

CHANGED = "已记录“{section}”的A、B角：A角{a}，B角{b}（{date}起）"
PUBLISHED = "已记录{unit}的A、B角配备于{date}复核发布"


@require_http_methods(["GET", "POST"])
def pairing_change(request, pk):
    section = get_object_or_404(Section.objects.visible_to(request.user).select_related("unit"), pk=pk)
    if not request.user.has_perm("staffing.add_pairing"):
        raise PermissionDenied
    today = timezone.localdate()
    current = section.pairings.on(today).select_related("a", "b").first()
    people = Section.objects.filter(pk=section.pk).people_on(today)
    initial = {"start_date": today, "approved_on": today, "a": current and current.a_id, "b": current and current.b_id}
    form = PairingForm(posted(request), people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            pairing = services.pairing_change(section=section, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            done = CHANGED.format(section=section, a=pairing.a, b=pairing.b or "未设", date=pairing.start_date)
            messages.success(request, done)
            return redirect(f"{reverse('staffing_board')}?as_of={pairing.start_date.isoformat()}")
    context = {"section": section, "current": current, "form": form}
    return render(request, "staffing/pairing_form.html", context, status=status_of(form))


@require_http_methods(["GET", "POST"])
@permission_required("staffing.add_pairingreview", raise_exception=True)
def review_publish(request):
    units = Unit.objects.filter(pk__in=Section.objects.visible_to(request.user).values("unit"))
    form = ReviewForm(posted(request), units=units, initial={"published_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            review = services.pairing_review_publish(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, PUBLISHED.format(unit=review.unit, date=review.published_on.isoformat()))
            return redirect("staffing_board")
    return render(request, "staffing/review_form.html", {"form": form}, status=status_of(form))
