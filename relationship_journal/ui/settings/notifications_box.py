"""Settings → Reminders → Notifications: whether and when to be told, how it reaches the
desktop here, and starting with the computer, quietly."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QTimeEdit

from relationship_journal.desktop import autostart
from relationship_journal.ui.preferences import Preferences


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time_edit(value: time, name: str) -> QTimeEdit:
    edit = QTimeEdit(_qtime(value))
    edit.setObjectName(name)
    return edit


class NotificationsBox(QGroupBox):
    """``status``: how notifications reach this desktop, or why they cannot;
    ``data_dir``: the journal a quiet start opens (None: the demo, which never notifies)."""

    def __init__(self, preferences: Preferences, status: str, data_dir: Path | None) -> None:
        super().__init__("Notifications")
        self.preferences = preferences
        self.data_dir = data_dir
        self.enabled = QCheckBox("Show desktop notifications as moments come due")
        self.enabled.setObjectName("notificationsEnabled")
        self.enabled.setChecked(preferences.notifications)
        self.quiet_from = _time_edit(preferences.quiet_from, "quietFrom")
        self.quiet_until = _time_edit(preferences.quiet_until, "quietUntil")
        quiet = QHBoxLayout()
        quiet.addWidget(QLabel("from"))
        quiet.addWidget(self.quiet_from)
        quiet.addWidget(QLabel("until"))
        quiet.addWidget(self.quiet_until)
        quiet.addStretch()
        self.stay_in_tray = QCheckBox("Keep running in the tray when the window is closed")
        self.stay_in_tray.setObjectName("stayInTray")
        self.stay_in_tray.setChecked(preferences.stay_in_tray)
        self.start_quietly = QCheckBox("Start with my computer, quietly")
        self.start_quietly.setObjectName("startQuietly")
        self.start_quietly.setToolTip(
            "Starts without a window when you log in and announces the day's moments at the "
            "time below; a click on a notification opens the window."
        )
        self.start_quietly.setChecked(autostart.is_enabled())
        self.start_quietly.setEnabled(data_dir is not None)
        if data_dir is None:  # say why it cannot be ticked
            self.start_quietly.setText("Start with my computer, quietly (not for the demo)")
            self.start_quietly.setToolTip(
                "The demo's people are made up and never announced: start your own journal "
                "(File → Start my own journal) to be reminded when the window is closed."
            )
        self.daily_at = _time_edit(preferences.daily_at, "dailyAt")
        self.daily_at.setAccessibleName("Announce the day's moments at")
        self.daily_at.setEnabled(self.start_quietly.isChecked())
        self.start_quietly.toggled.connect(self.daily_at.setEnabled)
        quietly = QHBoxLayout()
        quietly.addWidget(self.start_quietly)
        quietly.addWidget(QLabel("and announce the day's moments at"))
        quietly.addWidget(self.daily_at)
        quietly.addStretch()
        self.status = QLabel(status)
        self.status.setObjectName("notificationStatus")
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow("Quiet hours", quiet)
        form.addRow(self.stay_in_tray)
        form.addRow(quietly)
        form.addRow(self.status)

    def save(self) -> None:
        prefs = self.preferences
        prefs.notifications = self.enabled.isChecked()
        prefs.quiet_from = self.quiet_from.time().toPython()  # type: ignore[assignment]
        prefs.quiet_until = self.quiet_until.time().toPython()  # type: ignore[assignment]
        prefs.daily_at = self.daily_at.time().toPython()  # type: ignore[assignment]
        prefs.stay_in_tray = self.stay_in_tray.isChecked()
        if not self.start_quietly.isEnabled():
            return
        if self.start_quietly.isChecked():
            autostart.enable(autostart.launch_command(self.data_dir))
        else:
            autostart.disable()
