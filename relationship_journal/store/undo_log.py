"""Undo for any write: each connection records the inverse of every row it changes.

The technique is SQLite's own "automatic undo/redo" recipe: temporary triggers (they live
with the connection, never in the journal file) write, for each inserted, updated or
deleted row of the journal's tables, the SQL statement that puts the row back. A user
action collects the statements its transaction wrote (``take``) just before it commits;
undoing the action replays them newest first in a new transaction (``replay``), which in
turn records the statements that redo it. Nothing of this reaches the file: after a
restart an action is simply a change that was made.

The log stays short, and memory flat, however many rows a transaction inserts (an import):
rows inserted one after the other into one table, each with the rowid after the last, are
logged as one run and undone by one ranged ``DELETE``; and a change to a row the transaction
itself inserted is not logged, since undoing the insert deletes the row. The contacts
concerned are logged on their own.

Per-contact figures kept on the contact row (balance, last contact, how well known, stage)
are recomputed for the contacts a replay touched rather than restored from the old row, so
that an undo never writes back a figure another process has moved on since.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, inspect
from sqlmodel import Session

from relationship_journal.store.figures import refresh_contact_figures

# Tables whose rows are the user's data. Settings, the schema version and the search index
# (kept in step by the journal's own triggers) are left out.
SKIPPED_TABLES = frozenset({"setting", "alembic_version"})
INSTALLED = "undo_log_installed"

# Which contacts a row's change concerns, for the figures recomputed after a replay: those
# of a row changed or deleted, logged with it; those of a run of rows inserted, read when
# the log is taken (the rows are there until the transaction ends).
_CONTACT_OF = {
    "contact": "{row}.id",
    "entry_contact": "{row}.contact_id",
    "profile_fact": "{row}.contact_id",
    "contact_layer": "{row}.contact_id",
    "entry": "(SELECT group_concat(contact_id) FROM entry_contact WHERE entry_id = {row}.id)",
}
_CONTACTS_OF_RUN = {
    "contact": "SELECT id FROM contact WHERE rowid BETWEEN ? AND ?",
    "entry_contact": "SELECT contact_id FROM entry_contact WHERE rowid BETWEEN ? AND ?",
    "profile_fact": "SELECT contact_id FROM profile_fact WHERE rowid BETWEEN ? AND ?",
    "contact_layer": "SELECT contact_id FROM contact_layer WHERE rowid BETWEEN ? AND ?",
    "entry": "SELECT contact_id FROM entry_contact WHERE entry_id BETWEEN ? AND ?",
}


@dataclass(frozen=True)
class Inverse:
    """The statements that undo one transaction, oldest first, and the contacts concerned."""

    statements: tuple[str, ...]
    contact_ids: frozenset[int]

    def __bool__(self) -> bool:
        return bool(self.statements)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# Whether the row (OLD) was inserted by this transaction: the run of the table that starts
# at or before it, nearest, reaches it. (Runs may overlap when a row deleted by the same
# transaction is inserted again; a row then taken for one not inserted is merely logged.)
_INSERTED = (
    "EXISTS (SELECT 1 FROM (SELECT last FROM rj_undo_log WHERE tbl = {name} "
    "AND first <= OLD.rowid ORDER BY first DESC LIMIT 1) WHERE last >= OLD.rowid)"
)
# A row inserted right after the last of the run the log ends with extends it (seq given,
# so the insert becomes an update); any other starts a run.
_INSERT_RUN = (
    "INSERT INTO rj_undo_log (seq, tbl, first, last) VALUES ((SELECT seq FROM rj_undo_log "
    "WHERE seq = (SELECT max(seq) FROM rj_undo_log) AND tbl = {name} AND last = NEW.rowid - 1), "
    "{name}, NEW.rowid, NEW.rowid) ON CONFLICT (seq) DO UPDATE SET last = excluded.last;"
)


def _triggers(table: str, columns: Sequence[str]) -> list[str]:
    t = _quoted(table)
    name = "'" + table.replace("'", "''") + "'"
    contacts = _CONTACT_OF.get(table, "NULL")

    def log(statement: str) -> str:
        return (
            "INSERT INTO rj_undo_log (tbl, statement, contacts) "
            f"VALUES ({name}, {statement}, {contacts.format(row='OLD')});"
        )

    values = " || ',' || ".join(f"quote(OLD.{_quoted(c)})" for c in columns)
    names = ",".join(_quoted(c) for c in columns)
    assignments = " || ',' || ".join(f"'{_quoted(c)}=' || quote(OLD.{_quoted(c)})" for c in columns)
    prefix = f"undo_{table}"
    changed = f"WHEN NOT {_INSERTED.format(name=name)}"
    return [
        f"CREATE TEMP TRIGGER IF NOT EXISTS {_quoted(prefix + '_insert')} AFTER INSERT ON "
        f"main.{t} BEGIN {_INSERT_RUN.format(name=name)} END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS {_quoted(prefix + '_update')} AFTER UPDATE ON "
        f"main.{t} {changed} BEGIN "
        + log(f"'UPDATE {t} SET ' || {assignments} || ' WHERE rowid = ' || OLD.rowid")
        + " END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS {_quoted(prefix + '_delete')} AFTER DELETE ON "
        f"main.{t} {changed} BEGIN "
        + log(f"'INSERT INTO {t} (rowid,{names}) VALUES (' || OLD.rowid || ',' || {values} || ')'")
        + " END",
    ]


def _install(connection: Connection) -> None:
    """Create the log and the triggers on this connection, once. They are created inside the
    action's transaction (which begins at once, see ``Journal.transaction``), so an action
    rolled back takes them away again: the temporary schema says whether they are there."""
    info: dict[str, Any] = connection.connection.info
    if (
        info.get(INSTALLED)
        and connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_temp_master WHERE name = 'rj_undo_log'"
        ).first()
    ):
        return
    # A row is a statement, or a run of inserted rowids (first to last) when it has none.
    connection.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS rj_undo_log (seq INTEGER PRIMARY KEY, "
        "tbl TEXT NOT NULL, first INTEGER, last INTEGER, statement TEXT, contacts TEXT)"
    )
    connection.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS temp.rj_undo_log_runs ON rj_undo_log (tbl, first)"
    )
    inspector = inspect(connection)
    for table in inspector.get_table_names():
        if table in SKIPPED_TABLES or table.startswith("search_index"):
            continue
        columns = [column["name"] for column in inspector.get_columns(table)]
        for statement in _triggers(table, columns):
            connection.exec_driver_sql(statement)
    info[INSTALLED] = True


def begin(session: Session) -> None:
    """Start recording this transaction's changes (call first thing in the transaction)."""
    connection = session.connection()
    _install(connection)
    connection.exec_driver_sql("DELETE FROM temp.rj_undo_log")


