"""Admin changelists filter only by what they declare, so no lookup reads a field the user cannot see.

Django's `ModelAdmin.lookup_allowed` lets any lookup on the model's own fields through the query string:
`/admin/cadres/cadre/?id_number__startswith=4202041991` answers "listed" or "not listed" and reads a masked
公民身份号码 digit by digit. Every admin of the project takes DeclaredLookupsMixin (tests/security checks
the registry), which allows exactly the parameters of `list_filter` and of `date_hierarchy`.
"""

from django.contrib.admin import FieldListFilter, SimpleListFilter
from django.contrib.admin.utils import get_fields_from_path

# The years a date hierarchy may open: Django's own arithmetic overflows past 9999 (year + 1, month + 32 days).
HIERARCHY_YEARS = range(1900, 2101)
HIERARCHY_PARTS = ("year", "month", "day")


class DeclaredLookupsMixin:
    """Allow in the changelist's query string only the declared filters' parameters and the date hierarchy's."""

    def lookup_allowed(self, lookup, value, request=None):
        if self.date_hierarchy and lookup in hierarchy_parameters(self.date_hierarchy):
            return hierarchy_value_ok(lookup, value)
        return lookup in self.declared_lookups(request)

    def declared_lookups(self, request):
        """Return the query parameters the list filters of this admin read (computed once per request)."""
        cache = request.__dict__.setdefault("_declared_lookups", {}) if request is not None else {}
        key = type(self)
        if key not in cache:
            cache[key] = frozenset(self._filter_parameters(request))
        return cache[key]

    def _filter_parameters(self, request):
        for item in self.get_list_filter(request):
            if isinstance(item, type) and issubclass(item, SimpleListFilter):
                yield item.parameter_name
                continue
            field_path, filter_class = item if isinstance(item, list | tuple) else (item, FieldListFilter.create)
            field = get_fields_from_path(self.model, field_path)[-1]
            spec = filter_class(field, request, {}, self.model, self, field_path=field_path)
            yield from spec.expected_parameters()


def hierarchy_parameters(field_path):
    return {f"{field_path}__{part}": part for part in HIERARCHY_PARTS}


def hierarchy_value_ok(lookup, value):
    """Return whether a date hierarchy's year, month or day is a number Django can build dates from."""
    part = lookup.rsplit("__", 1)[1]
    limits = {"year": HIERARCHY_YEARS, "month": range(1, 13), "day": range(1, 32)}
    try:
        return int(value) in limits[part]
    except (TypeError, ValueError):
        return False
