"""Pages and downloads of the young-cadre statistics: parse, compute once, render."""

import datetime

from django.contrib.auth.decorators import permission_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.access import sees_all_units
from audit.services import audit
from cadres.dates import day_in_words
from cadres.models import Cadre, Unit

from ..audit_actions import ReportAction
from ..crosscheck import failures_text
from ..drilldown import drilldown_url
from ..excel import xlsx_response
from ..narrative import experience_html
from ..params import DISTRICT_SCOPE, PARAMS_INVALID, StatsParams, StatsParamsForm, units_in_words
from ..serializers import stats_as_dict
from ..stats import counted_cadres, young_cadre_stats
from ..tables import GroupTable, breakdown_views, headline_figures
from ..trend import default_range, young_cadre_trend
from ..trend_json import trend_figures_as_dict
from ..workbooks import workbook_filename, young_cadre_workbook


def user_scope(user):
    """Return what "no unit chosen" covers for `user`: the district, or their own units by name.

    A clerk reads the name of their unit ("团山街道办事处35周岁以下年轻干部共9人"), several joined with 、;
    OWN_UNITS_SCOPE only for an account no unit is assigned to yet.
    """
    if sees_all_units(user):
        return DISTRICT_SCOPE
    return units_in_words(Unit.objects.filter(staff=user).values_list("name", flat=True))


def stats_form(request):
    """Return the bound parameter form, its choices limited to the units the user may see."""
    return StatsParamsForm(request.GET, units=Unit.objects.visible_to(request.user), scope=user_scope(request.user))


@require_GET
def home(request):
    """The dashboard: today's headline figures for the user's scope, the group chart, the age pyramid, links."""
    today = timezone.localdate()
    params = StatsParams(as_of=today, scope=user_scope(request.user))
    stats = young_cadre_stats(params, cadres=Cadre.objects.visible_to(request.user))
    last_month_end = today.replace(day=1) - datetime.timedelta(days=1)
    # The sparkline of the last 24 months: two more queries whatever the number of cadres (reports/trend.py).
    trend = None
    if request.user.has_perm("cadres.view_cadre"):
        trend = young_cadre_trend(
            params, *default_range(today), cadres=Cadre.objects.visible_to(request.user), today=today
        )
    context = {
        "stats": stats,
        "last_month_end": last_month_end,
        "headlines": headline_figures(stats),
        "pyramid": breakdown_views(stats)[1],
        "stats_data": stats_as_dict(stats),
        "all_url": drilldown_url(stats.params),
        "recent_url": drilldown_url(stats.params, recent="1"),
        "trend": trend,
        "trend_data": trend_figures_as_dict(trend) if trend else None,
    }
    return render(request, "reports/home.html", context)


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def young_cadres_page(request):
    form = stats_form(request)
    if not form.is_valid():
        return render(request, "reports/young_cadres.html", {"form": form}, status=400)
    stats = young_cadre_stats(form.params(), cadres=Cadre.objects.visible_to(request.user))
    context = {
        "form": form,
        "stats": stats,
        "table": GroupTable(stats),
        "breakdown_views": breakdown_views(stats),
        "stats_data": stats_as_dict(stats),
        "all_url": drilldown_url(stats.params),
        "experience": experience_html(
            stats,
            grassroots_url=drilldown_url(stats.params, grassroots="0"),
            organ_url=drilldown_url(stats.params, organ="0"),
        ),
    }
    return render(request, "reports/young_cadres.html", context)


@require_GET
@permission_required("cadres.export_cadres", raise_exception=True)
def young_cadres_json(request):
    form = stats_form(request)
    if not form.is_valid():
        return JsonResponse(
            {"error": PARAMS_INVALID, "messages": form.error_messages_list()},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    stats = young_cadre_stats(form.params(), cadres=Cadre.objects.visible_to(request.user))
    audit_export(request, ReportAction.STATS_JSON, stats)
    return JsonResponse(stats_as_dict(stats), json_dumps_params={"ensure_ascii": False})


@require_GET
@permission_required("cadres.export_cadres", raise_exception=True)
def young_cadres_xlsx(request):
    form = stats_form(request)
    if not form.is_valid():
        return render(request, "reports/young_cadres.html", {"form": form}, status=400)
    params = form.params()
    cadres = Cadre.objects.visible_to(request.user)
    stats = young_cadre_stats(params, cadres=cadres)
    if stats.check_failures:
        return render(
            request,
            "reports/check_failed.html",
            {"stats": stats, "message": failures_text(stats.check_failures)},
            status=409,
        )
    content = young_cadre_workbook(stats, counted_cadres(params, cadres=cadres))
    audit_export(request, ReportAction.STATS_XLSX, stats)
    return xlsx_response(content, workbook_filename(params))


def audit_export(request, action, stats):
    """Record an export with its parameters and the number of people it held."""
    audit(
        action=action,
        request=request,
        summary=f"截至{day_in_words(stats.params.as_of)}，{stats.total}人",
        data={"params": stats.params.as_dict(), "rows": stats.total},
    )
