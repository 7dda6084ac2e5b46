"""How far ahead to be told of this contact's moments, kind by kind."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.moments import MAX_NOTICE_DAYS, MomentKind, notice_days
from relationship_journal.ui.dialogs import save_cancel

AS_FOR_EVERYONE = -1
KINDS = (
    MomentKind.BIRTHDAY,
    MomentKind.ANNIVERSARY,
    MomentKind.PROMISE_MINE,
    MomentKind.PROMISE_THEIRS,
    MomentKind.CADENCE,
    MomentKind.FOLLOW_UP,
)


class NoticeDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        name: str,
        contact_id: int,
        rules: dict[tuple[str, int | None], int],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noticeDialog")
        self.setWindowTitle(f"Tell me ahead — {name}")
        self.boxes: dict[MomentKind, QSpinBox] = {}
        form = QFormLayout()
        for kind in KINDS:
            box = QSpinBox()
            box.setObjectName(f"notice_{kind.value}")
            box.setRange(AS_FOR_EVERYONE, MAX_NOTICE_DAYS)
            everyone = notice_days(kind, None, rules)
            box.setSpecialValueText(f"as for everyone ({everyone} days)")
            box.setSuffix(" days before")
            box.setValue(rules.get((kind.value, contact_id), AS_FOR_EVERYONE))
            form.addRow(kind.label, box)
            self.boxes[kind] = box
        intro = QLabel(f"For example a week before {name}'s birthday, to send a card in time.")
        intro.setWordWrap(True)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choices(self) -> dict[MomentKind, int | None]:
        """Days per kind; None where this contact follows the journal's rule."""
        return {
            kind: None if box.value() == AS_FOR_EVERYONE else box.value()
            for kind, box in self.boxes.items()
        }
