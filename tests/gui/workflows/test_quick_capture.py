"""Capture in seconds: from Today, by keyboard alone, counting every key pressed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.journal_list import list_entries
from relationship_journal.ui.ledger.log_dialog import LogDialog
from tests.gui.conftest import WindowFactory, peek, seed

# What the README promises: keys besides the summary text and the letters of the name.
CAPTURE_KEYS = 6


def test_a_capture_by_keyboard_alone(
    open_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    now = clock.now()
    seed(
        window,
        lambda s: [
            create_contact(s, ContactDraft(name), now)
            for name in ("Jürgen Müller", "Julia Roberts", "Sofía Hernández")
        ],
    )
    assert window.current_page_key() == "today"
    keys = 0

    def press(widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        nonlocal keys
        keys += 1
        qtbot.keyClick(widget, key, modifier)

    def drive(dialog: LogDialog) -> int:
        dialog.show()  # as exec() would: shown, active, focus where the dialog put it
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        focus = QApplication.focusWidget
        assert focus() is dialog.picker.search
        qtbot.keyClicks(focus(), "jurg")  # part of a name, accents not needed
        press(focus(), Qt.Key.Key_Return)  # picks Jürgen and moves on to the summary
        assert focus() is dialog.summary
        qtbot.keyClicks(focus(), "Solved the depot routing problem")
        press(focus(), Qt.Key.Key_Tab)  # to deposit / withdrawal (deposit is chosen)
        assert focus() is dialog.deposit
        press(focus(), Qt.Key.Key_Tab)  # to the weight
        assert focus() is dialog.weight
        press(focus(), Qt.Key.Key_3)
        press(focus(), Qt.Key.Key_Return)  # saves
        return int(dialog.result())

    monkeypatch.setattr(LogDialog, "exec", lambda dialog: drive(dialog))
    press(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert keys == CAPTURE_KEYS
    (entry,) = peek(window, lambda s: list_entries(s, 0, 10))
    assert entry.contacts == "Jürgen Müller"
    assert entry.summary == "Solved the depot routing problem"
    assert entry.value == 3
