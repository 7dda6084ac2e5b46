"""The whole journal as one JSON document, and back into a new journal, losslessly.

Format (documented in docs/json-format.md)::

    {"format": "relationship-journal", "version": 1, "schema": "<migration revision>",
     "exported_at": "<ISO 8601>", "tables": {"<table>": [{"<column>": value, ...}, ...]}}

Dates and times are ISO 8601 strings (times in UTC with offset), binary values (photos)
are base64 strings, everything else is the plain JSON value. Tables are listed parents
first, so they can be inserted in order. Both ways stream, row by row: memory does not
grow with the journal.

Importing checks every row (``json_rules``) and reports every problem; rows that break a
rule, or refer to one that did, are left out. Running sums are computed afresh from the
entries rather than taken from the file.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from relationship_journal.exchange.json_rules import RowChecker, RowProblems
from relationship_journal.exchange.json_stream import Meta, Row, TableStart, read_archive
from relationship_journal.exchange.records import ImportCancelled, ImportFileError
from relationship_journal.store import balances, schema, undo_log
from relationship_journal.store.archive_rows import json_rows
from relationship_journal.store.bulk import insert_rows
from relationship_journal.store.bulk_load import bulk_load, empty_tables, roomy_cache
from relationship_journal.store.models import Contact, Entry, Setting, SQLModel

Progress = Callable[[int, int], None]

FORMAT = "relationship-journal"
VERSION = 1
MAX_ARCHIVE_BYTES = 4 * 1024**3
BATCH = 500
WATCH_EVERY = 2000
# Problems kept word for word; beyond these only their number.
KEPT_PROBLEMS = 1000
MAX_REMEMBERED = 1_000_000
_NAME_COLUMNS = ("display_name", "name", "summary", "title", "text", "address", "number")

# SQLite's extended result codes of the constraints a loaded row can break.
SQLITE_CONSTRAINT_FOREIGNKEY = 787
SQLITE_CONSTRAINT_PRIMARYKEY = 1555
SQLITE_CONSTRAINT_UNIQUE = 2067


def _constraint_code(error: IntegrityError, text: str) -> int | None:
    """The extended result code of a broken constraint. The encrypted journal's binding
    (sqlcipher3) reports only the primary code, 19; then SQLite's fixed wording tells."""
    code = getattr(error.orig, "sqlite_errorcode", None)
    if code != 19:
        return code
    if text.startswith("FOREIGN KEY constraint failed"):
        return SQLITE_CONSTRAINT_FOREIGNKEY
    return SQLITE_CONSTRAINT_UNIQUE if text.startswith("UNIQUE constraint failed") else code


def write_archive(connection: Connection, out: IO[bytes]) -> int:
    """Stream the journal on ``connection`` into ``out``; returns how many contacts."""
    if not connection.in_transaction():
        connection.begin()  # one snapshot for every table; ends when the connection does
    head = {
        "format": FORMAT,
        "version": VERSION,
        "schema": schema.head_revision(),
        "exported_at": datetime.now(UTC).isoformat(),
    }
    out.write(json.dumps(head, ensure_ascii=False)[:-1].encode("utf-8"))
    out.write(b',\n "tables": {')
    contacts = 0
    for number, table in enumerate(SQLModel.metadata.sorted_tables):
        out.write(b"," if number else b"")
        out.write(f"\n  {json.dumps(table.name)}: [".encode())
        separator = "\n   "
        for texts in json_rows(connection, table):
            out.write((separator + ",\n   ".join(texts)).encode("utf-8"))
            separator = ",\n   "
            if table.name == "contact":
                contacts += len(texts)
        out.write(b"\n  ]")
    out.write(b"\n }\n}\n")
    return contacts


def export_json(connection: Connection) -> str:
    buffer = io.BytesIO()
    write_archive(connection, buffer)
    return buffer.getvalue().decode("utf-8")


