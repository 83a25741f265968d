"""The JSON shape of the statistics."""

from .drilldown import drilldown_urls


def _links(params, prefix="", **narrowing):
    """Return the drill-down links of one figure as `url`/`page_url` keys, under `prefix`."""
    return {f"{prefix}{key}": link for key, link in drilldown_urls(params, **narrowing).items()}


def stats_as_dict(stats):
    """Return the statistics as plain data, groups and channels in the article's order.

    Every figure has its drill-down: `url` (/cadres.json) and `page_url` (/cadres/) list exactly
    the people counted, `recent_url` and `recent_page_url` those of the recent figure.
    """
    params = stats.params
    return {
        **params.as_dict(),
        "excluded": [{"year": item.year, "channel": item.code, "name": item.name} for item in stats.excluded],
        "recent_label": stats.recent_label,
        "total": stats.total,
        **_links(params),
        "recent": stats.recent,
        **_links(params, "recent_", recent="1"),
        "lacking_grassroots": stats.lacking_grassroots,
        **_links(params, "lacking_grassroots_", grassroots="0"),
        "lacking_organ": stats.lacking_organ,
        **_links(params, "lacking_organ_", organ="0"),
        "groups": [
            {
                "name": group.name,
                "count": group.count,
                **_links(params, group=group.name),
                "recent": group.recent,
                **_links(params, "recent_", group=group.name, recent="1"),
                "channels": [
                    {
                        "code": channel.code,
                        "name": channel.name,
                        "count": channel.count,
                        **_links(params, channel=channel.code),
                        "recent": channel.recent,
                        **_links(params, "recent_", channel=channel.code, recent="1"),
                    }
                    for channel in group.channels
                ],
            }
            for group in stats.groups
        ],
        "average_age": float(stats.average_age) if stats.average_age is not None else None,
        **_links(params, "average_age_"),
        "breakdowns": [breakdown_as_dict(params, breakdown) for breakdown in stats.breakdowns],
        "checks": {
            "passed": not stats.check_failures,
            "failures": [
                {"figure": f.figure, "found": f.found, "expected": f.expected, "message": f.message}
                for f in stats.check_failures
            ],
        },
        "footnote": stats.footnote,
        "narrative": stats.narrative,
    }


def breakdown_as_dict(params, breakdown):
    """Return one breakdown as plain data: its bands and shares, each count with its drill-down links."""
    return {
        "key": breakdown.key,
        "title": breakdown.title,
        "total": breakdown.total,
        "note": breakdown.note,
        "series": list(breakdown.series),
        "bands": [
            {
                "key": band.key,
                "label": band.label,
                **({"series": band.series} if band.series else {}),
                "count": band.count,
                "share": breakdown.share(band.count),
                **_links(params, **band.narrowing),
            }
            for band in breakdown.bands
        ],
        "shares": [
            {
                "label": share.label,
                "count": share.count,
                "share": breakdown.share(share.count),
                **_links(params, **share.narrowing),
            }
            for share in breakdown.shares
        ],
    }
