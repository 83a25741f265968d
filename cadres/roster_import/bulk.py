"""Saving many rows in one statement each, so an import's query count does not grow with its rows.

One public function, `bulk_write`: hand-made SQL kept because benchmarks/import_speed.py shows it
is needed (its "import … (ORM)" line writes the same rows with bulk_create and
bulk_history_create). Validation is not done here: the rows come from a plan whose every row passed
Django's validation (plan.py); the database's constraints still guard the write.

Django's bulk_create and bulk_update split their work by SQLite's 999-variable limit (and
bulk_update's CASE WHEN runs past PostgreSQL's 65,535 parameters), so their statement count
grows with the rows. Here all rows travel in one parameter, a JSON array of value lists, which
SQLite reads with json_each and PostgreSQL with jsonb_array_elements (jsonb: parsed once, where
each ->> on json would parse the row again). One text parameter is also
far cheaper to send than one array per column: Django's psycopg cursor binds on the client,
quoting every array element in Python. Rows are plain value lists, not model instances:
building 100,000 instances costs more time and memory than the writing itself.
"""

import datetime
import json
from dataclasses import dataclass

from django.db import connection


class StaleRowsError(Exception):
    """Some rows to update are no longer at the version they were read at; nothing was changed."""


def _json_value(value):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be written as a JSON row value")


def _json(rows):
    return json.dumps(rows, ensure_ascii=False, default=_json_value, separators=(",", ":"))


def _type(field):
    """The PostgreSQL type a JSON text value is cast to for a column: varchar(30) → varchar."""
    return field.db_type(connection).split("(")[0]


def _constants(model, constants):
    """Return ([column names], [parameters]) of values every row shares, prepared for the database."""
    fields = [model._meta.get_field(name) for name in constants]
    params = [field.get_db_prep_save(constants[field.name], connection) for field in fields]
    return [field.column for field in fields], params


def _shared_columns(fields, rows, constants):
    """Move the columns that hold one value on every row into `constants`: they then travel once.

    A roster leaves a third of a cadre's fields at their defaults; sent once, they cost the
    database nothing per row. The dates of the other columns are written as ISO text here, a
    column at a time, rather than by the JSON encoder's fallback once per value.
    """
    columns = list(zip(*rows, strict=True))
    types = [set(map(type, column)) for column in columns]
    count = len(rows)
    shared = [
        index
        for index, column in enumerate(columns)
        # One value of one type (1 == 1.0 == True, but they are not the same value to write).
        if len(types[index]) == 1 and column.count(column[0]) == count
    ]
    if len(shared) == len(fields):
        shared = shared[1:]  # a statement needs one column from the rows
    constants = {**constants, **{fields[index].name: columns[index][0] for index in shared}}
    moved = frozenset(shared)
    kept = [index for index in range(len(fields)) if index not in moved]
    kept_columns = [_iso_dates(columns[index]) if datetime.date in types[index] else columns[index] for index in kept]
    return [fields[index] for index in kept], list(zip(*kept_columns, strict=True)), constants


def _iso_dates(column):
    """Return a column with its dates (not datetimes) as ISO text, as _json_value would write them."""
    return [value.isoformat() if type(value) is datetime.date else value for value in column]


def _insert_rows(model, fields, rows, *, constants=None, history=None):
    """Insert `rows` (value lists aligned with `fields`) into `model`'s table; return their new ids in order.

    `constants` ({field name: value}) are the same on every row and travel once. `history`
    (a HistoryStamp) also records the rows' django-simple-history rows: on PostgreSQL in the same
    statement (a data-modifying WITH), on SQLite with insert_history.
    """
    if not rows:
        return []
    fields, rows, constants = _shared_columns(fields, rows, constants or {})
    quote = connection.ops.quote_name
    fixed_columns, fixed_params = _constants(model, constants)
    columns = ", ".join(quote(column) for column in [field.column for field in fields] + fixed_columns)
    fixed = "".join(", %s" for _param in fixed_params)
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    if connection.vendor == "sqlite":
        values = ", ".join(f"json_extract(value, '$[{index}]')" for index in range(len(fields)))
        sql = f"INSERT INTO {table} ({columns}) SELECT {values}{fixed} FROM json_each(%s) ORDER BY key RETURNING {pk}"
        params = [*fixed_params, _json(rows)]
    else:
        values = ", ".join(f"(value ->> {index})::{_type(field)}" for index, field in enumerate(fields))
        sql = (
            f"INSERT INTO {table} ({columns}) SELECT {values}{fixed} "
            f"FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS rows(value, ordinal) ORDER BY ordinal "
        )
        params = [*fixed_params, _json(rows)]
        if history is not None:
            into, selected, history_params = _history_insert(model, history)
            sql = f"WITH new AS ({sql} RETURNING *) {into} SELECT {selected} FROM new ORDER BY {pk} RETURNING {pk}"
            params += history_params
            history = None
        else:
            sql += f"RETURNING {pk}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # Keys rise in insertion order (AUTOINCREMENT, sequences), and the rows go in ordered.
        ids = sorted(row[0] for row in cursor.fetchall())
    if history is not None:
        _insert_history(model, ids, history)
    return ids