@dataclass
class ArchiveReport:
    """What an import found: the contacts loaded, and every problem."""

    contacts: int = 0
    rows: int = 0
    problem_count: int = 0
    kept: bool = False  # whether the caller kept what was loaded
    problems: list[str] = field(default_factory=list)

    def add(self, problem: str) -> None:
        self.problem_count += 1
        if len(self.problems) < KEPT_PROBLEMS:
            self.problems.append(problem)


class _Loader:
    def __init__(self, connection: Connection, now: datetime) -> None:
        self.connection = connection
        self.checker = RowChecker(now)
        self.report = ArchiveReport()
        self.tables = {table.name: table for table in SQLModel.metadata.sorted_tables}
        self.seen: set[str] = set()
        self.meta: dict[str, Any] = {}
        self.table: Table | None = None
        self.batch: list[tuple[int, dict[str, Any]]] = []
        self.left_out: set[tuple[str, int]] = set()
        # Settings the journal already has (a calendar added before the restore; what an
        # undone restore leaves, as settings are not undone): the journal's are kept.
        self.settings = set(connection.execute(select(Setting.key)).scalars())

    def take(self, event: Meta | TableStart | Row) -> None:
        if isinstance(event, Meta):
            self._meta(event.key, event.value)
        elif isinstance(event, TableStart):
            self._start(event.name)
        elif self.table is not None:
            self._row(self.table, event)

    def _meta(self, key: str, value: Any) -> None:
        self.meta[key] = value
        if key == "format" and value != FORMAT:
            raise ImportFileError("this JSON file is not a Relationship Journal export")
        if key == "version" and value != VERSION:
            raise ImportFileError(
                f"this export has format version {str(value)[:20]}; this app reads "
                f"version {VERSION}"
            )
        if key == "schema" and (not isinstance(value, str) or value not in schema.REVISIONS):
            raise ImportFileError(
                f"this export comes from journal schema {str(value)[:20]!r}, which this "
                "version of the app does not know; update the app to import it"
            )

    def _start(self, name: str) -> None:
        self.flush()
        self.table = self.tables.get(name)
        if name in self.seen:
            self.report.add(f"table '{name[:40]}' is listed twice; its second list is skipped")
            self.table = None
        elif self.table is None:
            self.report.add(f"the export has an unknown table '{name[:40]}'; it is skipped")
        self.seen.add(name)

    def _row(self, table: Table, row: Row) -> None:
        try:
            decoded = self.checker.check(table, row.value)
        except RowProblems as found:
            for problem in found.problems:
                self.report.add(_describe(row, problem.column, str(problem)))
            self._left_out(table, row.value)
            return
        if table.name == "setting" and decoded["key"] in self.settings:
            return
        self.batch.append((row.number, decoded))
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Insert the rows waiting, all at once; one by one to find the culprits when the
        journal refuses some (a duplicate, a reference to a row that is not there)."""
        if not self.batch or self.table is None:
            self.batch = []
            return
        table, batch, self.batch = self.table, self.batch, []
        try:
            with self.connection.begin_nested():
                insert_rows(self.connection, table, [row for _, row in batch])
            self._loaded(table, len(batch))
            return
        except IntegrityError:
            pass
        for number, row in batch:
            try:
                with self.connection.begin_nested():
                    insert_rows(self.connection, table, [row])
            except IntegrityError as error:
                message = self._integrity_message(table, row, error)
                self.report.add(_describe(Row(table.name, number, row), "", message))
                self._left_out(table, row)
            else:
                self._loaded(table, 1)

    def _left_out(self, table: Table, row: Any) -> None:
        """Remember the id of a row left out, to name it when its children are refused."""
        key = row.get("id") if isinstance(row, dict) and "id" in table.columns else None
        if isinstance(key, int) and len(self.left_out) < MAX_REMEMBERED:
            self.left_out.add((table.name, key))

    def _integrity_message(self, table: Table, row: dict[str, Any], error: IntegrityError) -> str:
        text = str(error.orig)
        code = _constraint_code(error, text)
        if code != SQLITE_CONSTRAINT_FOREIGNKEY:
            if code in (SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY):
                return f"repeats a record already loaded ({text.split(':')[-1].strip()})"
            return f"does not fit the journal ({text})"
        for key in table.foreign_keys:
            value, parent = row.get(key.parent.name), key.column.table.name
            if value is None:
                continue
            if (parent, value) in self.left_out:
                return f"refers to {parent} {value}, which was left out (see above)"
            if parent not in self.seen:
                return (
                    f"refers to {parent} {value}, but the {parent} table comes after the "
                    f"{table.name} table: tables must come parents first, as the export "
                    "writes them"
                )
            if not self.connection.execute(select(key.column).where(key.column == value)).first():
                return f"refers to {parent} {value}, which is not in the export"
        return "refers to a record that is not in the export"

    def _loaded(self, table: Table, count: int) -> None:
        self.report.rows += count
        if table.name == "contact":
            self.report.contacts += count

    def finish(self) -> ArchiveReport:
        self.flush()
        if self.meta.get("format") != FORMAT:
            raise ImportFileError("this JSON file is not a Relationship Journal export")
        for key in ("version", "schema"):
            if key not in self.meta:
                raise ImportFileError(f"the export does not say its {key}")
        if "tables" not in self.meta:
            raise ImportFileError("the export has no tables")
        return self.report


def _describe(row: Row, column: str, message: str) -> str:
    who = ""
    if isinstance(row.value, dict):
        for name in _NAME_COLUMNS:
            value = row.value.get(name)
            if isinstance(value, str) and value.strip():
                who = f" ({value.strip()[:40]})"
                break
    where = f"{column}: " if column else ""
    return f"{row.table} row {row.number}{who}: {where}{message}"


class _Watch:
    """Tells how far a load is, and stops it when cancelled, every ``WATCH_EVERY`` rows."""

    def __init__(
        self, source: IO[bytes], progress: Progress | None, cancelled: Callable[[], bool] | None
    ) -> None:
        self.source, self.progress, self.cancelled = source, progress, cancelled
        self.countdown = WATCH_EVERY
        try:
            size = os.fstat(source.fileno()).st_size
        except (OSError, AttributeError, io.UnsupportedOperation):
            size = 0
        self.total = (size + size // 10) // 1024

    def step(self) -> None:
        self.countdown -= 1
        if self.countdown:
            return
        self.countdown = WATCH_EVERY
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled
        if self.progress is not None and self.total:
            self.progress(min(self.source.tell() // 1024, self.total), self.total)


def import_archive(
    session: Session,
    source: IO[bytes],
    now: datetime,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ArchiveReport:
    """Load an export into the empty journal of ``session`` (in its transaction); returns
    what was loaded and every problem. The caller commits, or rolls back. ``progress``
    hears the kibibytes read of the work in all (the indexes built at the end count for a
    tenth of the file); once ``cancelled`` says so, ``ImportCancelled``."""
    connection = session.connection()
    for model in (Contact, Entry):
        if connection.execute(select(func.count()).select_from(model.__table__)).scalar():  # type: ignore[attr-defined]
            raise ImportFileError(
                "a JSON export restores a whole journal and can only be loaded into an empty one"
            )
    loader = _Loader(connection, now)
    empty = empty_tables(connection, (table.name for table in SQLModel.metadata.sorted_tables))
    with roomy_cache(connection), undo_log.logged_at_end(connection, empty):
        with bulk_load(connection, empty):
            watch = _Watch(source, progress, cancelled)
            for event in read_archive(source):
                loader.take(event)
                watch.step()
            report = loader.finish()
        balances.recompute(session, keep_close=True)  # with the indexes built again
    return report


def import_json(connection: Connection, text: str) -> int:
    """Load the export ``text`` into the empty journal on ``connection``, all or nothing;
    returns the contacts loaded."""
    with Session(bind=connection) as session:
        report = import_archive(session, io.BytesIO(text.encode("utf-8")), datetime.now(UTC))
        session.flush()
    if report.problem_count:
        raise ImportFileError(
            f"{report.problem_count} problem(s): " + "; ".join(report.problems[:5])
        )
    return report.contacts
