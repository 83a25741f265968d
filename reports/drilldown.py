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

    `narrowing` takes the cadre list's own filters: group (name), channel (code), recent, grassroots, organ.
    """
    pairs = params.to_query() + [(name, value) for name, value in narrowing.items() if value is not None]
    return f"{reverse(view)}?{urlencode(pairs)}"


def drilldown_urls(params, **narrowing):
    """Return {"url": JSON URL, "page_url": page URL} of one figure, for the statistics JSON."""
    return {
        "url": drilldown_url(params, view=CADRE_LIST_JSON, **narrowing),
        "page_url": drilldown_url(params, **narrowing),
    }
