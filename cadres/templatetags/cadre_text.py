"""How a cadre's fields read on a page: a date known to the month as a month, a written form as written."""

from django import template

register = template.Library()


@register.filter
def known_date(cadre, name):
    """Return the date field `name` of `cadre` as 1990年5月 when known to the month only, else 1990年5月12日."""
    return cadre.date_text(name) or "—"
