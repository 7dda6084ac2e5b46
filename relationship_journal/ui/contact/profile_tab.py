"""A contact's profile tab: how well the user knows them, and both sides of the profile."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from relationship_journal.domain import profile
from relationship_journal.domain.profile import Side
from relationship_journal.domain.wording import count_of
from relationship_journal.operations.contacts import ContactFile
from relationship_journal.ui.contact.profile_view import ProfileSection
from relationship_journal.ui.widgets import card, label, scrolled


class ProfileTab(QWidget):
    edit_requested = Signal(str)  # a topic key
    history_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 12, 6, 6)
        layout.setSpacing(14)
        self.known = label("", "muted")
        self.known.setObjectName("knownScore")
        layout.addWidget(self.known)
        self.sections: dict[Side, ProfileSection] = {}
        for side, title in ((Side.PROFESSIONAL, "Professional"), (Side.PERSONAL, "Personal")):
            frame, frame_layout = card()
            frame_layout.addWidget(label(title, "section"))
            section = ProfileSection(side)
            section.edit_requested.connect(self.edit_requested)
            section.history_requested.connect(self.history_requested)
            frame_layout.addWidget(section)
            layout.addWidget(frame)
            self.sections[side] = section
        layout.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(inner))

    def show_file(self, file: ContactFile) -> None:
        counts: dict[str, int] = {}
        for fact in file.fact_history:
            counts[fact.topic] = counts.get(fact.topic, 0) + 1
        for section in self.sections.values():
            section.show_facts(file.facts, counts)
        score = profile.completeness(file.facts)
        open_count = len(profile.open_questions(file.facts))
        still_open = (
            f" — {count_of(open_count, 'professional question')} still open." if open_count else "."
        )
        self.known.setText(f"You know {score} % of what matters about them{still_open}")