def _update_rows(model, fields, rows, *, constants=None, versioned=True):
    """Set `fields` of existing rows, given as (pk, version read, [values]), in one UPDATE.

    With `versioned` (optimistic locking, see Cadre.save), each row is written only if its version
    is still the one read, and its version goes up by one; if any row's is not, raise
    StaleRowsError (the caller's transaction then undoes the statement). Otherwise the version
    given is ignored (None).
    """
    if not rows:
        return
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    fixed_columns, fixed_params = _constants(model, constants or {})
    assignments = [f"{quote(column)} = %s" for column in fixed_columns]
    if connection.vendor == "sqlite":
        assignments += [
            f"{quote(field.column)} = json_extract(rows.value, '$[{index}]')" for index, field in enumerate(fields, 2)
        ]
        source = "json_each(%s) AS rows"
        where = [f"{table}.{pk} = json_extract(rows.value, '$[0]')"]
        read_version = "json_extract(rows.value, '$[1]')"
    else:
        assignments += [
            f"{quote(field.column)} = (rows.value ->> {index})::{_type(field)}" for index, field in enumerate(fields, 2)
        ]
        source = "jsonb_array_elements(%s::jsonb) AS rows(value)"
        where = [f"{table}.{pk} = (rows.value ->> 0)::bigint"]
        read_version = "(rows.value ->> 1)::integer"
    if versioned:
        version = quote(model._meta.get_field("version").column)
        assignments.append(f"{version} = {table}.{version} + 1")
        where.append(f"{table}.{version} = {read_version}")
    sql = f"UPDATE {table} SET {', '.join(assignments)} FROM {source} WHERE {' AND '.join(where)}"
    params = [*fixed_params, _json([[key, read, *values] for key, read, values in rows])]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        if cursor.rowcount != len(rows):
            raise StaleRowsError


@dataclass(frozen=True)
class HistoryStamp:
    """What every history row of one import records: + or ~, who, and when."""

    kind: str
    user_id: int | None
    when: datetime.datetime


def _history_insert(model, stamp):
    """Return (INSERT INTO history (…), the SELECT list from a row of `model`, its parameters)."""
    history = model.history.model
    quote = connection.ops.quote_name
    tracked = [quote(field.column) for field in history.tracked_fields]
    columns = [*tracked, "history_date", "history_change_reason", "history_type", "history_user_id"]
    into = f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(quote(column) for column in columns)})"
    when = history._meta.get_field("history_date").get_db_prep_save(stamp.when, connection)
    return into, f"{', '.join(tracked)}, %s, NULL, %s, %s", [when, stamp.kind, stamp.user_id]


def _insert_history(model, ids, stamp):
    """Record django-simple-history rows for `ids` of `model` as they now stand, in one INSERT … SELECT."""
    if not ids:
        return
    into, selected, params = _history_insert(model, stamp)
    source, pk = connection.ops.quote_name(model._meta.db_table), connection.ops.quote_name(model._meta.pk.column)
    if connection.vendor == "sqlite":
        ids_sql = "SELECT value FROM json_each(%s)"
    else:
        ids_sql = "SELECT value::bigint FROM json_array_elements_text(%s::json)"
    sql = f"{into} SELECT {selected} FROM {source} WHERE {pk} IN ({ids_sql}) ORDER BY {pk}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, json.dumps(ids)])


def bulk_write(model, fields, *, inserted=(), updated=(), constants=None, versioned=False, user_id=None, when=None,
               recorded=None, history=True):  # fmt: skip
    """Write many rows of `model` in a fixed number of statements, with their django-simple-history rows.

    `inserted` are value lists aligned with `fields`; `updated` are (pk, version read, value list).
    `constants` ({field name: value}) are the same on every row. With `versioned` (optimistic
    locking, see Cadre.save) each updated row is written only at the version read, its version
    going up by one; if any is not, raise StaleRowsError (the caller's transaction undoes the rest).
    History rows record `user_id` at `when`: "+" for each inserted row, "~" for the updated rows
    whose pks are in `recorded` (all of them when None); none with `history` False (a model
    without history, such as a link table). Return the new rows' ids in order.
    """
    stamp = HistoryStamp("+", user_id, when) if history else None
    ids = _insert_rows(model, fields, list(inserted), constants=constants, history=stamp)
    updated = list(updated)
    _update_rows(model, fields, updated, constants=constants, versioned=versioned)
    if history:
        recorded = [pk for pk, _version, _values in updated] if recorded is None else list(recorded)
        _insert_history(model, recorded, HistoryStamp("~", user_id, when))
    return ids
