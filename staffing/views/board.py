"""The 科室配备 board and the cover calendar, as pages and as JSON."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ..board import board_rules, staffing_board
from ..cover import cover_calendar
from ..forms import BoardForm, CoverForm
from ..models import Section
from ..serializers import board_as_dict, cover_as_dict
from .common import json_answer, json_error, status_of

VIEW = "staffing.view_section"


@require_GET
@permission_required(VIEW, raise_exception=True)
def board_page(request):
    """Every section the user may see on a day (default today): staff, offices above, A and B, risks."""
    form = BoardForm(request.GET or None)
    board = staffing_board(Section.objects.visible_to(request.user), form.day(timezone.localdate()))
    context = {"form": form, "board": board, "rules": board_rules()}
    return render(request, "staffing/board.html", context, status=status_of(form))


@require_GET
@permission_required(VIEW, raise_exception=True)
def board_json(request):
    form = BoardForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return json_error(form)
    board = staffing_board(Section.objects.visible_to(request.user), form.day(timezone.localdate()))
    return json_answer(board_as_dict(board))


def _calendar(request, form):
    start, end = form.range(timezone.localdate())
    return cover_calendar(Section.objects.visible_to(request.user), start, end)


@require_GET
@permission_required(VIEW, raise_exception=True)
def cover_page(request):
    """For each day of a range: the sections whose A is away, who covers, and those left with nobody."""
    form = CoverForm(request.GET)
    calendar = _calendar(request, form) if form.is_valid() else None
    return render(request, "staffing/cover.html", {"form": form, "calendar": calendar}, status=status_of(form))


@require_GET
@permission_required(VIEW, raise_exception=True)
def cover_json(request):
    form = CoverForm(request.GET)
    if not form.is_valid():
        return json_error(form)
    return json_answer(cover_as_dict(_calendar(request, form)))
