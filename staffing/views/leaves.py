"""Leave: the list, a new leave, its approval (with the preview of what it leaves uncovered), the return.

A leave outside the user's sections is a 404 by every URL, checked before the permission, so that a refusal
never confirms that it exists.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, Q, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from ..approval import approval_check
from ..choices import LeaveStatus
from ..forms import ApproveForm, LeaveForm, ReturnForm
from ..models import Leave, Section
from ..services import leaves as services
from .common import add_errors, posted, status_of

RECORDED = "已登记{name}的请假，待批准"
APPROVED = "已批准{name}的请假"
RETURNED = "{name}已销假"
LIST_DAYS_BACK = 31


@require_GET
@permission_required("staffing.view_leave", raise_exception=True)
def leave_list(request):
    """Leave waiting for approval first, then leave ending from a month ago on, latest first."""
    since = timezone.localdate() - datetime.timedelta(days=LIST_DAYS_BACK)
    pending_first = Case(When(status=LeaveStatus.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField())
    leaves = (
        Leave.objects.visible_to(request.user)
        .filter(Q(status=LeaveStatus.PENDING) | Q(end_date__gte=since))
        .select_related("cadre__unit", "approved_by")
        .prefetch_related("head_covers__section", "head_covers__head")
        .order_by(pending_first, "-start_date", "-pk")
    )
    return render(request, "staffing/leave_list.html", {"leaves": leaves, "since": since})


@require_http_methods(["GET", "POST"])
@permission_required("staffing.add_leave", raise_exception=True)
def leave_new(request):
    sections = Section.objects.visible_to(request.user)
    form = LeaveForm(posted(request), people=sections.people_on(timezone.localdate()))
    if request.method == "POST" and form.is_valid():
        try:
            leave = services.leave_request_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, RECORDED.format(name=leave.cadre))
            if request.user.has_perm("staffing.approve_leave"):
                return redirect("leave_approve", leave.pk)
            return redirect("leave_list")
    return render(request, "staffing/leave_form.html", {"form": form}, status=status_of(form))


@require_http_methods(["GET", "POST"])
def leave_approve(request, pk):
    """Show what approving would leave uncovered (GET); approve, refusing A and B away together (POST)."""
    leave = _leave(request, pk, "staffing.approve_leave")
    check = approval_check(leave) if leave.status == LeaveStatus.PENDING else None
    conflicts = Section.objects.filter(pk__in=[c.section.pk for c in check.conflicts] if check else [])
    form = ApproveForm(posted(request), conflicts=conflicts.select_related("head"))
    if request.method == "POST" and form.is_valid():
        try:
            approval = services.leave_approve(
                leave=leave, user=request.user, head_cover_sections=form.cleaned_data["head_cover_sections"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, APPROVED.format(name=leave.cadre))
            for warning in approval.warnings:
                messages.warning(request, warning)
            query = f"?start={leave.start_date.isoformat()}&end={approval.leave.end_date.isoformat()}"
            return redirect(reverse("staffing_cover") + query)
    context = {"leave": leave, "check": check, "form": form}
    return render(request, "staffing/leave_approve.html", context, status=status_of(form))


@require_http_methods(["GET", "POST"])
def leave_return(request, pk):
    leave = _leave(request, pk, "staffing.change_leave")
    form = ReturnForm(posted(request), initial={"returned_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.leave_return(leave=leave, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, RETURNED.format(name=leave.cadre))
            return redirect("leave_list")
    return render(request, "staffing/leave_return.html", {"leave": leave, "form": form}, status=status_of(form))


def _leave(request, pk, permission):
    leave = get_object_or_404(Leave.objects.visible_to(request.user).select_related("cadre__unit"), pk=pk)
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return leave
