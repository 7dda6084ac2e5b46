"""Screenshots of every main screen and dialog on the demo journal, for the README and for
review.

    python tools/screenshots.py [OUT_DIR] [--size 1280x800] [--dark]
    python tools/screenshots.py --all [OUT_DIR]     # light and dark, 1280x800 and 900x600

Runs on a throw-away data folder, so it never touches a real journal. Dialogs are reached
the way a user reaches them (their menu command or button); each is photographed when it
opens and then closed. Names: ``today.png``, ``today-dark.png``, ``today-900x600.png``…
With ``--all`` each run gets a screen of its own size under ``xvfb-run``, so windows that
fit themselves to the screen are seen as a user with that screen sees them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MAIN_SIZE = "1280x800"
SIZES = (MAIN_SIZE, "900x600")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--size", default=MAIN_SIZE)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--all", action="store_true", help="both themes at both sizes")
    parser.add_argument("--contact", default="Jürgen Müller")
    args = parser.parse_args()
    if args.all:
        return _all(args.out)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.dark:
        os.environ["RELATIONSHIP_JOURNAL_THEME"] = "dark"
    suffix = ("" if args.size == MAIN_SIZE else f"-{args.size}") + ("-dark" if args.dark else "")
    return _shoot_everything(Path(args.out), args.size, suffix, args.contact)


def _all(out: str) -> int:
    """One run per theme and size, each under a virtual screen of that size."""
    xvfb = shutil.which("xvfb-run")
    for size in SIZES:
        for dark in (False, True):
            command = [sys.executable, __file__, out, "--size", size, *(["--dark"] if dark else [])]
            if xvfb:
                command = [xvfb, "-a", "-s", f"-screen 0 {size}x24", *command]
            if subprocess.run(command, check=False).returncode != 0:
                return 1
    return 0


def _shoot_everything(out: Path, size: str, suffix: str, contact: str) -> int:
    from PySide6.QtWidgets import QApplication

    from relationship_journal.operations.contacts import resolve
    from relationship_journal.paths import JournalPaths
    from relationship_journal.ui.application import make_application
    from relationship_journal.ui.journal_source import JournalSource
    from relationship_journal.ui.main_window import MainWindow

    width, height = (int(part) for part in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        app = make_application()
        source = JournalSource(JournalPaths(Path(folder)))
        window = MainWindow(source, source.open(demo=True))
        window.resize(width, height)
        window.show()
        camera = _Camera(app, out, suffix)
        _screens(window, camera, resolve(window.context.ws, contact))
        _dialogs(window, camera)
        window.close()
        QApplication.processEvents()
    return 0


class _Camera:
    def __init__(self, app: object, out: Path, suffix: str) -> None:
        self._app = app
        self._out = out
        self._suffix = suffix

    def settle(self) -> None:
        from PySide6.QtCore import QThreadPool
        from PySide6.QtWidgets import QApplication

        for _ in range(3):
            QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(5000)  # Today gathers off the UI thread
        for _ in range(3):
            QApplication.processEvents()

    def shoot(self, widget: object, name: str) -> None:
        self.settle()
        path = self._out / f"{name}{self._suffix}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print(path)


def _screens(window: object, camera: _Camera, contact_id: int) -> None:
    w = window  # a MainWindow
    for index, name in enumerate(("today", "contacts")):
        w.go(index)  # type: ignore[attr-defined]
        camera.shoot(w, name)
    w.open_contact(contact_id)  # type: ignore[attr-defined]
    tabs = w.contact_page.tabs  # type: ignore[attr-defined]
    for index, name in enumerate(
        ("contact", "contact-profile", "contact-work", "contact-timeline")
    ):
        tabs.setCurrentIndex(index)
        camera.shoot(w, name)
    tabs.setCurrentIndex(0)
    for index, name in ((2, "organisations"), (3, "journal"), (4, "promises"), (5, "portfolio")):
        w.go(index)  # type: ignore[attr-defined]
        camera.shoot(w, name)
    scope = w.portfolio_page.scope  # type: ignore[attr-defined]
    scope.setCurrentIndex(scope.count() - 1)
    camera.shoot(w, "portfolio-everyone")
    scope.setCurrentIndex(0)
    w.open_contact(contact_id)  # type: ignore[attr-defined]


def _dialogs(window: object, camera: _Camera) -> None:
    """Open each dialog as a user does; every one is photographed as it opens, then shut."""
    from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QTabWidget

    shots: dict[str, Callable[[QDialog], None]] = {}

    def photograph(dialog: QDialog) -> int:
        dialog.show()
        camera.settle()
        name = _NAMES.get(dialog.objectName(), dialog.objectName() or "dialog")
        camera.shoot(dialog, name)
        tabs = dialog.findChild(QTabWidget)
        if tabs is not None:
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                label = tabs.tabText(index).lower().replace("&", "").replace(" ", "-")
                camera.shoot(dialog, f"{name}-{label}")
        extra = shots.get(dialog.objectName())
        if extra is not None:
            extra(dialog)
        dialog.hide()
        dialog.deleteLater()
        return int(QDialog.DialogCode.Rejected)

    def contact_form_error(dialog: QDialog) -> None:
        dialog.name.setText("Jane Roe")  # type: ignore[attr-defined]
        dialog.met_on.edit.setText("31/12/1850")  # type: ignore[attr-defined]
        dialog.accept()
        camera.shoot(dialog, "contact-form-error")

    shots["contactDialog"] = contact_form_error
    QDialog.exec = photograph  # type: ignore[method-assign]
    QMessageBox.exec = photograph  # type: ignore[method-assign]
    w = window
    for action in (
        "newContact",
        "logInteraction",
        "newReminder",
        "settings",
        "searchAll",
        "brief",
        "customFields",
        "shortcuts",
        "about",
    ):
        w.registry[action].trigger()  # type: ignore[attr-defined]
    page = w.contact_page  # type: ignore[attr-defined]
    for button in ("stageButton", "promiseButton", "noticeButton"):
        page.findChild(QPushButton, button).click()


_NAMES = {
    "contactDialog": "contact-form",
    "logDialog": "log",
    "reminderDialog": "reminder",
    "settingsDialog": "settings",
    "briefDialog": "brief",
    "customFieldsDialog": "custom-fields",
    "stageDialog": "stage",
    "promiseDialog": "promise",
    "noticeDialog": "tell-me-ahead",
    "quickSwitcher": "search",
    "shortcutsDialog": "shortcuts",
    "aboutDialog": "about",
}


if __name__ == "__main__":
    raise SystemExit(main())
