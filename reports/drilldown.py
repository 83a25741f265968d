"""Links from a statistics figure to the cadre list of exactly its people (the drill-down).

The link carries the statistics parameters themselves; the cadre list's filters hand them to
`Cadre.objects.young_cadres(params)`, the method the figure was counted with.
"""

import dataclasses
from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

CADRE_LIST_PAGE = "cadre_list"
CADRE_LIST_JSON = "cadre_list_json"


def drilldown_url(params, *, view=CADRE_LIST_PAGE, **narrowing):
    """Return the cadre list URL (the page, or CADRE_LIST_JSON) listing the people of one figure.

    `narrowing` takes the cadre list's own filters: group (name), channel (code), recent, grassroots, organ,
    and those of the breakdowns (reports/breakdowns.py); a list value repeats the parameter.
    """
    pairs = []
    for name, value in narrowing.items():
        # A filter that takes several values (political_status=…&political_status=…) repeats its name.
        values = value if isinstance(value, list | tuple) else [value]
        pairs += [(name, item) for item in values if item is not None]
    if params.unit is not None:
        # The unit is the last of the parameters (StatsParams.to_query): the part before it is shared.
        pairs.insert(0, ("unit", params.unit.pk))
        params = dataclasses.replace(params, unit=None)
    base = _base(view, params, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return f"{base}&{urlencode(pairs)}" if pairs else base


# A page of the forecast links thousands of figures (units × months) with the same parameters: the path and
# the parameters' part of the query are made once for them (the prefix and the URLconf are part of the key).
@lru_cache(maxsize=64)
def _base(view, params, prefix, urlconf):
    return f"{reverse(view)}?{urlencode(params.to_query())}"


def drilldown_urls(params, **narrowing):
    """Return {"url": JSON URL, "page_url": page URL} of one figure, for the statistics JSON."""
    return {
        "url": drilldown_url(params, view=CADRE_LIST_JSON, **narrowing),
        "page_url": drilldown_url(params, **narrowing),
    }
