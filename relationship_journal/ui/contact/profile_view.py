"""The personal and professional profile: dated answers, open questions, history one click away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from relationship_journal.domain.profile import TOPICS, Side, Topic
from relationship_journal.domain.records import FactRecord
from relationship_journal.ui.dates import day_text
from relationship_journal.ui.icons import icon
from relationship_journal.ui.theme import accent
from relationship_journal.ui.widgets import esc


class ProfileSection(QWidget):
    """One side of the profile as a grid: topic, answer (or open question), date, actions."""

    edit_requested = Signal(str)
    history_requested = Signal(str)

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"{side.value}Profile")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(10)
        self._grid.setColumnStretch(1, 1)
        self.answers: dict[str, QLabel] = {}
        self._topics = [topic for topic in TOPICS if topic.side is side]
        for row, topic in enumerate(self._topics):
            self._add_row(row, topic)

    def _add_row(self, row: int, topic: Topic) -> None:
        name = QLabel(topic.label)
        name.setStyleSheet("font-weight: 600;")
        name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        name.setMinimumWidth(190)
        answer = QLabel()
        answer.setObjectName(f"answer_{topic.key}")
        answer.setWordWrap(True)
        answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        answer.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        edit = QPushButton(icon("edit"), "")
        edit.setObjectName(f"edit_{topic.key}")
        edit.setToolTip(f"Update: {topic.label}")
        edit.setAccessibleName(f"Update {topic.label}")
        edit.setFlat(True)
        edit.clicked.connect(lambda: self.edit_requested.emit(topic.key))
        history = QPushButton(icon("history"), "")
        history.setObjectName(f"history_{topic.key}")
        history.setToolTip(f"What I knew when: {topic.label}")
        history.setAccessibleName(f"History of {topic.label}")
        history.setFlat(True)
        history.clicked.connect(lambda: self.history_requested.emit(topic.key))
        self._grid.addWidget(name, row, 0)
        self._grid.addWidget(answer, row, 1)
        self._grid.addWidget(edit, row, 2, Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(history, row, 3, Qt.AlignmentFlag.AlignTop)
        self.answers[topic.key] = answer

    def show_facts(self, facts: dict[str, FactRecord], history_counts: dict[str, int]) -> None:
        for topic in self._topics:
            answer = self.answers[topic.key]
            fact = facts.get(topic.key)
            if fact is not None:
                when = day_text(fact.recorded_at.astimezone().date())
                answer.setText(
                    f"{esc(fact.text)}<br><span style='color: gray; font-size: small;'>"
                    f"as of {when}</span>"
                )
                answer.setTextFormat(Qt.TextFormat.RichText)
            elif self.side is Side.PROFESSIONAL:
                answer.setText(
                    f"<span style='color: {accent().name()};'>Open question — "
                    f"{esc(topic.prompt)}</span>"
                )
                answer.setTextFormat(Qt.TextFormat.RichText)
            else:
                answer.setText("<span style='color: gray;'>Not known yet</span>")
                answer.setTextFormat(Qt.TextFormat.RichText)
            button = self.findChild(QPushButton, f"history_{topic.key}")
            if button is not None:
                button.setEnabled(history_counts.get(topic.key, 0) > 0)
