"""The young-cadre pool pages: counts on a date, the people behind each count, and the moves.

Reading needs cadres.view_poolmembership; moving needs cadres.change_poolmembership (干部科,
superusers). A cadre outside the user's units is a 404 by every URL, checked before the
permission so that a refusal never confirms that someone exists.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..forms import AsOfForm
from ..models import Cadre, Unit
from . import services
from .forms import PoolEntryForm, PoolExitForm, PoolListForm, PoolStatusForm
from .models import PoolMembership
from .selectors import in_list_order, membership_status, pool_members
from .stats import pool_counts

ENTERED = "已将{name}列入年轻干部库"
ENTERED_MANY = "已将{count}人列入年轻干部库：{names}"
NONE_SELECTED = "请先在名册中勾选要列入年轻干部库的干部"
STATUS_CHANGED = "已将{name}的年轻干部库状态变更为“{status}”"
EXITED = "已将{name}移出年轻干部库"
CHANGE_PERMISSION = "cadres.change_poolmembership"


@require_GET
@permission_required("cadres.view_poolmembership", raise_exception=True)
def pool_overview(request):
    """Counts per status and per unit on that date on a chosen date (default today), each linked to its people."""
    form = AsOfForm(request.GET or None)
    day = form.day(timezone.localdate())
    counts = pool_counts(Cadre.objects.visible_to(request.user), day, units=Unit.objects.visible_to(request.user))
    return render(request, "cadres/pool/overview.html", {"form": form, "counts": counts}, status=_status(form))


@require_GET
@permission_required("cadres.view_poolmembership", raise_exception=True)
def pool_list(request):
    """The people in the pool on a date, narrowed by status and unit: the list behind a count."""
    form = PoolListForm(request.GET or None, user=request.user)
    day = form.day(timezone.localdate())
    valid = not form.is_bound or form.is_valid()
    filters = {key: form.cleaned_data.get(key) for key in ("status", "unit")} if form.is_bound and valid else {}
    if valid:
        cadres, units = Cadre.objects.visible_to(request.user), Unit.objects.visible_to(request.user)
        members = in_list_order(pool_members(cadres, day, units=units, **filters))
    else:
        members = []
    context = {
        "form": form,
        "day": day,
        "members": members,
        "status": filters.get("status"),
        "unit": filters.get("unit"),
    }
    return render(request, "cadres/pool/list.html", context, status=_status(form))


@require_http_methods(["GET", "POST"])
def pool_enter(request, cadre_pk):
    """Confirm (GET) and record (POST) a cadre's entry into the pool."""
    cadre = _acting_on(request, get_object_or_404(Cadre.objects.visible_to(request.user), pk=cadre_pk))
    form = PoolEntryForm(request.POST or None, initial={"entered_on": timezone.localdate()})
    return _confirm(
        request,
        form,
        lambda data: services.pool_entry_create(cadre=cadre, user=request.user, **data),
        {"cadre": cadre, "title": "列入年轻干部库"},
        lambda membership: ENTERED.format(name=cadre.name),
    )


@require_POST
def pool_enter_many(request):
    """Enter the cadres ticked in the roster (`id`, repeated): one confirmation for all, an audit entry each.

    The first POST (from the roster) shows the confirmation; the second (`confirm`) records the entries,
    all or none, and opens the roster of exactly those people on the entry date.
    """
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    ids = [value for value in request.POST.getlist("id") if value.isdigit()]
    cadres = list(Cadre.objects.visible_to(request.user).filter(pk__in=ids).select_related("unit"))
    if not cadres:
        messages.error(request, NONE_SELECTED)
        return redirect("cadre_list")
    confirmed = "confirm" in request.POST
    form = PoolEntryForm(request.POST if confirmed else None, initial={"entered_on": timezone.localdate()})
    if confirmed and form.is_valid():
        try:
            services.pool_entries_create(cadres=cadres, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            names = "、".join(cadre.name for cadre in cadres)
            messages.success(request, ENTERED_MANY.format(count=len(cadres), names=names))
            day = form.cleaned_data["entered_on"].isoformat()
            query = urlencode([("as_of", day), *(("id", cadre.pk) for cadre in cadres)])
            return redirect(f"{reverse('cadre_list')}?{query}")
    context = {"form": form, "cadres": cadres, "title": "列入年轻干部库"}
    return render(request, "cadres/pool/confirm_many.html", context, status=_status(form))


@require_http_methods(["GET", "POST"])
def pool_status(request, pk):
    """Confirm (GET) and record (POST) a move of a membership to another status."""
    membership = _membership(request, pk)
    current, _ = membership_status(membership)
    form = PoolStatusForm(request.POST or None, current=current, initial={"changed_on": timezone.localdate()})
    return _confirm(
        request,
        form,
        lambda data: services.pool_status_change(membership=membership, user=request.user, **data),
        {"cadre": membership.cadre, "membership": membership, "current": current, "title": "变更年轻干部库状态"},
        lambda change: STATUS_CHANGED.format(name=membership.cadre.name, status=change.get_status_display()),
    )


@require_http_methods(["GET", "POST"])
def pool_exit(request, pk):
    """Confirm (GET) and record (POST) a membership's exit from the pool."""
    membership = _membership(request, pk)
    form = PoolExitForm(request.POST or None, initial={"left_on": timezone.localdate()})
    return _confirm(
        request,
        form,
        lambda data: services.pool_exit(membership=membership, user=request.user, **data),
        {"cadre": membership.cadre, "membership": membership, "title": "移出年轻干部库"},
        lambda membership: EXITED.format(name=membership.cadre.name),
    )


def _status(form):
    return 400 if form.is_bound and form.errors else 200


def _acting_on(request, cadre):
    """Return `cadre` if the user may move it in the pool; found-but-forbidden is a 403."""
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    return cadre


def _membership(request, pk):
    visible = PoolMembership.objects.filter(cadre__in=Cadre.objects.visible_to(request.user))
    membership = get_object_or_404(visible.select_related("cadre"), pk=pk)
    _acting_on(request, membership.cadre)
    return membership


def _confirm(request, form, perform, context, done):
    """Show the confirmation form, or on POST do the move; a refusal re-shows the form with its reason."""
    if request.method == "POST" and form.is_valid():
        try:
            result = perform(form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, done(result))
            return redirect("cadre_detail", context["cadre"].pk)
    context["form"] = form
    return render(request, "cadres/pool/confirm.html", context, status=_status(form))
