"""Answer a profile question, and see what was known when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.profile import Topic
from relationship_journal.domain.records import FactRecord
from relationship_journal.operations.drafts import DraftStore
from relationship_journal.ui.dates import day_text, moment_text
from relationship_journal.ui.dialogs import GuardedDialog, save_cancel
from relationship_journal.ui.drafts import DraftKeeper


class FactDialog(GuardedDialog):
    unsaved_what = "this answer"

    def __init__(
        self,
        parent: QWidget | None,
        topic: Topic,
        current: str,
        drafts: DraftStore | None = None,
        draft_key: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("factDialog")
        self.setWindowTitle(topic.label)
        self.setMinimumWidth(460)
        prompt = QLabel(topic.prompt)
        prompt.setWordWrap(True)
        self._current = current
        self.text = QPlainTextEdit(current)
        self.text.setObjectName("factText")
        self.text.setAccessibleName(topic.label)
        note = QLabel("The earlier answer stays in the history." if current.strip() else "")
        note.setProperty("role", "muted")
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.text)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.text.setFocus()
        self.keeper = DraftKeeper(
            drafts, draft_key, lambda: {"text": self.text.toPlainText()}, self
        )
        restored = self.keeper.restore()
        if restored is not None:
            self.text.setPlainText(str(restored.fields.get("text", "")))
            note.setText(f"Restored what you were typing on {moment_text(restored.saved_at)}.")
        self.text.textChanged.connect(self.keeper.changed)
        self.finished.connect(lambda _result: self.keeper.discard())

    def has_unsaved_input(self) -> bool:
        return self.text.toPlainText().strip() != self._current.strip()

    @classmethod
    def get_answer(
        cls,
        parent: QWidget | None,
        topic: Topic,
        current: str,
        drafts: DraftStore | None = None,
        draft_key: str = "",
    ) -> tuple[str, bool]:
        dialog = cls(parent, topic, current, drafts, draft_key)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.text.toPlainText(), ok


class FactHistoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, topic: Topic, history: list[FactRecord]) -> None:
        super().__init__(parent)
        self.setObjectName("factHistoryDialog")
        self.setWindowTitle(f"{topic.label}: what I knew when")
        self.setMinimumSize(480, 300)
        self.list = QListWidget()
        self.list.setObjectName("factHistory")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for fact in history:
            when = day_text(fact.recorded_at.astimezone().date())
            self.list.addItem(f"{when} — {fact.text or '(cleared)'}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
