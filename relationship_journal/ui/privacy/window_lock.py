"""The window lock: after a chosen idle time (or on demand) every window of the app is
covered and the journal's passphrase is asked before anything shows again.

It protects against someone at an unattended, unlocked computer. The journal stays open
underneath (its key is in memory), so it is no defence against someone who can read the
running app's memory; encryption at rest covers the files, the lock covers the screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal import APP_NAME
from relationship_journal.operations.privacy import JournalKey
from relationship_journal.ui.icons import app_icon

IDLE_CHOICES = (0, 1, 5, 10, 15, 30, 60)  # minutes; 0: never
DEFAULT_IDLE_MINUTES = 15
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class Curtain(QWidget):
    """An opaque cover over one window's content while the app is locked."""

    def __init__(self, window: QWidget, caption: bool = True) -> None:
        super().__init__(window)
        self.setObjectName("lockCurtain")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        emblem = QLabel()
        emblem.setPixmap(app_icon().pixmap(72, 72))
        emblem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label = QLabel(f"{APP_NAME} is locked")
        label.setProperty("role", "muted")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch()
        if caption:  # the window the lock prompt sits on needs none: the prompt says it
            layout.addWidget(emblem)
            layout.addWidget(label)
        layout.addStretch()
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parent():
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False


class LockDialog(QDialog):
    """Above everything while locked; only the right passphrase closes it."""

    unlocked = Signal()

    def __init__(self, parent: QWidget, key: JournalKey) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setWindowTitle(f"{APP_NAME} is locked")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._key = key
        title = QLabel(f"{APP_NAME} is locked")
        title.setProperty("role", "title")
        intro = QLabel("Enter the journal's passphrase to go on where you left off.")
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("lockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("Passphrase")
        self.passphrase.setMinimumWidth(300)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.problem = QLabel("")
        self.problem.setObjectName("lockProblem")
        self.problem.setProperty("role", "error")
        self.problem.setVisible(False)
        unlock = QPushButton("Unlock")
        unlock.setObjectName("unlockButton")
        unlock.setDefault(True)
        unlock.clicked.connect(self.try_unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.problem)
        layout.addWidget(unlock, 0, Qt.AlignmentFlag.AlignRight)

    def try_unlock(self) -> bool:
        if self._key.matches(self.passphrase.text()):
            self.passphrase.clear()
            self.unlocked.emit()
            return True
        self.passphrase.selectAll()
        self.problem.setText("That is not the journal's passphrase.")
        self.problem.setVisible(True)
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            return  # Escape would close a dialog; this one stays until unlocked
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button does not get past the lock; quitting the app (the tray,
        # logging out) closes every window without a click and must not be refused.
        if event.spontaneous():
            event.ignore()
        else:
            event.accept()  # not QDialog's: that would go through reject(), which stays put

    def reject(self) -> None:
        pass


class WindowLock(QObject):
    """Watches the app for input and locks it after ``idle_minutes`` without any."""

    locked_changed = Signal(bool)

    def __init__(self, window: QWidget, key: Callable[[], JournalKey | None]) -> None:
        super().__init__(window)
        self._window = window
        self._key = key
        self._curtains: list[Curtain] = []
        self.dialog: LockDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        self.idle_minutes = 0
        self._watching = False

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    @property
    def available(self) -> bool:
        """Only an encrypted journal has a passphrase to unlock with."""
        return self._key() is not None

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle_minutes = max(0, minutes)
        self._restart()

    def set_idle_interval_ms(self, milliseconds: int) -> None:
        """For tests: lock after a fraction of a minute."""
        self.idle_minutes = 1
        self._timer.setInterval(milliseconds)
        self._timer.start()
        self._watch(True)

    def _restart(self) -> None:
        if self.idle_minutes and self.available and not self.is_locked:
            self._timer.start(self.idle_minutes * 60_000)
            self._watch(True)
        else:
            self._timer.stop()
            self._watch(False)

    def _watch(self, on: bool) -> None:
        """Every event of the app passes the filter; only pay for it while the lock is armed."""
        if on != self._watching:
            app = QApplication.instance()
            if on:
                app.installEventFilter(self)
            else:
                app.removeEventFilter(self)
            self._watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS and self._timer.isActive():
            self._timer.start()
        return False

    def lock(self) -> bool:
        key = self._key()
        if key is None or self.is_locked:
            return False
        self._timer.stop()
        self._watch(False)
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and not isinstance(window, LockDialog):
                self._curtains.append(Curtain(window, caption=window is not self._window))
        self.dialog = LockDialog(self._window, key)
        self.dialog.unlocked.connect(self.unlock)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.passphrase.setFocus()
        self.locked_changed.emit(True)
        return True

    def unlock(self) -> None:
        for curtain in self._curtains:
            curtain.deleteLater()
        self._curtains.clear()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.locked_changed.emit(False)
        self._restart()
