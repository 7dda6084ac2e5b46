"""Every door of the window, opened the way a user opens it.

On the demo journal, every menu command is triggered through its action and every button
of every page is clicked; every dialog that opens has each of its own buttons clicked, then
Save and Cancel. File dialogs are answered with temporary paths. The walk fails on any
uncaught exception (pytest-qt reports those raised in slots) and on any error box, and the
exports and the brief must leave their files behind.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from relationship_journal.paths import JournalPaths
from relationship_journal.ui.contact.timeline import EntryIdRole
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.tasks import wait_for_tasks
from tests.gui.conftest import WindowFactory, open_by_name, trigger, wait_for_agenda

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[2] / "data" / "import"
# Doors walked elsewhere or that end the walk: quitting, and leaving the demo (done last).
# Going back to the demo is hidden while on it (walked in test_main_window).
NOT_WALKED = {"quit", "startOwn", "startOwnJournal", "exploreDemo"}
MAX_DEPTH = 2


class Doorman(QObject):
    """Answers every dialog the walk opens, and remembers what it saw."""

    def __init__(self, qtbot: QtBot, out: Path, paths: JournalPaths) -> None:
        super().__init__()
        self.qtbot = qtbot
        self.out = out
        self.paths = paths
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.saved: list[Path] = []
        self.urls: list[QUrl] = []
        self.depth = 0

    # --- the patched entry points --------------------------------------------------------------

    def save_file(
        self, _parent: object, caption: str, _where: str = "", filters: str = "", *_a: object
    ) -> tuple[str, str]:
        extension = filters.split("*", 1)[1].split(")")[0].split()[0] if "*" in filters else ""
        path = self.out / f"{len(self.saved):02d}-{caption.replace(' ', '-')}{extension}"
        self.saved.append(path)
        return str(path), filters

    def open_file(self, _parent: object, caption: str, *_args: object) -> tuple[str, str]:
        if "Restore" in caption:
            backups = sorted(self.paths.demo.backups.glob("*.sqlite"))
            return (str(backups[-1]) if backups else ""), ""
        if "photo" in caption:
            return str(self._photo()), ""
        return str(DATA / "android-2.1.vcf"), ""

    def _photo(self) -> Path:
        path = self.out / "face.png"
        image = QImage(320, 240, QImage.Format.Format_RGB32)
        image.fill(QColor("#3366cc"))
        image.save(str(path))
        return path

    def error_box(self, _parent: object, title: str, text: str, *_args: object) -> object:
        self.errors.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    def message_box(self, box: QMessageBox) -> int:
        self.dialogs.append(f"QMessageBox:{box.windowTitle()}")
        return 0

    def dialog(self, dialog: QDialog) -> int:
        self.dialogs.append(f"{type(dialog).__name__}:{dialog.objectName()}")
        dialog.show()
        if self.depth < MAX_DEPTH:
            self.depth += 1
            try:
                click_every_button(dialog, self)
                self._finish(dialog)
            finally:
                self.depth -= 1
        if dialog.isVisible():
            dialog.done(QDialog.DialogCode.Rejected)
        return int(dialog.result())

    def _finish(self, dialog: QDialog) -> None:
        """Save (which may refuse an empty form), then Cancel or Close if still open."""
        for role in (
            QDialogButtonBox.ButtonRole.AcceptRole,
            QDialogButtonBox.ButtonRole.RejectRole,
        ):
            for box in dialog.findChildren(QDialogButtonBox):
                for button in box.buttons():
                    if box.buttonRole(button) == role and dialog.isVisible() and _usable(button):
                        button.click()
                        settle()


def _usable(button: QAbstractButton) -> bool:
    return button.isVisibleTo(button.window()) and button.isEnabled()


def settle() -> None:
    wait_for_tasks()
    for _ in range(3):
        QApplication.processEvents()


def _door_key(button: QAbstractButton) -> str:
    """Buttons of one kind (every row's Done) are one door."""
    return f"{type(button.window()).__name__}/{button.objectName() or button.text()}"


CLOSING_ROLES = {
    QDialogButtonBox.ButtonRole.AcceptRole,
    QDialogButtonBox.ButtonRole.RejectRole,
    QDialogButtonBox.ButtonRole.YesRole,
    QDialogButtonBox.ButtonRole.NoRole,
    QDialogButtonBox.ButtonRole.DestructiveRole,
}


def _buttons(root: QWidget) -> Iterator[QAbstractButton]:
    """The buttons to try, but those that close their dialog (tried last, by ``_finish``);
    check boxes after push buttons, as a filter switched on hides some of them."""
    found = root.findChildren(QAbstractButton)
    for button in sorted(found, key=lambda b: isinstance(b, QCheckBox | QRadioButton)):
        box = button.parent()
        closes = isinstance(box, QDialogButtonBox) and box.buttonRole(button) in CLOSING_ROLES
        if not closes and _usable(button) and button.objectName() not in NOT_WALKED:
            yield button


def click_every_button(
    root: QWidget,
    doorman: Doorman,
    walked: set[str] | None = None,
    show: Callable[[], object] | None = None,
) -> None:
    """Click each kind of button once; buttons come and go as rows reload, so look again
    after every click (and come back with ``show`` when a click went to another page)."""
    seen = set() if walked is None else walked
    while True:
        if show is not None:
            show()
        button = next((b for b in _buttons(root) if _door_key(b) not in seen), None)
        if button is None:
            return
        seen.add(_door_key(button))
        menu = getattr(button, "menu", lambda: None)()
        if menu is not None:
            for action in menu.actions():  # a menu button: choose each of its entries
                if action.isEnabled() and not action.isSeparator():
                    action.trigger()
                    settle()
            continue
        button.click()
        settle()


@pytest.fixture
def doorman(
    qtbot: QtBot, tmp_path: Path, paths: JournalPaths, monkeypatch: pytest.MonkeyPatch
) -> Doorman:
    out = tmp_path / "out"
    out.mkdir()
    man = Doorman(qtbot, out, paths)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", man.save_file)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", man.open_file)
    monkeypatch.setattr(QMessageBox, "warning", man.error_box)
    monkeypatch.setattr(QMessageBox, "critical", man.error_box)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "about", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: man.message_box(box))
    monkeypatch.setattr(QDialog, "exec", lambda dialog: man.dialog(dialog))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("walked", True))
    # Write and Call hand their address to the desktop, which the offscreen platform lacks.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: man.urls.append(url) or True)
    return man


