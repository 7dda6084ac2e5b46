"""First run: bring your contacts in, explore the demo, or start empty."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from relationship_journal import APP_NAME
from relationship_journal.ui.icons import app_icon, icon


class Choice(Enum):
    IMPORT = "import"
    DEMO = "demo"
    EMPTY = "empty"


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        self.setMinimumWidth(560)
        self.choice = Choice.DEMO
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        title = QLabel(f"<h2>Welcome to {APP_NAME}</h2>")
        text = QLabel(
            "Keep the people who matter to your work: who they are, what they care about, "
            "every interaction as a deposit or a withdrawal, and the moments not to miss. "
            "Everything stays on this computer."
        )
        text.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(text)
        header.addLayout(words, 1)
        self.import_button = self._option(
            "importChoice",
            "add",
            "Import my contacts",
            "From your phone, your mail program, Google, Outlook or LinkedIn.",
            Choice.IMPORT,
        )
        self.demo_button = self._option(
            "demoChoice",
            "today",
            "Explore the demo journal",
            "25 made-up contacts with months of history. Your own journal stays apart.",
            Choice.DEMO,
        )
        self.empty_button = self._option(
            "emptyChoice",
            "contacts",
            "Start empty",
            "Add your first key contacts by hand.",
            Choice.EMPTY,
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(header)
        for button in (self.import_button, self.demo_button, self.empty_button):
            layout.addWidget(button)
        self.import_button.setFocus()

    def _option(
        self, name: str, icon_name: str, title: str, detail: str, choice: Choice
    ) -> QPushButton:
        button = QPushButton(icon(icon_name), f"  {title}\n  {detail}")
        button.setObjectName(name)
        button.setAccessibleName(title)
        button.setMinimumHeight(58)
        button.setStyleSheet("QPushButton { text-align: left; padding: 8px 12px; }")
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()
