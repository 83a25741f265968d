"""A record's change history as plain rows: who changed what, from which value to which.

Works for any model kept by django-simple-history; the caller says which fields its reader may only see
masked, so this module knows nothing of the records it shows.
"""

from dataclasses import dataclass, field

HISTORY_TYPES = {"+": "新建", "~": "修改", "-": "删除"}
HIDDEN_FIELDS = {"version"}
SYSTEM_USER = "系统"


@dataclass
class HistoryEntry:
    at: object
    user: str
    kind: str
    changes: list = field(default_factory=list)  # (field label, old, new)


def change_history(instance, *, masked=None):
    """Return the history entries of `instance`, newest first.

    `masked` maps a field name to the function that hides its values from this reader (e.g. an ID number
    for a role that may not see it); the values are masked before they are shown.
    """
    masked = masked or {}
    model = type(instance)
    records = list(instance.history.select_related("history_user").order_by("-history_date", "-history_id"))
    names = related_names(records)
    entries = []
    for index, record in enumerate(records):
        entry = HistoryEntry(
            at=record.history_date,
            user=record.history_user.get_username() if record.history_user else SYSTEM_USER,
            kind=HISTORY_TYPES.get(record.history_type, record.history_type),
        )
        previous = records[index + 1] if index + 1 < len(records) else None
        if previous is not None and record.history_type == "~":
            for change in record.diff_against(previous).changes:
                if change.field in HIDDEN_FIELDS:
                    continue
                old, new = change.old, change.new
                if change.field in masked:
                    old, new = masked[change.field](old), masked[change.field](new)
                label = model._meta.get_field(change.field).verbose_name
                entry.changes.append(
                    (label, display(model, names, change.field, old), display(model, names, change.field, new))
                )
        entries.append(entry)
    return entries


def related_names(records):
    """Return {field name: {pk: name}} for the related rows the records mention, one query each."""
    names = {}
    if not records:
        return names
    for model_field in records[0].instance._meta.concrete_fields:
        if model_field.is_relation:
            ids = {getattr(record, model_field.attname) for record in records}
            rows = model_field.related_model.objects.filter(pk__in=ids)
            names[model_field.name] = {row.pk: str(row) for row in rows}
    return names


def display(model, names, name, value):
    """Return a stored value as people read it: choice labels, related names, blanks as —."""
    model_field = model._meta.get_field(name)
    if value in (None, ""):
        return "—"
    if model_field.is_relation:
        return names.get(name, {}).get(value, f"（已删除 #{value}）")
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    return str(value)