# The runs of consecutive rowids a table holds, lowest first (gaps and islands).
_RUNS = (
    "INSERT INTO temp.rj_undo_log (tbl, first, last) SELECT ?, min(rowid), max(rowid)"
    " FROM (SELECT rowid, rowid - row_number() OVER (ORDER BY rowid) AS run FROM main.{table})"
    " GROUP BY run ORDER BY 2"
)


@contextmanager
def logged_at_end(connection: Connection, empty: Sequence[str]) -> Iterator[None]:
    """Inside the block, changes to the ``empty`` tables (parents first; each holds no row
    at its start) are not logged one by one: when it ends, every row such a table holds
    was inserted here (a change to it needs no undo of its own), and is logged in runs,
    table by table. On an error the caller rolls back, which puts the triggers back too."""
    installed = set(
        connection.exec_driver_sql(
            "SELECT name FROM sqlite_temp_master WHERE type = 'trigger'"
        ).scalars()
    )
    logged = [table for table in empty if f"undo_{table}_insert" in installed]
    for table in logged:
        for change in ("insert", "update", "delete"):
            connection.exec_driver_sql(f"DROP TRIGGER temp.{_quoted(f'undo_{table}_{change}')}")
    yield
    for table in logged:
        connection.exec_driver_sql(_RUNS.format(table=_quoted(table)), (table,))
        columns = connection.exec_driver_sql(
            "SELECT name FROM pragma_table_info(?)", (table,)
        ).scalars()
        for statement in _triggers(table, list(columns)):
            connection.exec_driver_sql(statement)


_LOG = """
SELECT coalesce(statement, 'DELETE FROM "' || replace(tbl, '"', '""') || '" WHERE rowid '
    || iif(first = last, '= ' || first, 'BETWEEN ' || first || ' AND ' || last)),
    tbl, first, last, contacts
FROM temp.rj_undo_log ORDER BY seq
"""


def take(session: Session) -> Inverse:
    """What undoes the transaction so far; call just before it commits."""
    session.flush()
    connection = session.connection()
    statements: list[str] = []
    contacts: set[int] = set()
    for statement, table, first, last, concerned in connection.exec_driver_sql(_LOG).all():
        statements.append(statement)
        if first is not None and table in _CONTACTS_OF_RUN:
            found = connection.exec_driver_sql(_CONTACTS_OF_RUN[table], (first, last))
            contacts.update(contact_id for (contact_id,) in found)
        contacts |= _contact_ids([concerned])
    connection.exec_driver_sql("DELETE FROM temp.rj_undo_log")
    return Inverse(tuple(statements), frozenset(contacts))


def _contact_ids(values: Iterable[object]) -> frozenset[int]:
    found: set[int] = set()
    for value in values:
        if value is None:
            continue
        found.update(int(part) for part in str(value).split(",") if part.strip())
    return frozenset(found)


def replay(session: Session, inverse: Inverse) -> Inverse:
    """Apply ``inverse`` (newest change first) and return what undoes the replay itself."""
    begin(session)
    connection = session.connection()
    # Rows come back in the reverse of the order they went: a child may return before
    # its parent, so foreign keys are checked at commit rather than per statement.
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for statement in reversed(inverse.statements):
        connection.exec_driver_sql(statement)
    refresh_contact_figures(session, sorted(inverse.contact_ids))
    return take(session)
