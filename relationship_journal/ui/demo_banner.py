"""The band across the top of the demo journal: what it is, and the way to one's own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from relationship_journal.ui.actions import connect_plain


def demo_banner(start_own_journal: Callable[[], None], shown: bool) -> QFrame:
    banner = QFrame()
    banner.setObjectName("demoBanner")
    layout = QHBoxLayout(banner)
    layout.setContentsMargins(16, 8, 16, 8)
    text = QLabel(
        "You are exploring the demo journal: its people and history are made up, and it is "
        "rebuilt each day. Your own journal is kept apart."
    )
    text.setWordWrap(True)
    start_own = QPushButton("Start my own journal")
    start_own.setObjectName("startOwnJournal")
    connect_plain(start_own.clicked, start_own_journal)
    layout.addWidget(text, 1)
    layout.addWidget(start_own)
    banner.setVisible(shown)
    return banner
