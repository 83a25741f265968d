"""Template helpers of the pages over time: a figure's drill-down link, an archived figure."""

from django import template
from django.utils.html import format_html_join

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
def unit_leaving_links(params, forecast, pk, name, counts):
    """Return the months in which people leave unit `pk` by age, each linked to their names: "2021年8月 2人".

    Written in Python: a template loop over every unit and month took most of the forecast page's time.
    """
    unit_params = in_unit(params, pk, name)
    return format_html_join(
        "",
        '<a href="{}">{}年{}月 {}人</a> ',
        (
            (drilldown_url(unit_params, leaves_in=f"{month.month:%Y-%m}"), month.month.year, month.month.month, count)
            for month, count in zip(forecast.months, counts, strict=True)
            if count
        ),
    )


@register.filter
def one_decimal(value):
    """Return a number with one decimal, "—" for None."""
    return "—" if value is None else f"{value:.1f}"


@register.filter
def get_item(mapping, key):
    """Return `mapping[key]`, 0 when absent (a count)."""
    return mapping.get(key, 0)
