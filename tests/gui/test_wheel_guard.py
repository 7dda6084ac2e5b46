"""Scrolling a form with the mouse wheel never changes a drop-down or a number the pointer
passes over; once the user is in the field, the wheel changes it as usual."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from relationship_journal.ui.contact.dialog import ContactDialog
from tests.gui.conftest import ShowWidget


def _wheel(widget: QWidget, steps: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_drop_down_scrolls_the_form_not_the_value(
    app: QApplication, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    dialog = ContactDialog(None, None, [], ["client", "friend"])
    show_widget(dialog, (560, 400))  # small enough that the form scrolls
    form = dialog._scroll
    tier, cadence = dialog.tier, dialog.cadence
    bar = form.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    before = (tier.currentText(), cadence.value())
    _wheel(tier, 1)  # up: without the guard, the tier before "standard", 1 day
    _wheel(cadence, 1)
    assert (tier.currentText(), cadence.value()) == before
    assert bar.value() < bar.maximum()  # the form scrolled instead
    tier.setFocus()
    qtbot.waitUntil(tier.hasFocus)
    _wheel(tier, 1)  # "standard" is the last tier: up
    assert tier.currentText() != before[0]  # chosen on purpose: the wheel works
