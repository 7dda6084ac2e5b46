"""How to reach a contact: each e-mail address and phone number with a button that hands it
to the user's mail program or dialler (``mailto:``, ``tel:``) and one that copies it."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QGridLayout, QToolButton, QWidget

from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.elided_label import ElidedLabel
from relationship_journal.ui.widgets import label

# What a tel: URI keeps of a number as people write it (RFC 3966: digits, a leading +,
# and the pause and extension marks diallers understand).
_NOT_DIALLED = re.compile(r"[^0-9+*#pw,;]")


def mail_url(address: str) -> QUrl:
    url = QUrl()
    url.setScheme("mailto")
    url.setPath(address.strip())
    return url


def tel_url(number: str) -> QUrl:
    return QUrl("tel:" + _NOT_DIALLED.sub("", number.lower()))


class ReachBox(QWidget):
    """One row per address or number: the text, Write or Call, and Copy."""

    copied = Signal(str)
    unhandled = Signal(str, str)  # scheme, value: nothing on this desktop opens it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reachBox")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 4)
        self._grid.setHorizontalSpacing(6)
        self._grid.setColumnStretch(1, 1)

    def show_ways(self, emails: list[str], phones: list[str]) -> None:
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        rows = [("Email", e, "Write", mail_url(e)) for e in emails]
        rows += [("Phone", p, "Call", tel_url(p)) for p in phones]
        for number, (kind, text, verb, url) in enumerate(rows):
            caption = label(kind if number == 0 or rows[number - 1][0] != kind else "", "muted")
            self._grid.addWidget(caption, number, 0)
            # Cut with "…" (whole on hover) where the card is narrow: Copy takes it whole.
            self._grid.addWidget(ElidedLabel(text), number, 1)
            self._grid.addWidget(self._button(verb, f"{verb} {text}", url, text), number, 2)
            self._grid.addWidget(self._button("Copy", f"Copy {text}", None, text), number, 3)
        self.setVisible(bool(rows))

    def _button(self, text: str, tip: str, url: QUrl | None, value: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setObjectName(f"reach{text}")
        if url is not None:
            connect_plain(button.clicked, lambda: self._hand_over(url, value))
        else:
            connect_plain(button.clicked, lambda: self._copy(value))
        return button

    def _hand_over(self, url: QUrl, value: str) -> None:
        """To the mail program or dialler; where the desktop has none, copied instead."""
        if not QDesktopServices.openUrl(url):
            self._copy(value)
            self.unhandled.emit(url.scheme(), value)

    def _copy(self, value: str) -> None:
        QGuiApplication.clipboard().setText(value)
        self.copied.emit(value)
