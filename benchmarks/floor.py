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

from sqlmodel import Session

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


@contextmanager
def recorded(session: Session) -> Iterator[list[str]]:
    """The SQL statements, their values written in, that ``session`` runs while inside
    (SQLite's own trace: it sees statements sent through the driver directly too)."""
    found: list[str] = []
    driver = session.connection().connection.driver_connection
    driver.set_trace_callback(found.append)  # type: ignore[union-attr]
    try:
        yield found
    finally:
        driver.set_trace_callback(None)  # type: ignore[union-attr]


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.execute("PRAGMA query_only = ON")
    return db


def replay(db: sqlite3.Connection, statements: list[str]) -> None:
    """Run the reads and fetch every row: the database's part of the work."""
    for statement in statements:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            db.execute(statement).fetchall()


def fts_prefix(db: sqlite3.Connection, prefix: str) -> None:
    """Search as plain FTS5 does it: a prefix query, LIMIT 50, no ranking."""
    quoted = '"' + prefix.replace('"', '""') + '"*'
    db.execute(
        "SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 50", (quoted,)
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


def bare_start(path: Path, repeat: int) -> dict[str, float]:
    """A bare PySide6 + SQLModel window on the same journal, from launch until shown."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
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
