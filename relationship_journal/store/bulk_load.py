"""Loading a whole journal into empty tables (a restore) without paying row by row for the
indexes, and with room for the pages it touches.

While the rows go in, the tables that were empty lose their lookup indexes (not those that
keep rows unique, which the load relies on to refuse a repeated row) and the triggers that
index each new row for search (a full-text insert per row, a new index segment per
statement). Once the rows are in, each lookup index is built again in one pass over its
table, each search index is filled by one statement that does for every row what its
trigger did for one, and the trigger is put back. All of it happens in the caller's
transaction: a rollback brings the indexes and triggers back as they were. Meanwhile the
page cache may be made larger (``roomy_cache``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.engine import Connection

# Pages SQLite may keep in memory while loading (kibibytes; SQLite's default is 2,000): the
# indexes of a large journal then stay in memory instead of being read back for each row.
LOAD_CACHE_KIB = 64 * 1024

# A trigger that indexes each new row, as the search migrations write them: an INSERT of
# expressions of NEW into an index (VALUES or SELECT, maybe with a WHERE), maybe only WHEN.
_INDEXING = re.compile(
    r"CREATE TRIGGER (?P<name>\w+) AFTER INSERT ON (?P<table>\w+)"
    r"(?:\s+WHEN\s+(?P<when>.+?))?\s+BEGIN\s+"
    r"(?P<into>INSERT INTO search_index\w* \([\w, ]+\))\s+"
    r"(?:VALUES \((?P<values>.+)\)|SELECT (?P<select>.+?))\s*;\s*END",
    re.S,
)


@dataclass(frozen=True)
class _Deferred:
    """An indexing trigger set aside, and the statement that indexes every row at once."""

    name: str
    sql: str
    fill: str


def _deferred(name: str, sql: str) -> _Deferred | None:
    """The indexing trigger ``name`` (its ``sql``) and the statement that indexes every row
    at once; None for a trigger not of the simple form this rewrites."""
    found = _INDEXING.fullmatch(sql.strip())
    if found is None:
        return None
    conditions = [found["when"]] if found["when"] else []
    if found["values"] is not None:
        values = found["values"]
    else:
        values, _, where = found["select"].partition(" WHERE ")
        conditions += [where] if where else []
    if "(SELECT" in values.upper() or any("(SELECT" in c.upper() for c in conditions):
        return None  # not the simple form this rewrites
    where = " WHERE " + " AND ".join(f"({c})" for c in conditions) if conditions else ""
    fill = f'{found["into"]} SELECT {values} FROM "{found["table"]}" AS NEW{where}'
    return _Deferred(name, sql, fill)


def _empty(connection: Connection, table: str) -> bool:
    quoted = '"' + table.replace('"', '""') + '"'
    return connection.exec_driver_sql(f"SELECT 1 FROM {quoted} LIMIT 1").first() is None


def empty_tables(connection: Connection, tables: Iterable[str]) -> list[str]:
    """Those of ``tables`` that hold no row, in the same order."""
    return [name for name in tables if _empty(connection, name)]


def _set_aside(connection: Connection, empty: set[str]) -> tuple[list[str], list[_Deferred]]:
    """The lookup indexes and search triggers of the ``empty`` tables, dropped."""
    found = connection.exec_driver_sql(
        "SELECT type, name, tbl_name, sql FROM main.sqlite_master"
        " WHERE (type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%')"
        " OR (type = 'trigger' AND name LIKE 'search%')"
    ).all()
    indexes, triggers = [], []
    for kind, name, table, sql in found:
        if table not in empty:
            continue
        if kind == "index":
            indexes.append(sql)
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
        elif (trigger := _deferred(name, sql)) is not None:
            triggers.append(trigger)
            connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    return indexes, triggers


@contextmanager
def roomy_cache(connection: Connection) -> Iterator[None]:
    """Inside the block, SQLite keeps more pages in memory (``LOAD_CACHE_KIB``)."""
    cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-LOAD_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache or 0)}")


@contextmanager
def bulk_load(connection: Connection, empty: list[str]) -> Iterator[None]:
    """Inside the block, rows inserted into the ``empty`` tables (see ``empty_tables``) are
    indexed when it ends (if it ends without an error; else the caller rolls back)."""
    indexes, triggers = _set_aside(connection, set(empty))
    yield
    for sql in indexes:
        connection.exec_driver_sql(sql)
    for trigger in triggers:
        connection.exec_driver_sql(trigger.fill)
        connection.exec_driver_sql(trigger.sql)
