"""Settings in one dialog: reminders and notifications, backups, calendars read and the
calendar written, lists, stage models, custom fields and privacy."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.moments import DEFAULT_NOTICE_DAYS, MAX_NOTICE_DAYS, STAGE_RULES
from relationship_journal.operations import agenda
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.custom_fields_dialog import CustomFieldsDialog
from relationship_journal.ui.dialogs import save_cancel
from relationship_journal.ui.preferences import Preferences
from relationship_journal.ui.privacy.actions import PrivacyActions
from relationship_journal.ui.settings.calendars_tab import CalendarsTab
from relationship_journal.ui.settings.lists_tab import ListsTab
from relationship_journal.ui.settings.notifications_box import NotificationsBox
from relationship_journal.ui.settings.privacy_tab import PrivacyTab
from relationship_journal.ui.settings.stage_models_tab import StageModelsTab
from relationship_journal.ui.widgets import scrolled


class SettingsDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        context: JournalContext,
        privacy: PrivacyActions | None = None,
        notification_status: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.setMinimumSize(720, 540)
        self._context = context
        self.preferences = Preferences()
        data_dir = None if context.is_demo else context.ws.paths.data_dir
        self.notify = NotificationsBox(self.preferences, notification_status, data_dir)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._reminders_tab(), "Reminders")
        self.tabs.addTab(self._backups_tab(), "Backups")
        self.calendars_tab = CalendarsTab(context, self.preferences)
        self.tabs.addTab(self.calendars_tab, "Calendars")
        self.tabs.addTab(self._calendar_tab(), "Calendar export")
        self.tabs.addTab(ListsTab(context), "Lists")
        self.tabs.addTab(StageModelsTab(context), "Stage models")
        self.tabs.addTab(self._fields_tab(), "Custom fields")
        self.privacy_tab = PrivacyTab(privacy, self.preferences) if privacy else None
        if self.privacy_tab is not None:
            self.tabs.addTab(self.privacy_tab, "Privacy")
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    # --- tabs ----------------------------------------------------------------------------------

    def _reminders_tab(self) -> QWidget:
        rules = agenda.notice_rules(self._context.ws)
        lead = QGroupBox("Tell me ahead (days before)")
        lead_form = QFormLayout(lead)
        self.lead_boxes = {}
        for kind, default in DEFAULT_NOTICE_DAYS.items():
            box = QSpinBox()
            box.setObjectName(f"lead_{kind.value}")
            box.setRange(0, MAX_NOTICE_DAYS)
            box.setSuffix(" days")
            box.setValue(rules.get((kind.value, None), default))
            box.setAccessibleName(f"Days ahead for {kind.label}")
            # Never squeezed below what the style needs to draw its text whole: on a short
            # screen the tab scrolls instead.
            box.setMinimumSize(box.sizeHint())
            lead_form.addRow(kind.label, box)
            self.lead_boxes[kind] = box
        nudges = QGroupBox("Stage nudges")
        nudges_layout = QVBoxLayout(nudges)
        off = agenda.disabled_nudges(self._context.ws)
        self.nudge_boxes = {}
        for rule in STAGE_RULES:
            box = QCheckBox(rule.label)
            box.setToolTip(rule.why)
            box.setObjectName(f"nudge_{rule.key}")
            box.setChecked(rule.key not in off)
            nudges_layout.addWidget(box)
            self.nudge_boxes[rule.key] = box
        nudges_layout.addStretch()
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(lead)
        row.addWidget(nudges, 1)
        layout.addLayout(row)
        layout.addWidget(self.notify)
        layout.addStretch()
        return scrolled(page, "remindersScroll")

    def _backups_tab(self) -> QWidget:
        self.daily_backup = QCheckBox("Back the journal up once a day")
        self.daily_backup.setObjectName("dailyBackup")
        self.daily_backup.setChecked(self.preferences.daily_backup)
        self.backups_keep = QSpinBox()
        self.backups_keep.setObjectName("backupsKeep")
        self.backups_keep.setRange(1, 365)
        self.backups_keep.setValue(self.preferences.backups_keep)
        self.backups_keep.setSuffix(" daily backups")
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.daily_backup)
        form.addRow("Keep the newest", self.backups_keep)
        note = QLabel(
            "Backups are consistent copies made with SQLite's backup API, readable by you "
            "alone. File → Back up now makes one at any time; File → Restore from backup "
            "checks a backup before it replaces anything and keeps the current journal too."
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        form.addRow(note)
        return page

    def _calendar_tab(self) -> QWidget:
        self.calendar_file = QLineEdit(self.preferences.calendar_file)
        self.calendar_file.setObjectName("calendarFile")
        self.calendar_file.setPlaceholderText("No subscription file")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose_calendar_file)
        self.calendar_days = QSpinBox()
        self.calendar_days.setObjectName("calendarDays")
        self.calendar_days.setRange(7, 730)
        self.calendar_days.setValue(self.preferences.calendar_days)
        self.calendar_days.setSuffix(" days ahead")
        row = QHBoxLayout()
        row.addWidget(self.calendar_file, 1)
        row.addWidget(choose)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow("Live calendar file", row)
        form.addRow("Covering", self.calendar_days)
        note = QLabel(
            "What it holds: the moments Today shows — birthdays, anniversaries, promises "
            "due, follow-ups and your reminders — for the days chosen above.\n\n"
            "How it works: the app rewrites this .ics file after every change. Subscribe to "
            "it from your calendar application (add a calendar from a file or URL, pointing "
            "at this file) and it stays current by itself; events keep their identity, so "
            "nothing is duplicated. Leave it empty to write no file.\n\n"
            "Names and promises leave the journal in this file: keep it somewhere private. "
            "For a one-off copy, use File → Export → Moments as calendar (.ics)… instead."
        )
        note.setObjectName("calendarExplained")
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        form.addRow(note)
        return page

    def _fields_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        text = QLabel("Fields you define once; every contact then shows and edits them.")
        text.setWordWrap(True)
        edit = QPushButton("Edit custom fields…")
        edit.setObjectName("editCustomFields")
        edit.clicked.connect(lambda: CustomFieldsDialog(self, self._context).exec())
        layout.addWidget(text)
        layout.addWidget(edit)
        layout.addStretch()
        return page

    def _choose_calendar_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Live calendar file", "relationship-journal.ics", "iCalendar (*.ics)"
        )
        if name:
            self.calendar_file.setText(name)

    # --- saving --------------------------------------------------------------------------------

    def accept(self) -> None:
        leads = {kind: box.value() for kind, box in self.lead_boxes.items()}
        nudges = {key: box.isChecked() for key, box in self.nudge_boxes.items()}

        prefs = self.preferences
        self.notify.save()
        prefs.daily_backup = self.daily_backup.isChecked()
        prefs.backups_keep = self.backups_keep.value()
        prefs.calendar_file = self.calendar_file.text().strip()
        prefs.calendar_days = self.calendar_days.value()
        if self.privacy_tab is not None:
            prefs.lock_minutes = self.privacy_tab.lock_minutes
        # Preferences first: the write tells the window, which reads them.
        self._context.do(agenda.save_reminder_settings, leads, nudges)
        super().accept()
