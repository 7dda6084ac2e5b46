"""The keys the README and F1 promise are the keys the window binds, and they work."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.operations import contacts
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact, live_contact_count
from relationship_journal.ui.actions import key_text, markdown_table
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.settings.dialog import SettingsDialog
from tests.gui.conftest import open_by_name, peek, seed, trigger

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_table_is_the_windows_own(window: MainWindow) -> None:
    import tools.keyboard_table as generator

    generated = markdown_table(window.registry.shortcuts(documented=True))
    assert generator.readme_table(README.read_text(encoding="utf-8")) == generated
    for name, keys in window.registry.documented.items():
        bound = {key_text(s) for s in window.registry[name].shortcuts()}
        assert set(keys) <= bound, name


def test_no_key_does_two_things(window: MainWindow) -> None:
    keys = Counter(
        key_text(sequence)
        for action in window.registry.actions.values()
        for sequence in action.shortcuts()
    )
    assert [key for key, times in keys.items() if times > 1] == []


def _mnemonic(text: str) -> str | None:
    """The letter after a lone "&" (Alt+letter), or None."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_each_menu_gives_each_letter_to_one_command(window: MainWindow) -> None:
    """Alt+F then a letter opens one command, never only highlights one of two."""
    from PySide6.QtWidgets import QMenu

    menus = [action.menu() for action in window.menuBar().actions()]
    assert len(menus) >= 4
    while menus:
        menu = menus.pop()
        assert isinstance(menu, QMenu)
        letters = [_mnemonic(action.text()) for action in menu.actions() if action.text()]
        taken = Counter(letter for letter in letters if letter)
        assert [letter for letter, n in taken.items() if n > 1] == [], menu.title()
        menus += [action.menu() for action in menu.actions() if action.menu()]
    assert _mnemonic(window.registry["startOwn"].text()) == "s"


def test_f1_lists_every_command_with_keys(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    (text,) = shown
    for what in ("Undo", "Redo", "Settings", "Search everything", "Lock now"):
        assert f"<td>{what}</td>" in text
    assert "Ctrl+Shift+F" in text and "Ctrl+," in text


def test_keys_reach_their_commands(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda d: opened.append("settings") or 0)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["settings"]
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a[1]) or ("", "")
    )
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Import contacts"]

    now = clock.now()
    seed(window, lambda s: create_contact(s, ContactDraft("Anna Lind"), now))
    window.context.do(contacts.create, ContactDraft("Ben Okafor"))
    assert peek(window, live_contact_count) == 2
    assert window.registry["undo"].text() == "&Undo New contact Ben Okafor"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert peek(window, live_contact_count) == 1
    qtbot.keySequence(window, QKeySequence("Ctrl+Shift+Z"))
    assert peek(window, live_contact_count) == 2
    trigger(window, "undo")
    assert peek(window, live_contact_count) == 1


def test_the_window_keeps_its_keys_in_search_and_filter_boxes(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the keyboard in the sidebar's search box or the contacts filter, Ctrl+Z undoes
    the last action once the box has no typing of its own to take back, and Ctrl+E edits
    the contact shown (Linux text boxes take Ctrl+E for the end of the line)."""
    from relationship_journal.ui.contact.dialog import ContactDialog

    control = Qt.KeyboardModifier.ControlModifier
    window.context.do(contacts.create, ContactDraft("Ben Okafor"))
    window.context.do(contacts.create, ContactDraft("Cleo Diaz"))
    box = window.search_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Z, control)
    assert peek(window, live_contact_count) == 1
    qtbot.keyClick(box, Qt.Key.Key_Z, control | Qt.KeyboardModifier.ShiftModifier)
    assert peek(window, live_contact_count) == 2

    window.go(1)
    contacts_filter = window.contacts_page.search
    contacts_filter.setFocus()
    qtbot.keyClicks(contacts_filter, "xy")
    qtbot.keyClick(contacts_filter, Qt.Key.Key_Z, control)
    assert contacts_filter.text() == "" and peek(window, live_contact_count) == 2  # typing first
    qtbot.keyClick(contacts_filter, Qt.Key.Key_Z, control)
    assert peek(window, live_contact_count) == 1  # then the window's last action

    open_by_name(window, qtbot, "ben")
    box.setFocus()
    edited: list[str] = []
    monkeypatch.setattr(ContactDialog, "exec", lambda d: edited.append(d.windowTitle()) or 0)
    qtbot.keyClick(box, Qt.Key.Key_E, control)
    assert edited == ["Edit contact"]
