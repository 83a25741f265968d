"""Select widgets for long lists of choices: the units of a city or a province."""

from html import escape

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def text(value):
    """Return `value` escaped for HTML as Django's templates escape it (safe strings kept as they are)."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


def attributes(attrs):
    """Return `attrs` as Django's attrs.html writes them: in order, True as a bare name, False left out."""
    return format_html_join(
        "",
        " {}{}",
        (
            (name, "" if value is True else format_html('="{}"', value))
            for name, value in attrs.items()
            if value is not False
        ),
    )


class OptionsInPython:
    """Render a select's options in Python rather than through a template per option.

    Django renders each <option> with its own template: at 2,500 units (a city of 100,000 cadres)
    the unit pickers took most of the statistics and roster pages' time. The HTML is Django's, byte
    for byte; a select with option groups is left to Django.
    """

    def render(self, name, value, attrs=None, renderer=None):
        choices = list(self.choices)
        if any(isinstance(label, list | tuple) for _, label in choices):
            return super().render(name, value, attrs, renderer)
        wanted = set(self.format_value(value))
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        options, chosen = [], False
        for option, label in choices:
            option = "" if option is None else str(option)
            # As Django: the first match only in a single select.
            selected = option in wanted and (self.allow_multiple_selected or not chosen)
            chosen = chosen or selected
            # Plain string building: format_html per option costs more than the rest of a long select.
            options.append(
                f'\n  <option value="{escape(option)}"{" selected" if selected else ""}>{text(label)}</option>\n'
            )
        return format_html('<select name="{}"{}>{}\n</select>', name, attributes(attrs), mark_safe("".join(options)))


class LongSelect(OptionsInPython, forms.Select):
    """A select of many choices (a unit picker)."""


class LongSelectMultiple(OptionsInPython, forms.SelectMultiple):
    """A multiple select of many choices (units to keep or leave out)."""
