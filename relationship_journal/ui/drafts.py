"""Text being typed survives a crash: editors save a draft as the user types, and the app
offers it back on the next start. A draft is dropped once its text is saved or discarded."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from relationship_journal.store.backups import PRIVATE_FILE

SAVE_DELAY_MS = 400


@dataclass(frozen=True)
class Draft:
    key: str
    fields: dict[str, Any]
    saved_at: datetime


class DraftStore:
    """One JSON file per open editor in the journal's drafts folder (private to the user)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in key)
        return self.folder / f"{safe}.json"

    def save(self, key: str, fields: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self._path(key)
        temporary = target.with_suffix(".tmp")
        payload = {"key": key, "saved_at": datetime.now().isoformat(), "fields": fields}
        descriptor = os.open(temporary, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE_FILE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)

    def load(self, key: str) -> Draft | None:
        return self._read(self._path(key))

    def discard(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def pending(self) -> list[Draft]:
        if not self.folder.is_dir():
            return []
        found = [self._read(path) for path in sorted(self.folder.glob("*.json"))]
        return [draft for draft in found if draft is not None]

    def _read(self, path: Path) -> Draft | None:
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            return Draft(
                str(payload["key"]),
                dict(payload["fields"]),
                datetime.fromisoformat(payload["saved_at"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            return None


class DraftKeeper(QObject):
    """Saves an editor's fields shortly after each change."""

    def __init__(self, store: DraftStore | None, key: str, collect: Any, parent: QObject) -> None:
        super().__init__(parent)
        self.store = store
        self.key = key
        self._collect = collect
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    def changed(self, *_args: object) -> None:
        if self.store is not None:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.store is not None:
            fields = self._collect()
            if any(str(value).strip() for value in fields.values()):
                self.store.save(self.key, fields)

    def restore(self) -> Draft | None:
        return self.store.load(self.key) if self.store is not None else None

    def discard(self) -> None:
        self._timer.stop()
        if self.store is not None:
            self.store.discard(self.key)
