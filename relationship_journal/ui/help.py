"""Help: the keyboard shortcuts the window binds, and what this app is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from relationship_journal import APP_NAME, __version__
from relationship_journal.ui.actions import ActionRegistry
from relationship_journal.ui.icons import app_icon
from relationship_journal.ui.widgets import esc


def show_shortcuts(parent: QWidget, registry: ActionRegistry) -> None:
    lines = "".join(
        f"<tr><td>{esc(what)}</td><td><b>{' or '.join(keys)}</b></td></tr>"
        for what, keys in registry.shortcuts()
    )
    box = QMessageBox(parent)
    box.setObjectName("shortcutsDialog")
    box.setWindowTitle("Keyboard shortcuts")
    box.setText(f"<table cellspacing='6'>{lines}</table>")
    box.exec()


def show_about(parent: QWidget, journal: Path) -> None:
    box = QMessageBox(parent)
    box.setObjectName("aboutDialog")
    box.setWindowTitle(f"About {APP_NAME}")
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setText(
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>The people who matter to your work, kept privately on this computer.</p>"
        f"<p>Journal: {esc(str(journal))}</p>"
    )
    box.exec()
