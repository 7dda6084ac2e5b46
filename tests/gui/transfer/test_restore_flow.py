"""A whole journal restored from its JSON export through File → Import: loaded, undone in
one step, cancelled from its progress dialog, and, when rows are wrong, loaded only if the
user says so (the question's default loads nothing)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from relationship_journal.exchange import json_archive
from relationship_journal.operations import transfer
from relationship_journal.operations.workspace import Workspace
from relationship_journal.paths import JournalPaths
from relationship_journal.store.contacts import live_contact_count
from relationship_journal.store.journal import open_journal
from relationship_journal.ui.main_window import MainWindow
from tests.gui.conftest import import_file, peek, trigger

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def demo_export(demo_template: Callable[[], Path], tmp_path: Path) -> Path:
    """The demo journal's whole-journal export."""
    folder = JournalPaths(tmp_path / "source")
    folder.data_dir.mkdir()
    folder.journal.write_bytes(demo_template().read_bytes())
    journal = open_journal(folder.journal, folder.backups)
    target = tmp_path / "whole.json"
    transfer.export(Workspace(journal, folder), "json", target)
    journal.close()
    return target


def _answer(monkeypatch: pytest.MonkeyPatch, answers: dict[str, QMessageBox.StandardButton]):  # type: ignore[no-untyped-def]
    """Each question answered by its title; what was asked, and each default, kept."""
    asked: list[tuple[str, Any]] = []

    def question(parent: object, title: str, text: str, *rest: Any) -> QMessageBox.StandardButton:
        asked.append((title, rest[1] if len(rest) > 1 else None))
        return answers[title]

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, *_a: asked.append((title, None))
    )
    return asked


def test_a_restore_loads_the_journal_and_is_undone_whole(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, demo_export: Path
) -> None:
    _answer(monkeypatch, {"Load a whole journal": Yes})
    result = import_file(window, qtbot, monkeypatch, demo_export)
    assert result.created == 25  # type: ignore[attr-defined]
    assert peek(window, live_contact_count) == 25
    qtbot.waitUntil(lambda: window.findChild(QProgressDialog, "importProgress") is None)
    qtbot.waitUntil(lambda: "25 contacts" in window.status_label.text())
    trigger(window, "undo")
    assert peek(window, live_contact_count) == 0


def test_a_restore_is_cancelled_from_its_progress_dialog(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, demo_export: Path
) -> None:
    asked = _answer(monkeypatch, {"Load a whole journal": Yes})
    monkeypatch.setattr(json_archive, "WATCH_EVERY", 1)
    # The load waits at its first row until the user has pressed Cancel.
    pressed = threading.Event()
    step = json_archive._Watch.step

    def held(watch: json_archive._Watch) -> None:
        pressed.wait(10)
        step(watch)

    monkeypatch.setattr(json_archive._Watch, "step", held)
    done: list[object] = []
    window.imported.connect(done.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(demo_export), ""))
    trigger(window, "importContacts")
    progress = window.findChild(QProgressDialog, "importProgress")
    assert progress is not None
    qtbot.waitUntil(progress.isVisible)  # shown once the load has taken a moment
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    pressed.set()
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert done == [None]
    assert ("Import cancelled", None) in asked
    assert peek(window, live_contact_count) == 0


def test_wrong_rows_are_loaded_only_when_the_user_says_so(
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    demo_export: Path,
    tmp_path: Path,
) -> None:
    document = json.loads(demo_export.read_text(encoding="utf-8"))
    document["tables"]["contact"][0]["birth_month"] = 13
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")

    asked = _answer(monkeypatch, {"Load a whole journal": Yes, "Problems in the export": No})
    assert import_file(window, qtbot, monkeypatch, broken) is None
    assert ("Problems in the export", No) in asked  # Enter alone loads nothing
    assert peek(window, live_contact_count) == 0

    _answer(monkeypatch, {"Load a whole journal": Yes, "Problems in the export": Yes})
    result = import_file(window, qtbot, monkeypatch, broken)
    assert result.created == 24  # type: ignore[attr-defined]
    assert peek(window, live_contact_count) == 24
