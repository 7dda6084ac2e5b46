"""Drafts of text being typed, kept in a small database beside the journal.

Editors save here as the user types (see ``ui.drafts``), so a crash loses no words; the app
offers what is left on the next start. The drafts database is encrypted under the journal's
key when the journal is, so nothing typed ever lands on disk in plain text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from relationship_journal.store.cipher import JournalKey, connect, database_errors
from relationship_journal.store.private_files import create_private_file

SCHEMA = "CREATE TABLE IF NOT EXISTS draft (key TEXT PRIMARY KEY, saved_at TEXT, fields TEXT)"


@dataclass(frozen=True)
class Draft:
    key: str
    fields: dict[str, Any]
    saved_at: datetime


class DraftStore:
    """One row per open editor; each call is its own short, fully synced transaction."""

    def __init__(self, path: Path, key: JournalKey | None = None) -> None:
        self.path = path
        self.key = key

    def _connect(self) -> Any:
        create_private_file(self.path)
        connection = connect(self.path, self.key)
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute(SCHEMA)
        return connection

    def save(self, key: str, fields: dict[str, Any]) -> None:
        connection = self._connect()
        try:
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO draft VALUES (?, ?, ?)",
                    (key, datetime.now().isoformat(), json.dumps(fields, ensure_ascii=False)),
                )
        finally:
            connection.close()

    def load(self, key: str) -> Draft | None:
        found = self._rows("WHERE key = ?", (key,))
        return found[0] if found else None

    def discard(self, key: str) -> None:
        if not self.path.exists():
            return
        connection = self._connect()
        try:
            with connection:
                connection.execute("DELETE FROM draft WHERE key = ?", (key,))
        finally:
            connection.close()

    def pending(self) -> list[Draft]:
        return self._rows("ORDER BY key", ())

    def _rows(self, where: str, parameters: tuple[str, ...]) -> list[Draft]:
        if not self.path.exists():
            return []
        try:
            connection = self._connect()
            try:
                rows = connection.execute(
                    f"SELECT key, saved_at, fields FROM draft {where}", parameters
                ).fetchall()
            finally:
                connection.close()
        except database_errors():
            return []  # a damaged drafts file must never stand between the user and the app
        drafts = []
        for key, saved_at, fields in rows:
            try:
                drafts.append(
                    Draft(str(key), dict(json.loads(fields)), datetime.fromisoformat(saved_at))
                )
            except (ValueError, TypeError):
                continue
        return drafts
