"""Saving many rows in one statement each, so an import's query count does not grow with its rows.

Django's bulk_create and bulk_update split their work by SQLite's 999-variable limit (and
bulk_update's CASE WHEN runs past PostgreSQL's 65,535 parameters), so their statement count
grows with the rows. Here every row travels in one parameter: a JSON array that SQLite reads
with json_each, or one array per column that PostgreSQL reads with UNNEST (as Django's own
bulk_create does on PostgreSQL).
"""

import json

from django.db import connection, models

JSON_ROWS = "SELECT {columns} FROM json_each(%s) ORDER BY key"


def _columns(model, fields):
    return [model._meta.get_field(name) for name in fields]


def _insert_fields(model):
    return [field for field in model._meta.local_concrete_fields if field is not model._meta.auto_field]


def _values(obj, fields, *, add):
    return [field.get_db_prep_save(field.pre_save(obj, add), connection) for field in fields]


# Fields whose Python value SQLite stores as it is; Django's per-value preparation of these costs
# more than the rest of an import together. Anything else (date-times, auto_now) goes through it.
PLAIN = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def _sqlite_reader(field):
    """Return a function of an instance giving `field`'s value as SQLite stores it, JSON-serialisable."""
    if isinstance(field, models.DateTimeField) or getattr(field, "auto_now", False):
        return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)
    attname = field.attname
    if isinstance(field, models.DateField):

        def date(obj):
            value = getattr(obj, attname)
            return None if value is None else value.isoformat()

        return date
    if isinstance(field, PLAIN):
        return lambda obj: getattr(obj, attname)
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)


def _json_extracts(count, source="value"):
    return ", ".join(f"json_extract({source}, '$[{index}]')" for index in range(count))


def insert_rows(model, objs):
    """Insert `objs` (unsaved instances of `model`) in one statement and set their primary keys."""
    if not objs:
        return objs
    if connection.vendor != "sqlite":
        return model._default_manager.bulk_create(objs, batch_size=None)
    for obj in objs:
        # As bulk_create does: take the key of a related object saved after it was assigned.
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    fields = _insert_fields(model)
    quote = connection.ops.quote_name
    readers = [_sqlite_reader(field) for field in fields]
    rows = json.dumps([[read(obj) for read in readers] for obj in objs], ensure_ascii=False)
    select = JSON_ROWS.format(columns=_json_extracts(len(fields)))
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
        f"{select} RETURNING {quote(model._meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [rows])
        # AUTOINCREMENT keys rise in insertion order, and the rows go in ordered by their index.
        keys = sorted(row[0] for row in cursor.fetchall())
    for obj, key in zip(objs, keys, strict=True):
        obj.pk = key
        obj._state.adding = False
        obj._state.db = connection.alias
    return objs


def update_rows(model, objs, fields):
    """Write `fields` of saved instances `objs` of `model` in one UPDATE statement."""
    if not objs:
        return
    columns = _columns(model, fields)
    pk = model._meta.pk
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    values = [[pk.get_db_prep_save(obj.pk, connection), *_values(obj, columns, add=False)] for obj in objs]
    if connection.vendor == "sqlite":
        assignments = ", ".join(
            f"{quote(field.column)} = json_extract(rows.value, '$[{index}]')"
            for index, field in enumerate(columns, start=1)
        )
        sql = (
            f"UPDATE {table} SET {assignments} FROM json_each(%s) AS rows "
            f"WHERE {table}.{quote(pk.column)} = json_extract(rows.value, '$[0]')"
        )
        params = [json.dumps(values, ensure_ascii=False)]
    else:
        all_fields = [pk, *columns]
        arrays = ", ".join(f"(%s)::{field.db_type(connection).split('(')[0]}[]" for field in all_fields)
        names = ", ".join(f"c{index}" for index in range(len(all_fields)))
        assignments = ", ".join(f"{quote(field.column)} = rows.c{index}" for index, field in enumerate(columns, 1))
        sql = (
            f"UPDATE {table} SET {assignments} FROM UNNEST({arrays}) AS rows({names}) "
            f"WHERE {table}.{quote(pk.column)} = rows.c0"
        )
        params = [list(column) for column in zip(*values, strict=True)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
