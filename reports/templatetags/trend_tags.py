"""Template helpers of the pages over time: a figure's drill-down link, an archived figure."""

from django import template

from ..drilldown import drilldown_url

register = template.Library()


@register.simple_tag
def drilldown(params, **narrowing):
    """Return the cadre list URL of exactly the people of one figure counted with `params`."""
    return drilldown_url(params, **narrowing)


@register.simple_tag
def archived_count(month, name):
    """Return the archived count of group `name` in a trend month."""
    return month.archived_count(name)
