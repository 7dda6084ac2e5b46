"""Pickers and boxes are as large as their text: six week rows, "3 days" whole."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from relationship_journal.ui.dates import day_calendar
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.settings.dialog import SettingsDialog
from tests.gui.conftest import trigger


def test_the_calendar_shows_every_week_row_whole(qtbot: QtBot) -> None:
    calendar = day_calendar("picker")
    qtbot.addWidget(calendar)
    calendar.show()
    qtbot.waitExposed(calendar)
    view = calendar.findChild(QTableView)
    text = view.fontMetrics().height()
    assert all(view.rowHeight(row) >= text + 4 for row in range(7))
    assert view.rowViewportPosition(6) + view.rowHeight(6) <= view.viewport().height()


def test_the_days_ahead_boxes_are_tall_enough_for_their_text(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    heights: list[tuple[int, int]] = []

    def look(dialog: QDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        for box in dialog.findChildren(QSpinBox):
            if box.objectName().startswith("lead_"):
                heights.append((box.height(), box.sizeHint().height()))
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(SettingsDialog, "exec", look)
    trigger(window, "settings")
    assert heights
    assert all(height >= wanted for height, wanted in heights)
