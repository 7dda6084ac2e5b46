"""Every row of a table as the JSON object of the whole-journal export, mostly written by
SQLite itself.

A journal is mostly text, whole numbers and times; SQLite's ``json_quote`` escapes text
exactly as Python's ``json`` does (``ensure_ascii=False``), so SQLite can spell out each row
and Python only joins the rows, without an object per value. Python writes what SQLite
would write differently: floating-point numbers (in Python's shortest form that reads back
the same), binary values (base64), and any value not in the form the app stores it in (a
date other than ``YYYY-MM-DD``, a time other than ``YYYY-MM-DD HH:MM:SS[.ffffff]``, a
number where text belongs…): such a row is read again through the columns' types, so the
text is the same as when every row took that way.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Float, LargeBinary, Table, literal_column
from sqlalchemy import select as select_rows
from sqlalchemy.engine import Connection

FETCH_ROWS = 1000
# Each template gives the JSON text of column {c}, or NULL where Python must write it. Python
# reads a stored time or day (``fromisoformat``) only in a form SQLite's own ``datetime()``
# and ``date()`` give back unchanged: a day and time that exist, years 1 to 9999.
_TEXT = "iif(typeof({c}) IN ('real', 'blob'), NULL, json_quote({c}))"
_BOOLEAN = (
    "CASE WHEN {c} IS NULL THEN 'null'"
    " WHEN typeof({c}) = 'integer' THEN iif({c}, 'true', 'false') END"
)
_DAY = (
    "CASE WHEN {c} IS NULL THEN 'null' WHEN typeof({c}) = 'text' AND date({c}) = {c}"
    " AND {c} >= '0001' THEN '\"' || {c} || '\"' END"
)
# Stored times are UTC without an offset, to the second (SQLite's datetime()) or the
# microsecond (SQLAlchemy); Python writes the microseconds only when they are not 0.
_MOMENT = (
    "CASE WHEN {c} IS NULL THEN 'null' WHEN typeof({c}) = 'text'"
    " AND (length({c}) = 19 OR substr({c}, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]')"
    " AND datetime({c}) = substr({c}, 1, 19) AND {c} >= '0001'"
    " THEN '\"' || replace(replace({c}, ' ', 'T'), '.000000', '') || '+00:00\"' END"
)


def _json_sql(column: Column[Any]) -> str | None:
    """The SQL of the column's value as JSON text, or None when Python writes every value
    of the column."""
    kind = column.type.impl if hasattr(column.type, "impl") else column.type
    if isinstance(kind, Float | LargeBinary):
        return None
    if isinstance(kind, Boolean):
        template = _BOOLEAN
    elif isinstance(kind, DateTime):
        template = _MOMENT
    elif isinstance(kind, Date):
        template = _DAY
    else:
        template = _TEXT
    return template.format(c=_name(column))


def _name(column: Column[Any]) -> str:
    return '"' + column.name.replace('"', '""') + '"'


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def json_object(values: dict[str, Any]) -> str:
    """A row as the export writes it, from the values SQLAlchemy's types read."""
    return json.dumps({key: _encode(value) for key, value in values.items()}, ensure_ascii=False)


class _Plan:
    """The SELECT of one table: pieces of each row's JSON text that SQLite writes, with
    between them the raw values that Python writes, and last the row's rowid."""

    def __init__(self, table: Table, connection: Connection) -> None:
        self.table = table
        pieces: list[str] = []  # SQL of the piece being written
        self.columns: list[str] = []
        self.writers: list[Callable[[Any], str]] = []
        for number, column in enumerate(table.columns):
            key = json.dumps(column.name, ensure_ascii=False) + ": "
            pieces.append(_literal(("{" if number == 0 else ", ") + key))
            value = _json_sql(column)
            if value is not None:
                pieces.append(value)
                continue
            self.columns.append(" || ".join(pieces))
            self.columns.append(_name(column))
            self.writers.append(_writer(column, connection))
            pieces = []
        pieces.append(_literal("}"))
        self.columns.append(" || ".join(pieces))
        order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
        self.sql = f'SELECT {", ".join(self.columns)}, rowid FROM "{table.name}" ORDER BY {order}'

    def text(self, row: tuple[Any, ...]) -> str | None:
        parts = [row[0]]
        for number, write in enumerate(self.writers):
            parts += (write(row[2 * number + 1]), row[2 * number + 2])
        return None if None in parts else "".join(parts)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _writer(column: Column[Any], connection: Connection) -> Callable[[Any], str]:
    dialect = connection.dialect
    read = column.type.dialect_impl(dialect).result_processor(dialect, None)
    if read is None:
        return lambda value: json.dumps(_encode(value), ensure_ascii=False)
    return lambda value: json.dumps(_encode(read(value)), ensure_ascii=False)


def json_rows(connection: Connection, table: Table) -> Iterator[list[str]]:
    """The rows of ``table`` in primary key order, as JSON objects, a batch at a time.
    Call inside a transaction: the batches come from one snapshot."""
    plan = _Plan(table, connection)
    cursor = connection.connection.cursor()
    try:
        try:
            cursor.execute(plan.sql)
        except connection.dialect.loaded_dbapi.OperationalError as error:
            # An SQLite built without its JSON functions (they are built in from 3.38).
            if "no such function" not in str(error):
                raise
            yield from _read_through_types(connection, table)
            return
        while rows := cursor.fetchmany(FETCH_ROWS):
            texts = [plan.text(row) for row in rows] if plan.writers else [row[0] for row in rows]
            if None in texts:
                yield [
                    text if text is not None else _read_again(connection, table, row[-1])
                    for text, row in zip(texts, rows, strict=True)
                ]
            else:
                yield texts  # type: ignore[misc]
    finally:
        cursor.close()


def _read_through_types(connection: Connection, table: Table) -> Iterator[list[str]]:
    query = select_rows(table).order_by(*table.primary_key.columns)
    rows = connection.execution_options(yield_per=FETCH_ROWS).execute(query).mappings()
    for batch in rows.partitions():
        yield [json_object(dict(row)) for row in batch]


def _read_again(connection: Connection, table: Table, rowid: int) -> str:
    """One row through SQLAlchemy's types, for a value SQLite does not write as Python."""
    query = select_rows(table).where(literal_column("rowid") == rowid)
    return json_object(dict(connection.execute(query).mappings().one()))
