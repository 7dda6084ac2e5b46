"""Text being typed survives a crash and is offered back on the next start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.journal import open_journal
from relationship_journal.ui.ledger.log_dialog import LogDialog
from tests.gui.conftest import WindowFactory

ROOT = Path(__file__).resolve().parents[2]


def test_log_text_typed_before_a_kill_is_offered_back(
    paths: JournalPaths, open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = open_journal(paths.journal, paths.backups)
    with journal.transaction() as session:
        create_contact(session, ContactDraft("Anna Lind"), clock.now())
    journal.close()
    killed = subprocess.run(
        [sys.executable, "-m", "tests.draft_worker", str(paths.drafts)], cwd=ROOT, timeout=60
    )
    assert killed.returncode < 0  # died by the signal, mid-edit

    window = open_window()
    restored: list[tuple[str, str, list[int]]] = []

    def capture(dialog: LogDialog) -> int:
        restored.append(
            (dialog.summary.text(), dialog.notes.toPlainText(), dialog.picker.selected_ids())
        )
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(LogDialog, "exec", capture)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Open)
    window.start_background()
    assert restored == [
        (
            "Promised Anna the routing benchmark by Friday",
            "She worries about the depot go-live",
            [1],
        )
    ]
    # Saved now: the draft is gone and the entry is in the journal.
    assert window.context.drafts is not None and window.context.drafts.pending() == []
    window.go(3)
    assert window.journal_page.model.rowCount() == 1
