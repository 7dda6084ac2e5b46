"""The passphrase and the window lock as the user meets them: set in Settings → Privacy,
asked at start, asked again after the window has been left alone."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.domain.dates import PartialDate
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.cipher import JournalKey, has_sqlite_header
from relationship_journal.store.contacts import create_contact, live_contact_count
from relationship_journal.store.encryption import change_encryption
from relationship_journal.store.journal import open_journal
from relationship_journal.ui.application import make_application
from relationship_journal.ui.journal_source import WRONG_PASSPHRASE, JournalSource
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.privacy.passphrase_dialogs import PassphraseDialog
from relationship_journal.ui.settings.dialog import SettingsDialog
from tests.desktop_bus import PrivateBus
from tests.gui.conftest import WindowFactory, peek, seed, trigger

PASSPHRASE = "lighthouse keeper 1987"
NAME = "Ingrid Sørensen"


def _journal_with_a_contact(paths: JournalPaths) -> None:
    journal = open_journal(paths.journal, paths.backups)
    with journal.transaction() as session:
        create_contact(session, ContactDraft(NAME), clock.now())
    journal.close()


def _encrypted_window(qtbot: QtBot, paths: JournalPaths, answers: list[str]) -> MainWindow:
    """The window on an encrypted journal, started the way the app starts: asking."""
    _journal_with_a_contact(paths)
    change_encryption(paths.journal, paths.backups, None, JournalKey.new(PASSPHRASE))
    make_application()
    asked: list[str] = []

    def ask(problem: str) -> str | None:
        asked.append(problem)
        return answers.pop(0) if answers else None

    source = JournalSource(paths, ask)
    window = MainWindow(source, source.open(demo=False))
    window.asked = asked  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.today_page.is_loaded, timeout=10000)
    return window


def test_encrypting_from_settings_asks_for_the_warning_to_be_acknowledged(
    qtbot: QtBot,
    paths: JournalPaths,
    open_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _journal_with_a_contact(paths)
    window = open_window()
    assert not window.registry["lockNow"].isEnabled()  # nothing to unlock with yet
    seen: dict[str, object] = {}

    def type_passphrase(dialog: PassphraseDialog) -> int:
        seen["ok_before_ticking"] = dialog.ok.isEnabled()
        seen["warning"] = dialog.findChild(QWidget, "lostPassphraseWarning").text()
        qtbot.keyClicks(dialog.new, PASSPHRASE)
        qtbot.keyClicks(dialog.repeat, PASSPHRASE)
        dialog.understood.setChecked(True)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(PassphraseDialog, "exec", type_passphrase)
    opened: list[SettingsDialog] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda d: opened.append(d) or 0)
    trigger(window, "settings")
    (settings,) = opened
    tab = settings.privacy_tab
    assert tab is not None and "not encrypted" in tab.state.text()
    assert not tab.lock_after.isEnabled()
    qtbot.mouseClick(tab.encrypt_button, Qt.MouseButton.LeftButton)

    assert seen["ok_before_ticking"] is False
    assert "Nobody can recover a lost passphrase" in str(seen["warning"])
    assert "is encrypted" in tab.state.text()
    assert tab.change_button.isVisible() or not settings.isVisible()
    assert tab.lock_after.isEnabled()
    assert window.context.journal.encrypted
    assert not has_sqlite_header(paths.journal)
    assert NAME.encode() not in paths.journal.read_bytes()
    # The window goes on working on the encrypted journal.
    assert peek(window, live_contact_count) == 1
    seed(window, lambda s: create_contact(s, ContactDraft("Marta Kowalska"), clock.now()))
    assert peek(window, live_contact_count) == 2
    tab.lock_after.setCurrentIndex(tab.lock_after.findData(5))
    settings.accept()
    assert window.registry["lockNow"].isEnabled()
    assert window.window_lock.idle_minutes == 5


def test_passphrases_that_differ_or_are_short_are_refused_in_the_dialog(qtbot: QtBot) -> None:
    make_application()
    dialog = PassphraseDialog(None, needs_current=False)
    qtbot.addWidget(dialog)
    dialog.new.setText("abcdefgh")
    dialog.repeat.setText("abcdefgX")
    dialog.understood.setChecked(True)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "differ" in dialog.problem.text()
    dialog.new.setText("short")
    dialog.repeat.setText("short")
    dialog.accept()
    assert "at least 8 characters" in dialog.problem.text()


def test_start_asks_until_the_passphrase_fits(qtbot: QtBot, paths: JournalPaths) -> None:
    window = _encrypted_window(qtbot, paths, ["not it at all", PASSPHRASE])
    assert window.asked == ["", WRONG_PASSPHRASE]  # type: ignore[attr-defined]
    assert peek(window, live_contact_count) == 1


def test_idle_window_locks_and_only_the_passphrase_unlocks(
    qtbot: QtBot, paths: JournalPaths
) -> None:
    window = _encrypted_window(qtbot, paths, [PASSPHRASE])
    other = QDialog(window)
    other.setWindowTitle("A dialog left open")
    other.show()
    lock = window.window_lock
    lock.set_idle_interval_ms(150)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)

    curtains = window.findChildren(QWidget, "lockCurtain")
    main_curtain = [c for c in curtains if c.parentWidget() is window]
    assert main_curtain and main_curtain[0].isVisible()
    assert main_curtain[0].geometry() == window.rect()
    assert other.findChildren(QWidget, "lockCurtain")
    assert window.notifications.discreet
    assert lock.dialog is not None and lock.dialog.isVisible()

    qtbot.keyClicks(lock.dialog.passphrase, "lighthouse")
    qtbot.keyClick(lock.dialog.passphrase, Qt.Key.Key_Return)
    assert lock.is_locked and lock.dialog.problem.isVisible()
    qtbot.keyClick(lock.dialog.passphrase, Qt.Key.Key_Escape)
    assert lock.is_locked  # Escape does not get past the lock
    qtbot.keyClicks(lock.dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(lock.dialog.passphrase, Qt.Key.Key_Return)
    assert not lock.is_locked
    qtbot.waitUntil(lambda: not window.findChildren(QWidget, "lockCurtain"), timeout=2000)
    assert not window.notifications.discreet


def test_a_plain_journal_never_locks(qtbot: QtBot, open_window: WindowFactory) -> None:
    window = open_window()
    assert not window.window_lock.lock()
    assert not window.findChildren(QWidget, "lockCurtain")


def test_change_then_remove_the_passphrase_from_the_window(
    qtbot: QtBot, paths: JournalPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _encrypted_window(qtbot, paths, [PASSPHRASE])
    attempts = iter(["wrong current passphrase", PASSPHRASE])
    problems: list[str] = []

    def change(dialog: PassphraseDialog) -> int:
        problems.append(dialog.problem.text())
        assert dialog.current is not None
        dialog.current.setText(next(attempts))
        dialog.new.setText("a brand new passphrase")
        dialog.repeat.setText("a brand new passphrase")
        dialog.understood.setChecked(True)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PassphraseDialog, "exec", change)
    assert window.privacy.change()
    assert problems == ["", "The current passphrase is not right."]
    key = window.context.journal.key
    assert key is not None and key.matches("a brand new passphrase")

    answers = iter([PASSPHRASE, "a brand new passphrase"])
    asked: list[str] = []

    def confirm(_parent: object, _intro: str, problem: str = "") -> str:
        asked.append(problem)
        return next(answers)

    monkeypatch.setattr(
        "relationship_journal.ui.privacy.passphrase_dialogs.ask_passphrase", confirm
    )
    assert window.privacy.decrypt()
    assert asked == ["", "That is not the journal's passphrase."]
    assert not window.context.journal.encrypted and has_sqlite_header(paths.journal)
    assert not window.registry["lockNow"].isEnabled()
    assert peek(window, live_contact_count) == 1


def test_restoring_a_backup_of_an_encrypted_journal(
    qtbot: QtBot, paths: JournalPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from relationship_journal.store.backups import backup_before

    window = _encrypted_window(qtbot, paths, [PASSPHRASE])
    key = window.context.journal.key
    backup = backup_before(paths.journal, paths.backups, "manual", key)
    assert NAME.encode() not in backup.read_bytes()
    seed(window, lambda s: create_contact(s, ContactDraft("After the backup"), clock.now()))
    assert peek(window, live_contact_count) == 2

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    trigger(window, "restoreBackup")
    assert peek(window, live_contact_count) == 1
    assert window.context.journal.encrypted and not has_sqlite_header(paths.journal)


def test_activity_keeps_the_window_unlocked(qtbot: QtBot, paths: JournalPaths) -> None:
    from PySide6.QtCore import QPoint

    window = _encrypted_window(qtbot, paths, [PASSPHRASE])
    lock = window.window_lock
    lock.set_idle_interval_ms(400)
    for step in range(8):  # 0.8 s of someone typing and moving the mouse
        qtbot.keyClick(window.navigation, Qt.Key.Key_Down if step % 2 else Qt.Key.Key_Up)
        qtbot.mouseMove(window, QPoint(100 + step, 100))
        qtbot.wait(100)
        assert not lock.is_locked
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)


def test_quitting_is_not_refused_while_locked(qtbot: QtBot, paths: JournalPaths) -> None:
    """Quitting (tray, logging out) closes every window without a click: the lock must let
    it, or the app would stand in the way of a logout."""
    window = _encrypted_window(qtbot, paths, [PASSPHRASE])
    assert window.window_lock.lock()
    dialog = window.window_lock.dialog
    assert dialog is not None and dialog.close()


def test_while_locked_a_notification_counts_moments_and_names_no_one(
    qtbot: QtBot, paths: JournalPaths, notification_service: PrivateBus
) -> None:
    window = _encrypted_window(qtbot, paths, [PASSPHRASE])
    today = clock.today()
    birthday = PartialDate(today.month, today.day, 1980)
    seed(
        window,
        lambda s: create_contact(s, ContactDraft("Olu Adeyemi", birthday=birthday), clock.now()),
    )
    trigger(window, "lockNow")
    qtbot.waitUntil(lambda: window.window_lock.is_locked, timeout=5000)
    morning = datetime.combine(today, time(9, 0))
    assert len(window.notifications.check(morning)) == 1
    (shown,) = notification_service.received()
    assert shown["summary"] == "1 moment that matters"
    assert shown["body"] == "Unlock Relationship Journal to see them."
    assert "Olu" not in str(shown)
