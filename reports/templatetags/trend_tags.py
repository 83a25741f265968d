"""Template helpers of the pages over time: a figure's drill-down link, an archived figure."""

from django import template

from ..drilldown import drilldown_url
from ..forecast import in_unit

register = template.Library()


@register.simple_tag
def drilldown(params, **narrowing):
    """Return the cadre list URL of exactly the people of one figure counted with `params`."""
    return drilldown_url(params, **narrowing)


@register.simple_tag
def archived_count(month, name):
    """Return the archived count of group `name` in a trend month."""
    return month.archived_count(name)


@register.simple_tag
def unit_drilldown(params, pk, name, **narrowing):
    """Return the drill-down of one figure of unit `pk` (the unit's own and its lower units' people)."""
    return drilldown_url(in_unit(params, pk, name), **narrowing)


@register.filter
def one_decimal(value):
    """Return a number with one decimal, "—" for None."""
    return "—" if value is None else f"{value:.1f}"


@register.filter
def get_item(mapping, key):
    """Return `mapping[key]`, 0 when absent (a count)."""
    return mapping.get(key, 0)
