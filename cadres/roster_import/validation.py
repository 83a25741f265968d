"""Validating a roster's planned cadre as Django would, each check run once per distinct value.

A roster of 100,000 rows holds a few distinct values in most columns: Field.clean runs once per
value (or per combination of the repeating fields), and Model.clean on every row.
"""

import operator

from django.core.exceptions import ValidationError

from ..models import Cadre
from ..models.records import written_form_errors

# The fields full_clean() would check (unit and channel come from the preloaded dicts).
CHECKED_FIELDS = tuple(field for field in Cadre._meta.fields if field.name not in ("unit", "channel"))
# What validate() needs of each field, looked up once rather than on every row.
FIELD_CHECKS = tuple((field.name, field.attname, field.blank, field.empty_values, field) for field in CHECKED_FIELDS)


class FieldChecks:
    """The field checks of one set of fields a row sets, split by how often their values repeat.

    The fields of CHECKED_ON_READ were checked by Django as their cells were read (cells.field_text).
    """

    def __init__(self, names):
        checks = [check for check in FIELD_CHECKS if check[0] in names and check[0] not in CHECKED_ON_READ]
        self.dated = [check for check in checks if check[0] in DATED]
        self.grouped = [check for check in checks if check[0] not in DATED]
        # The written forms are checked against their choices (Cadre.clean_fields) with the group.
        self.written = bool(names & WRITTEN_INPUTS)
        attnames = [check[1] for check in self.grouped]
        if self.written:
            attnames += sorted(WRITTEN_INPUTS)
        self.values = operator.attrgetter(*attnames) if attnames else tuple
        self.dated_values = _values_of([check[1] for check in self.dated])
        self.memo = {}


def _values_of(attnames):
    """Return a function giving the tuple of `attnames` of an object, whatever their number."""
    if not attnames:
        return lambda _obj: ()
    if len(attnames) == 1:
        getter = operator.attrgetter(attnames[0])
        return lambda obj: (getter(obj),)
    return operator.attrgetter(*attnames)


CHECKED_ON_READ = frozenset({"name", "id_number", "post", "notes"})
WRITTEN_INPUTS = frozenset(
    {"degree", "education_mode", *(name for pair in Cadre.WRITTEN.items() for name in (pair[0], pair[1][0]))}
)


# Fields of many values (a date per person): checked value by value rather than in the group.
DATED = frozenset(Cadre.MONTH_ONLY) | {"retirement_month", "party_confirmed_date", "created_at", "updated_at"}


def _field_errors(cadre, checks):
    """Return ((field, messages), …) of Django's field checks (Field.clean) on `cadre`."""
    errors = []
    for name, attname, blank, empty_values, model_field in checks:
        value = getattr(cadre, attname)
        if blank and value in empty_values:
            continue
        try:
            model_field.clean(value, cadre)
        except ValidationError as error:
            errors.append((name, tuple(error.messages)))
    return tuple(errors)


class RowValidator:
    """Validates the cadres of one roster, remembering the checks of values already met."""

    def __init__(self):
        self.field_memo = {}

    def validate(self, cadre, checks):
        """Return {field: messages} as `cadre.full_clean()` would for the fields of `checks`, then clean().

        The same checks as full_clean(exclude=["unit", "channel"], validate_unique=False,
        validate_constraints=False), in the same order with the same messages; but checks run once
        per distinct value: the fields whose values repeat (choices, texts of a few words) as one
        group, each date on its own; names, ID numbers, posts and notes were checked as their cells were
        read (cells.field_text).
        Uniqueness is checked against the preloaded dicts and the FKs come from them; the database
        constraints still guard the save. The fields a row does not set keep the values of the
        saved cadre, which passed these checks when they were saved, or a new cadre's defaults.
        """
        grouped = checks.values(cadre)
        errors = checks.memo.get(grouped)
        if errors is None:
            errors = _field_errors(cadre, checks.grouped)
            if checks.written:
                errors += tuple((name, (message,)) for name, message in written_form_errors(cadre).items())
            checks.memo[grouped] = errors
        errors = {name: list(messages) for name, messages in errors} if errors else {}
        field_memo = self.field_memo
        for check, value in zip(checks.dated, checks.dated_values(cadre), strict=True):
            if value is None and check[2]:
                continue  # blank and empty: Django skips the field (Model.clean_fields)
            memo_key = (check[0], value)
            messages = field_memo.get(memo_key)
            if messages is None:
                messages = field_memo[memo_key] = dict(_field_errors(cadre, (check,))).get(check[0], ())
            if messages:
                errors[check[0]] = list(messages)
        try:
            cadre.clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(name, []).extend(messages)
        return errors
