"""The JSON shapes of the trend and the forecast: every figure with its drill-down links."""

from .drilldown import drilldown_urls
from .forecast import in_unit


def _links(params, prefix="", **narrowing):
    return {f"{prefix}{key}": link for key, link in drilldown_urls(params, **narrowing).items()}


def trend_as_dict(trend):
    """Return the trend as plain data: per month its day, total, recent and groups, each with its drill-down
    (`url` and `page_url` list exactly the people counted that day), and the archived figures where they differ.
    """
    params = trend.params
    data = params.as_dict()
    del data["as_of"]
    return {
        **data,
        "start": f"{trend.start:%Y-%m}",
        "end": f"{trend.end:%Y-%m}",
        "archive_compared": trend.archive_compared,
        "months": [
            {
                "month": f"{month.month:%Y-%m}",
                "as_of": month.as_of.isoformat(),
                "total": month.total,
                **_links(month.params),
                "recent": month.recent,
                **_links(month.params, "recent_", recent="1"),
                "groups": [
                    {
                        "name": group.name,
                        "count": group.count,
                        **_links(month.params, group=group.name),
                        "recent": group.recent,
                        **_links(month.params, "recent_", group=group.name, recent="1"),
                    }
                    for group in month.groups
                ],
                "archived": None
                if month.archived is None
                else {
                    "report": month.archived.report,
                    "total": month.archived.total,
                    "recent": month.archived.recent,
                    "groups": [{"name": name, "count": count} for name, count in month.archived.groups.items()],
                    "reason": month.archived.reason,
                },
            }
            for month in trend.months
        ],
    }


def trend_figures_as_dict(trend):
    """Return the trend's figures alone, for its chart and the home page's sparkline: the shape of trend_as_dict
    without the drill-down links (building those takes longer than counting the months).
    """
    return {
        "start": f"{trend.start:%Y-%m}",
        "end": f"{trend.end:%Y-%m}",
        "recent_years": trend.params.recent_years,
        "months": [
            {
                "month": f"{month.month:%Y-%m}",
                "total": month.total,
                "recent": month.recent,
                "groups": [{"name": group.name, "count": group.count} for group in month.groups],
            }
            for month in trend.months
        ],
    }


def forecast_figures_as_dict(forecast):
    """Return the forecast's figures alone, for its chart: the shape of forecast_as_dict without the links."""
    return {
        "as_of": forecast.params.as_of.isoformat(),
        "months": [
            {
                "month": f"{month.month:%Y-%m}",
                "size": month.size,
                "groups": [{"name": name, "leaving": month.by_group.get(name, 0)} for name in forecast.group_names],
            }
            for month in forecast.months
        ],
    }


def forecast_as_dict(forecast):
    """Return the forecast as plain data: per coming month the leavers (with the drill-down to their names,
    by group and by unit) and the reserve's size; the recent intake mix and the yearly intake needed.
    """
    params = forecast.params
    needed = forecast.needed_a_year
    return {
        **params.as_dict(),
        "total": forecast.total,
        **_links(params),
        "months": [
            {
                "month": f"{month.month:%Y-%m}",
                "after": month.after.isoformat(),
                "until": month.until.isoformat(),
                "leaving": month.leaving,
                **_links(params, leaves_in=f"{month.month:%Y-%m}"),
                "size": month.size,
                "groups": [
                    {
                        "name": name,
                        "leaving": month.by_group.get(name, 0),
                        **_links(params, leaves_in=f"{month.month:%Y-%m}", group=name),
                    }
                    for name in forecast.group_names
                ],
                "units": [
                    {
                        "id": pk,
                        "name": name,
                        "leaving": month.by_unit[pk],
                        **_links(in_unit(params, pk, name), leaves_in=f"{month.month:%Y-%m}"),
                    }
                    for pk, name in forecast.units
                    if month.by_unit.get(pk)
                ],
            }
            for month in forecast.months
        ],
        "intake": {
            "entrants": forecast.entrants,
            "entrants_a_year": round(forecast.entrants_a_year, 1),
            "mean_years_in_reserve": round(forecast.mean_years_in_reserve, 2),
            "needed_a_year": None if needed is None else round(needed, 1),
            "channels": [
                {
                    "group": channel.group,
                    "code": channel.code,
                    "name": channel.name,
                    "entrants": channel.entrants,
                    "mean_years_in_reserve": round(channel.mean_years, 2),
                }
                for channel in forecast.intake
            ],
            "needed_by_group": [{"name": name, "needed_a_year": round(n, 1)} for name, n in forecast.needed_by_group()],
        },
    }
