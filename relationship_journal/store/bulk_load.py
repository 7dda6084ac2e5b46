"""Loading a whole journal into empty tables (a restore) without paying row by row for the
search indexes, and with room for the pages it touches.

While the rows go in, the triggers that index each new row (a full-text insert per row, a
new index segment per statement) are set aside on the tables that were empty, and the
page cache is made larger. Once the rows are in, each index is filled by one statement
that does for every row what its trigger did for one, and the trigger is put back. All of
it happens in the caller's transaction: a rollback brings the triggers back as they were.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


@contextmanager
def bulk_load(connection: Connection) -> Iterator[None]:
    """Inside the block, rows inserted into tables empty at its start are indexed for
    search when it ends (if it ends without an error; else the caller rolls back)."""
    triggers = connection.exec_driver_sql(
        "SELECT name, tbl_name, sql FROM main.sqlite_master WHERE type = 'trigger'"
        " AND name LIKE 'search%'"
    ).all()
    deferred = []
    for name, table, sql in triggers:
        found = _deferred(name, sql)
        if found is not None and _empty(connection, table):
            deferred.append(found)
    cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-LOAD_CACHE_KIB}")
    try:
        for trigger in deferred:
            connection.exec_driver_sql(f'DROP TRIGGER "{trigger.name}"')
        yield
        for trigger in deferred:
            connection.exec_driver_sql(trigger.fill)
            connection.exec_driver_sql(trigger.sql)
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache or 0)}")
