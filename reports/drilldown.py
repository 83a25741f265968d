"""Links from a statistics figure to the cadre list of exactly its people (the drill-down).

The link carries the statistics parameters themselves; the cadre list's filters hand them to
`Cadre.objects.young_cadres(params)`, the method the figure was counted with.
"""

from urllib.parse import urlencode

from django.urls import reverse

CADRE_LIST_PAGE = "cadre_list"
CADRE_LIST_JSON = "cadre_list_json"


def drilldown_url(params, *, view=CADRE_LIST_PAGE, **narrowing):
    """Return the cadre list URL (the page, or CADRE_LIST_JSON) listing the people of one figure.

    `narrowing` takes the cadre list's own filters: group (name), channel (code), recent, grassroots, organ,
    and those of the breakdowns (reports/breakdowns.py); a list value repeats the parameter.
    """
    pairs = params.to_query()
    for name, value in narrowing.items():
        # A filter that takes several values (political_status=…&political_status=…) repeats its name.
        values = value if isinstance(value, list | tuple) else [value]
        pairs += [(name, item) for item in values if item is not None]
    return f"{reverse(view)}?{urlencode(pairs)}"


def drilldown_urls(params, **narrowing):
    """Return {"url": JSON URL, "page_url": page URL} of one figure, for the statistics JSON."""
    return {
        "url": drilldown_url(params, view=CADRE_LIST_JSON, **narrowing),
        "page_url": drilldown_url(params, **narrowing),
    }
