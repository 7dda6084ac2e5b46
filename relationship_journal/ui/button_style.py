"""The platform's style with the app's own line icons on standard buttons (Save, Cancel,
OK, Open, Discard… in every QDialogButtonBox and QMessageBox), so no coloured clip-art
sits beside them; drawn in the palette's text colour, they suit light and dark alike."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from relationship_journal.ui.icons import icon

_SP = QStyle.StandardPixmap
STANDARD_ICONS: dict[QStyle.StandardPixmap, str] = {
    _SP.SP_DialogOkButton: "done",
    _SP.SP_DialogApplyButton: "done",
    _SP.SP_DialogYesButton: "done",
    _SP.SP_DialogSaveButton: "save",
    _SP.SP_DialogOpenButton: "open",
    _SP.SP_DialogCancelButton: "remove",
    _SP.SP_DialogNoButton: "remove",
    _SP.SP_DialogCloseButton: "remove",
    _SP.SP_DialogDiscardButton: "delete",
    _SP.SP_DialogResetButton: "restore",
}


class AppStyle(QProxyStyle):
    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        name = STANDARD_ICONS.get(standardIcon)
        if name is not None:
            return icon(name)
        return super().standardIcon(standardIcon, option, widget)
