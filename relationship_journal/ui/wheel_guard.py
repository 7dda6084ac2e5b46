"""A mouse wheel turned over a form that scrolls, scrolls the form: a drop-down or a number field
changes its value by the wheel only once the user has clicked or tabbed into it, so that
scrolling past one never changes what it holds unseen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.Wheel
            or not isinstance(watched, GUARDED)
            or watched.hasFocus()
        ):
            return False
        area = _scroll_area_of(watched)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)  # the form scrolls instead
        return True


def guard_wheels(root: QWidget) -> None:
    """Guard the drop-downs and number fields inside ``root`` (a form that scrolls). Each
    is watched on its own: an event filter on the whole application would run for every
    event the app handles."""
    guard = WheelGuard(root)
    for widget in root.findChildren(QWidget):
        if isinstance(widget, GUARDED):
            widget.installEventFilter(guard)
