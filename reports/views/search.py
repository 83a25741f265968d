"""The search box in the header of every page: a name or 公民身份号码 → that person, or the filtered roster."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET

from .cadre_list import cadre_list_filter


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def cadre_search(request):
    """Open the one person the words find (as the roster's 姓名或身份证号 search reads them), else the roster.

    The roster filtered by the words shows none, several, or a mistyped query with its message.
    """
    words = request.GET.get("q", "").strip()
    roster = reverse("cadre_list")
    if not words:
        return redirect(roster)
    filterset = cadre_list_filter(request)
    if filterset.is_valid():
        found = list(filterset.qs.order_by().values_list("pk", flat=True)[:2])
        if len(found) == 1:
            return redirect("cadre_detail", pk=found[0])
    return redirect(f"{roster}?{urlencode({'q': words})}")
