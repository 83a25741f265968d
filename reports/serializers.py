"""The JSON shape of the statistics."""


def params_as_dict(params):
    """Return the parameters of a statistic as plain data (for JSON and the audit trail)."""
    return {
        "as_of": params.as_of.isoformat(),
        "max_age": params.max_age,
        "recent_years": params.recent_years,
        "excluded": [{"year": year, "channel": code} for year, code in params.excluded],
        "unit": {"id": params.unit.pk, "name": params.unit.name} if params.unit else None,
    }


def stats_as_dict(stats):
    """Return the statistics as plain data, groups and channels in the article's order."""
    return {
        **params_as_dict(stats.params),
        "excluded": [{"year": item.year, "channel": item.code, "name": item.name} for item in stats.excluded],
        "total": stats.total,
        "recent": stats.recent,
        "groups": [
            {
                "name": group.name,
                "count": group.count,
                "recent": group.recent,
                "channels": [
                    {"code": channel.code, "name": channel.name, "count": channel.count, "recent": channel.recent}
                    for channel in group.channels
                ],
            }
            for group in stats.groups
        ],
        "footnote": stats.footnote,
        "narrative": stats.narrative,
    }
