"""The figures over time: the trend month by month (and the age-out forecast), page and JSON."""

from django.contrib.auth.decorators import permission_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from audit.services import audit
from cadres.dates import day_in_words
from cadres.models import Cadre, Unit

from ..audit_actions import ReportAction
from ..forecast import age_out_forecast
from ..params import DISTRICT_SCOPE, PARAMS_INVALID
from ..trend import young_cadre_trend
from ..trend_forms import ForecastForm, TrendForm
from ..trend_json import forecast_as_dict, forecast_figures_as_dict, trend_as_dict, trend_figures_as_dict
from .young_cadres import user_scope

PARAM_KEYS = ("start", "end", "max_age", "recent_years", "excluded", "unit")


def trend_form(request):
    return TrendForm(request.GET, units=Unit.objects.visible_to(request.user), scope=user_scope(request.user))


def forecast_form(request):
    return ForecastForm(request.GET, units=Unit.objects.visible_to(request.user), scope=user_scope(request.user))


def compute_trend(request, form):
    """Return the trend of a valid form over the cadres the user may see.

    Archived reports are district-wide: compared only for a district-wide trend, and only for users who
    may see the archive.
    """
    start, end = form.month_range()
    return young_cadre_trend(
        form.params(),
        start,
        end,
        cadres=Cadre.objects.visible_to(request.user),
        today=form.today,
        compare_archive=form.scope == DISTRICT_SCOPE and request.user.has_perm("reports.view_monthlyreport"),
    )


def params_error(form):
    return JsonResponse(
        {"error": PARAMS_INVALID, "messages": form.error_messages_list()},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def trend_page(request):
    form = trend_form(request)
    if not form.is_valid():
        return render(request, "reports/trend.html", {"form": form}, status=400)
    trend = compute_trend(request, form)
    return render(
        request, "reports/trend.html", {"form": form, "trend": trend, "trend_data": trend_figures_as_dict(trend)}
    )


@require_GET
@permission_required("cadres.export_cadres", raise_exception=True)
def trend_json(request):
    form = trend_form(request)
    if not form.is_valid():
        return params_error(form)
    trend = compute_trend(request, form)
    data = trend_as_dict(trend)
    audit(
        action=ReportAction.TREND_JSON,
        request=request,
        summary=f"{data['start']}至{data['end']}逐月统计",
        data={"params": {key: data[key] for key in PARAM_KEYS}, "months": len(data["months"])},
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_GET
@permission_required("cadres.view_cadre", raise_exception=True)
def forecast_page(request):
    form = forecast_form(request)
    if not form.is_valid():
        return render(request, "reports/forecast.html", {"form": form}, status=400)
    forecast = age_out_forecast(form.params(), cadres=Cadre.objects.visible_to(request.user))
    context = {"form": form, "forecast": forecast, "forecast_data": forecast_figures_as_dict(forecast)}
    return render(request, "reports/forecast.html", context)


@require_GET
@permission_required("cadres.export_cadres", raise_exception=True)
def forecast_json(request):
    form = forecast_form(request)
    if not form.is_valid():
        return params_error(form)
    forecast = age_out_forecast(form.params(), cadres=Cadre.objects.visible_to(request.user))
    audit(
        action=ReportAction.FORECAST_JSON,
        request=request,
        summary=f"截至{day_in_words(forecast.params.as_of)}的年龄退出预测，{forecast.total}人",
        data={"params": forecast.params.as_dict(), "rows": forecast.total},
    )
    return JsonResponse(forecast_as_dict(forecast), json_dumps_params={"ensure_ascii": False})
