"""The plain-SQLite floor: the same work done on the same journal by the sqlite3 module
alone, measured in the same run, so each figure of the report stands beside what the
database itself needs for it."""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlmodel import Session

Statement = tuple[str, Any]

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
import sqlmodel
from sqlalchemy import text
app = QApplication(sys.argv)
engine = sqlmodel.create_engine("sqlite:///" + sys.argv[1])
with engine.connect() as connection:
    connection.execute(text("SELECT count(*) FROM sqlite_master")).all()
window = QMainWindow()
window.show()
app.processEvents()
print("shown", flush=True)
"""


class _Recorder:
    """Stands in for the driver's connection and writes down what its cursors run."""

    def __init__(self, real: Any, found: list[Statement]) -> None:
        self._real, self._found = real, found

    def cursor(self, *args: Any) -> _RecordingCursor:
        return _RecordingCursor(self._real.cursor(*args), self._found)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


class _RecordingCursor:
    def __init__(self, real: Any, found: list[Statement]) -> None:
        self._real, self._found = real, found

    def execute(self, sql: str, parameters: Any = ()) -> Any:
        self._found.append((sql, parameters))
        self._real.execute(sql, parameters)
        return self

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


@contextmanager
def recorded(session: Session) -> Iterator[list[Statement]]:
    """The SQL statements and their values that ``session`` runs while inside, whether
    through SQLAlchemy or the driver's cursor."""
    found: list[Statement] = []
    fairy = session.connection().connection
    real = fairy.dbapi_connection
    fairy.dbapi_connection = _Recorder(real, found)  # type: ignore[assignment]
    try:
        yield found
    finally:
        fairy.dbapi_connection = real


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA query_only = ON")
    return db


def replay(db: sqlite3.Connection, statements: list[Statement]) -> None:
    """Run the reads with their values in one transaction, as the app does, and fetch
    every row: the database's part of the work."""
    db.execute("BEGIN")
    for statement, parameters in statements:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            db.execute(statement, parameters).fetchall()
    db.execute("COMMIT")


def fts_prefix(db: sqlite3.Connection, prefix: str) -> None:
    """Search as plain FTS5 does it: a prefix query, LIMIT 50, no ranking, on the largest
    of the full-text indexes (the journal entries')."""
    quoted = '"' + prefix.replace('"', '""') + '"*'
    db.execute(
        "SELECT rowid FROM search_index_entries WHERE search_index_entries MATCH ? LIMIT 50",
        (quoted,),
    ).fetchall()


def timeline(db: sqlite3.Connection, contact_id: int) -> None:
    """A contact and the first screen (20 rows) of its timeline."""
    db.execute("SELECT * FROM contact WHERE id = ?", (contact_id,)).fetchall()
    db.execute(
        "SELECT e.* FROM entry_contact ec JOIN entry e ON e.id = ec.entry_id"
        " WHERE ec.contact_id = ? ORDER BY e.occurred_at DESC, e.id DESC LIMIT 20",
        (contact_id,),
    ).fetchall()


def read_everything(path: Path) -> dict[str, float]:
    """Every row of every table read once, and the bytes of text it holds."""
    db = connect(path)
    start = time.perf_counter()
    size = 0
    tables = [
        name
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith(("sqlite_", "search_index"))
    ]
    for table in tables:
        for row in db.execute(f'SELECT * FROM "{table}"'):
            size += sum(len(str(value)) for value in row)
    elapsed = (time.perf_counter() - start) * 1000
    db.close()
    return {"total_ms": elapsed, "mb": size / 1e6}


def insert_everything(source: Path, target: Path) -> dict[str, float]:
    """Every row of the journal at ``source`` inserted by SQLite alone into the new, empty
    journal at ``target``, parents first, one statement per table, in one transaction, as
    fast as SQLite loads it: the lookup indexes built once the rows are in, and each search
    index filled by one statement, as a restore does (``bulk_load``): what a restore costs
    the database."""
    from sqlalchemy import create_engine

    from relationship_journal.store.bulk_load import bulk_load, empty_tables
    from relationship_journal.store.models import SQLModel

    # The driver's own transactions off: the statements below say where one begins and ends.
    engine = create_engine(f"sqlite:///{target}", connect_args={"isolation_level": None})
    with engine.connect() as connection:
        run = connection.exec_driver_sql
        run("PRAGMA foreign_keys = ON")
        run("PRAGMA synchronous = FULL")
        run("ATTACH DATABASE ? AS source", (str(source),))
        start = time.perf_counter()
        run("BEGIN IMMEDIATE")
        tables = [table.name for table in SQLModel.metadata.sorted_tables]
        with bulk_load(connection, empty_tables(connection, tables)):
            for table in tables:
                columns = [row[1] for row in run(f'PRAGMA main.table_info("{table}")')]
                names = ", ".join(f'"{column}"' for column in columns)
                run(
                    f'INSERT OR IGNORE INTO main."{table}" ({names})'
                    f' SELECT {names} FROM source."{table}"'
                )
        run("COMMIT")
        elapsed = (time.perf_counter() - start) * 1000
    engine.dispose()
    return {"total_ms": elapsed}


def start_environment() -> dict[str, str]:
    """What a started app sees: no display, and Python's compiled modules kept, as an
    installed app has them (a first, unmeasured start writes them for a checkout)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def bare_start(path: Path, repeat: int) -> dict[str, float]:
    """A bare PySide6 + SQLModel window on the same journal, from launch until shown."""
    env = start_environment()
    subprocess.run(
        [sys.executable, "-c", BARE_WINDOW, str(path)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", BARE_WINDOW, str(path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None
        with child.stdout:
            for line in child.stdout:
                if line.strip() == "shown":
                    times.append((time.perf_counter() - start) * 1000)
        if child.wait() != 0:
            raise RuntimeError("the bare window did not start")
    return {"median_ms": statistics.median(times)}