def _walk_menus(window: MainWindow, doorman: Doorman) -> list[str]:
    walked = []
    for name, action in window.registry.actions.items():
        if name in NOT_WALKED or not action.isEnabled() or not action.isVisible():
            continue
        action.trigger()
        settle()
        walked.append(name)
    return walked


def test_every_door_of_the_demo_journal(
    open_window: WindowFactory, qtbot: QtBot, doorman: Doorman, paths: JournalPaths
) -> None:
    window = open_window(demo=True)

    # Commands about the person on screen, from a contact page.
    open_by_name(window, qtbot, "hannah")
    on_contact = ("editContact", "brief", "logInteraction", "newReminder")
    for name in on_contact:
        trigger(window, name)
        settle()
    walked = [*on_contact, *_walk_menus(window, doorman)]
    expected = set(window.registry.actions) - NOT_WALKED - {"lockNow"}  # no passphrase here
    assert expected <= set(walked)

    # Every button of every page, the contact page included.
    seen: set[str] = set()

    def go(index: int) -> None:
        window.go(index)
        if window.current_page_key() == "contacts":
            window.contacts_page.table.selectRow(0)  # Tag… and Delete act on those chosen

    for index in range(6):
        go(index)
        wait_for_agenda(qtbot, window)
        page = window.pages.currentWidget()
        click_every_button(page, doorman, seen, lambda i=index: go(i))
    open_by_name(window, qtbot, "")  # whoever is left first in the list
    contact_id = window.contact_page.contact_id
    assert contact_id is not None
    for tab in range(window.contact_page.tabs.count()):

        def show(tab: int = tab) -> None:
            page = window.contact_page
            if window.current_page_key() != "contact":
                window.open_contact(contact_id)
            page.tabs.setCurrentIndex(tab)
            model = page.timeline_model
            entries = [r for r in range(model.rowCount()) if model.index(r, 0).data(EntryIdRole)]
            if entries and not page.timeline.currentIndex().isValid():
                page.timeline.setCurrentIndex(model.index(entries[0], 0))  # as a click would

        click_every_button(window.contact_page, doorman, seen, show)

    assert {
        "MainWindow/bulkTagButton",
        "MainWindow/doneButton",
        "MainWindow/snoozeButton",
        "MainWindow/briefButton",
        "MainWindow/deleteEntryButton",
        "MainWindow/reviewDrifting",
    } <= seen
    assert doorman.errors == []
    opened = {entry.split(":")[0] for entry in doorman.dialogs}
    assert {
        "SettingsDialog",
        "ContactDialog",
        "LogDialog",
        "ReminderDialog",
        "BriefDialog",
        "ImportPreviewDialog",
        "QuickSwitcher",
        "CustomFieldsDialog",
        "FactDialog",
        "StageDialog",
        "PromiseDialog",
        "NoticeDialog",
        "LinkDialog",
    } <= opened, opened
    for path in doorman.saved:
        assert path.exists(), f"nothing written to {path.name}"
    written = {path.suffix: path.read_bytes() for path in doorman.saved}
    assert written[".vcf"].startswith(b"BEGIN:VCARD")
    assert b"BEGIN:VCALENDAR" in written[".ics"]
    assert json.loads(written[".json"])["format"] == "relationship-journal"
    assert written[".pdf"].startswith(b"%PDF")
    assert written[".csv"]

    # Leaving the demo leaves nothing of it behind.
    window.go(0)
    trigger(window, "startOwn")
    wait_for_agenda(qtbot, window)
    assert window.today_page.moments == []
    assert not window.today_page.news.isVisibleTo(window)
    qtbot.waitUntil(lambda: window.status_label.text() == "Your journal · 0 contacts")
    assert not window.banner.isVisibleTo(window)
    assert paths.journal.exists()
