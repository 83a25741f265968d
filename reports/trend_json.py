"""The JSON shapes of the trend and the forecast: every figure with its drill-down links."""

from .drilldown import drilldown_urls


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
