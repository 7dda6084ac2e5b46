"""The contact form's name parts, following the whole name while they spell it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit

from relationship_journal.domain.names import spells, split_name


class NamePartsFollow:
    """While the parts (prefix, given, middle, family, suffix) spell the whole name, an edit
    of the whole name is carried into them; parts the user set otherwise are left alone."""

    def __init__(self, whole: QLineEdit, parts: Sequence[QLineEdit]) -> None:
        self._whole, self._parts = whole, list(parts)
        self._spelt = whole.text()
        whole.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        before = [part.text() for part in self._parts]
        if spells(self._spelt, before):
            for part, value in zip(self._parts, split_name(text, before), strict=True):
                part.setText(value)
        self._spelt = text
