"""The brief on screen, with its PDF one click away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.operations import briefs as brief_operations
from relationship_journal.operations.briefs import (
    Brief,
    brief_heading,
    document_html,
    fits_one_page,
    save_sections,
    sections_for,
)
from relationship_journal.operations.errors import JournalError
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.icons import icon
from relationship_journal.ui.widgets import fit_to_screen


def open_brief(
    parent: QWidget, context: JournalContext, contact_ids: list[int], title: str = ""
) -> BriefDialog:
    """Show the brief of one or more contacts (several: a summary, then one each)."""
    briefs = brief_operations.briefs(context.ws, contact_ids)
    dialog = BriefDialog(parent, briefs, brief_heading(briefs, title))
    dialog.exec()
    return dialog


class BriefDialog(QDialog):
    def __init__(self, parent: QWidget | None, briefs: list[Brief], title: str) -> None:
        super().__init__(parent)
        self.setObjectName("briefDialog")
        self.setWindowTitle(f"Brief — {title}")
        fit_to_screen(self, 820, 900)
        self.briefs = briefs
        self.title = title
        self.sections = sections_for(briefs, title, fits_one_page)
        self.saved_to: Path | None = None
        self.view = QTextBrowser()
        self.view.setObjectName("briefView")
        self.view.setAccessibleName("Meeting brief")
        self.view.setOpenLinks(False)
        # The brief is a printed page: shown as paper, dark text on white, in either palette.
        self.view.setStyleSheet("QTextBrowser#briefView { background: #ffffff; color: #1f2328; }")
        # Its text wraps to any width; a table rounding up by a pixel is no reason to scroll.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        brief_operations.add_images(self.view.document(), briefs)
        self.view.setHtml(document_html(self.sections, compact=len(briefs) > 1))
        self.pdf_button = QPushButton(icon("brief"), "Export PDF…")
        self.pdf_button.setObjectName("exportPdfButton")
        connect_plain(self.pdf_button.clicked, self.export_pdf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.saved = QLabel()
        self.saved.setObjectName("briefSaved")
        self.saved.setProperty("role", "muted")
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.saved)
        layout.addWidget(buttons)

    def default_name(self) -> str:
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in self.title).strip()
        return f"Brief {safe} {self.briefs[0].today:%Y-%m-%d}.pdf"

    def export_pdf(self, target: Path | None = None) -> Path | None:
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, "Export brief", str(Path.home() / self.default_name()), "PDF (*.pdf)"
            )
            if not name:
                return None
            target = Path(name)
        try:
            save_sections(self.sections, self.briefs, target, self.title)
        except OSError as error:
            QMessageBox.warning(self, "Cannot export", f"{target}: {error.strerror or error}")
            return None
        except JournalError as error:
            QMessageBox.warning(self, "Cannot export", str(error))
            return None
        self.saved_to = target
        self.saved.setText(f"Saved to {target}")
        self.saved.setVisible(True)
        return target
