"""Every row of a table as the JSON object of the whole-journal export, mostly written by
SQLite itself.

A journal is mostly text, whole numbers and times; SQLite's ``json_object`` escapes text
exactly as Python's ``json`` does (``ensure_ascii=False``), so SQLite can spell out each row
and Python only joins the rows, without an object per value. Python writes what SQLite
would write differently: floating-point numbers (in Python's shortest form that reads back
the same), binary values (base64), and any row with a value not in the form the app stores
it in (a time other than ``YYYY-MM-DD HH:MM:SS[.ffffff]``, a number where text belongs…):
such a row is read again through the columns' types, so the text is the same as when every
row took that way. Rows are written compactly (no space after ``:`` or ``,``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    Table,
    literal_column,
)
from sqlalchemy import select as select_rows
from sqlalchemy.engine import Connection

FETCH_ROWS = 1000
SEPARATORS = (",", ":")
BEYOND_SQLITE = ("no such function", "JSON cannot hold BLOB values")
# Each column gives SQLite the value it writes, and the condition under which that value is
# written as Python would write it; a row failing a condition is written by Python. The
# conditions are patterns, cheap where a parse of every value is not: a time or day in the
# one form the app stores it in. A value in that form that is no real day ("2026-13-45") is
# written as it is stored, where reading it would fail the export; restoring the file then
# names that row. Text columns hold text (SQLite turns numbers put in them into text); a
# binary value stops SQLite's JSON functions, and the table is then written by Python.
_DAY_FORM = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
_TIME_FORM = _DAY_FORM + " [0-9][0-9]:[0-9][0-9]:[0-9][0-9]"
_MICROSECONDS = ".[0-9][0-9][0-9][0-9][0-9][0-9]"
_BOOLEAN = (
    "CASE WHEN {c} IS NOT NULL THEN json(iif({c}, 'true', 'false')) END",
    "typeof({c}) IN ('integer', 'null')",
)
_DAY = ("{c}", f"({{c}} IS NULL OR {{c}} GLOB '{_DAY_FORM}' AND {{c}} >= '0001')")
_INTEGER = ("{c}", "typeof({c}) <> 'real'")
_TEXT = ("{c}", None)
# Stored times are UTC without an offset, to the microsecond (SQLAlchemy) or the second
# (SQLite's datetime()); Python writes the microseconds only when they are not 0.
_MOMENT = (
    "replace(replace({c}, ' ', 'T'), '.000000', '') || '+00:00'",
    f"({{c}} IS NULL OR CASE WHEN {{c}} GLOB '{_TIME_FORM}{_MICROSECONDS}' THEN 1"
    f" ELSE {{c}} GLOB '{_TIME_FORM}' END AND {{c}} >= '0001')",
)


def _json_sql(column: Column[Any], rowid: bool) -> tuple[str, str | None] | None:
    """The SQL of the column's value for ``json_object`` and of the condition that it is
    written as Python would (None: always), or None when Python writes every value."""
    kind = column.type.impl if hasattr(column.type, "impl") else column.type
    if isinstance(kind, Float | LargeBinary):
        return None
    value: str
    check: str | None
    if isinstance(kind, Boolean):
        value, check = _BOOLEAN
    elif isinstance(kind, DateTime):
        value, check = _MOMENT
    elif isinstance(kind, Date):
        value, check = _DAY
    elif isinstance(kind, Integer):
        value, check = _TEXT if rowid else _INTEGER
    else:
        value, check = _TEXT
    name = _name(column)
    return value.format(c=name), None if check is None else check.format(c=name)


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


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=SEPARATORS)


def json_object(values: dict[str, Any]) -> str:
    """A row as the export writes it, from the values SQLAlchemy's types read."""
    return _dumps({key: _encode(value) for key, value in values.items()})


