"""Pickers and boxes are as large as their text: six week rows, "3 days" whole."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.dates import day_calendar
from relationship_journal.ui.settings.dialog import SettingsDialog
from tests.gui.conftest import ShowWidget


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
    context: JournalContext, show_widget: ShowWidget
) -> None:
    dialog = SettingsDialog(None, context)
    show_widget(dialog)
    heights = [
        (box.height(), box.sizeHint().height())
        for box in dialog.findChildren(QSpinBox)
        if box.objectName().startswith("lead_")
    ]
    assert heights
    assert all(height >= wanted for height, wanted in heights)