class _Plan:
    """The SELECT of one table: whether SQLite writes the row as Python would; runs of the
    row's members that SQLite writes (a ``json_object`` each), with between them the raw
    values that Python writes; last the row's rowid."""

    def __init__(self, table: Table, connection: Connection) -> None:
        self.table = table
        rowid = [c.name for c in table.primary_key.columns if isinstance(c.type, Integer)]
        members: list[str] = []  # SQL of the run of members being written
        checks: list[str] = []
        self.columns: list[str] = []
        self.keys: list[str] = []  # the key of each value Python writes, with its punctuation
        self.writers: list[Callable[[Any], str]] = []
        for column in table.columns:
            value = _json_sql(column, [column.name] == rowid)
            if value is not None:
                members += (_literal(column.name), value[0])
                checks += [] if value[1] is None else [value[1]]
                continue
            self.columns += [_object(members), _name(column)]
            self.keys.append(_dumps(column.name) + ":")
            self.writers.append(_writer(column, connection))
            members = []
        self.columns.append(_object(members))
        check = " AND ".join(checks) or "1"
        order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
        self.sql = (
            f'SELECT {check}, {", ".join(self.columns)}, rowid FROM "{table.name}" ORDER BY {order}'
        )

    def texts(self, rows: Sequence[Any]) -> list[str | None]:
        """Each row's JSON text, or None where Python must read it through the types."""
        if not self.writers:
            return [row[1] if row[0] else None for row in rows]
        return [self._joined(row) if row[0] else None for row in rows]

    def _joined(self, row: tuple[Any, ...]) -> str:
        parts = ["{"]
        for number, write in enumerate(self.writers):
            members = row[2 * number + 1][1:-1]
            parts += (
                members,
                "," if members else "",
                self.keys[number],
                write(row[2 * number + 2]),
            )
            parts.append(",")
        last = row[2 * len(self.writers) + 1][1:-1]
        if last:
            parts.append(last)
        else:
            parts.pop()
        parts.append("}")
        return "".join(parts)


def _object(members: list[str]) -> str:
    return f"json_object({', '.join(members)})"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _writer(column: Column[Any], connection: Connection) -> Callable[[Any], str]:
    dialect = connection.dialect
    read = column.type.dialect_impl(dialect).result_processor(dialect, None)
    if read is None:
        return lambda value: _dumps(_encode(value))
    return lambda value: _dumps(_encode(read(value)))


def json_rows(connection: Connection, table: Table) -> Iterator[list[str]]:
    """The rows of ``table`` in primary key order, as JSON objects, a batch at a time.
    Call inside a transaction: the batches come from one snapshot."""
    plan = _Plan(table, connection)
    cursor = connection.connection.cursor()
    done = 0
    try:
        try:
            cursor.execute(plan.sql)
            while rows := cursor.fetchmany(FETCH_ROWS):
                texts = plan.texts(rows)
                if None in texts:
                    texts = [
                        text if text is not None else _read_again(connection, table, row[-1])
                        for text, row in zip(texts, rows, strict=True)
                    ]
                yield texts  # type: ignore[misc]
                done += len(rows)
            return
        except connection.dialect.loaded_dbapi.OperationalError as error:
            # An SQLite built without its JSON functions (they are built in from 3.38), or a
            # binary value where text belongs: Python writes the rest of the table.
            if not any(words in str(error) for words in BEYOND_SQLITE):
                raise
    finally:
        cursor.close()
    yield from _read_through_types(connection, table, done)


def _read_through_types(connection: Connection, table: Table, skip: int) -> Iterator[list[str]]:
    query = select_rows(table).order_by(*table.primary_key.columns).offset(skip)
    rows = connection.execution_options(yield_per=FETCH_ROWS).execute(query).mappings()
    for batch in rows.partitions():
        yield [json_object(dict(row)) for row in batch]


def _read_again(connection: Connection, table: Table, rowid: int) -> str:
    """One row through SQLAlchemy's types, for a value SQLite does not write as Python."""
    query = select_rows(table).where(literal_column("rowid") == rowid)
    return json_object(dict(connection.execute(query).mappings().one()))
