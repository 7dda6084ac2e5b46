"""The main window: navigation, pages, menus with shortcuts, status line, demo banner."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relationship_journal import APP_NAME, __version__
from relationship_journal.domain.moments import Moment
from relationship_journal.exchange.brief_builder import briefs_for
from relationship_journal.exchange.import_plan import ImportResult
from relationship_journal.store import clock
from relationship_journal.store.contacts import (
    create_contact,
    draft_of,
    get_contact,
    live_contact_count,
    update_contact,
)
from relationship_journal.store.custom_fields import fields as custom_fields
from relationship_journal.store.drafts import DraftStore
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import entry_draft, update_entry
from relationship_journal.store.organisations import list_organisations
from relationship_journal.store.reminders import add_reminder
from relationship_journal.store.vocabulary import RELATIONSHIP_TYPE, terms
from relationship_journal.ui.background import BackgroundJobs
from relationship_journal.ui.brief.dialog import BriefDialog
from relationship_journal.ui.contact.dialog import ContactDialog
from relationship_journal.ui.contact.page import ContactPage
from relationship_journal.ui.contacts.page import ContactsPage
from relationship_journal.ui.context import JournalContext, LogRequest
from relationship_journal.ui.custom_fields_dialog import CustomFieldsDialog
from relationship_journal.ui.icons import icon
from relationship_journal.ui.journal.page import JournalPage
from relationship_journal.ui.journal_source import JournalSource
from relationship_journal.ui.ledger.actions import (
    draft_from_interaction,
    extra_categories,
    picker_candidates,
    save_interaction,
)
from relationship_journal.ui.ledger.log_dialog import LOG_DRAFT, LogDialog
from relationship_journal.ui.notifications import NotificationCenter
from relationship_journal.ui.organisations.page import OrganisationsPage
from relationship_journal.ui.portfolio.page import PortfolioPage
from relationship_journal.ui.privacy.actions import PrivacyActions
from relationship_journal.ui.privacy.window_lock import WindowLock
from relationship_journal.ui.promises.page import PromisesPage
from relationship_journal.ui.search.switcher import QuickSwitcher
from relationship_journal.ui.settings.dialog import SettingsDialog
from relationship_journal.ui.tasks import wait_for_tasks
from relationship_journal.ui.today.page import TodayPage
from relationship_journal.ui.today.reminder_dialog import ReminderDialog
from relationship_journal.ui.transfer.file_actions import FileActions
from relationship_journal.ui.transfer.import_flow import ImportFlow
from relationship_journal.ui.undo import CallbackCommand
from relationship_journal.ui.welcome import Choice, WelcomeDialog

if TYPE_CHECKING:
    from relationship_journal.ui.brief.dialog import BriefDialog

NAVIGATION = (
    ("today", "Today", "today"),
    ("contacts", "Contacts", "contacts"),
    ("organisations", "Organisations", "organisations"),
    ("journal", "Journal", "journal"),
    ("promises", "Promises", "promises"),
    ("portfolio", "Portfolio", "portfolio"),
)
CONTACT_PAGE = len(NAVIGATION)


class MainWindow(QMainWindow):
    def __init__(self, source: JournalSource, journal: Journal) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.source = source
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(960, 620)
        self.context = JournalContext(
            journal, source.is_demo, self, DraftStore(source.current_paths.drafts, journal.key)
        )
        self.files = FileActions(self, self.context, source.current_paths)
        self._history: list[int] = []
        self._quitting = False
        self._build()
        self.notifications = NotificationCenter(self.context, self)
        self.notifications.announced.connect(self._announce)
        self.notifications.open_requested.connect(self.bring_to_front)
        self.notifications.quit_requested.connect(self.quit)
        self.background = BackgroundJobs(self.context, source.current_paths, self)
        self.privacy = PrivacyActions(self, self.context, source)
        self.window_lock = WindowLock(self, lambda: self.context.journal.key)
        self.window_lock.locked_changed.connect(self._locked)
        self.context.changed.connect(self._apply_lock_preference)
        self._build_menus()
        self._restore_geometry()
        self._apply_lock_preference()
        self.go(0)
        # Start with the keyboard on the navigation, not in the search box.
        self.navigation.setFocus()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText("Search…  Ctrl+K")
        self.search_box.setAccessibleName("Search everything")
        self.search_box.textEdited.connect(self._search_from_box)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Navigation")

        for index, (key, text, icon_name) in enumerate(NAVIGATION):
            item = QListWidgetItem(icon(icon_name), text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{text} (Ctrl+{index + 1})")
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._navigate)

        self.today_page = TodayPage(self.context)
        self.today_page.reload()
        self.contacts_page = ContactsPage(self.context)
        self.organisations_page = OrganisationsPage(self.context)
        self.journal_page = JournalPage(self.context)
        self.promises_page = PromisesPage(self.context)
        self.portfolio_page = PortfolioPage(self.context)
        self.contact_page = ContactPage(self.context)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        for page in (
            self.today_page,
            self.contacts_page,
            self.organisations_page,
            self.journal_page,
            self.promises_page,
            self.portfolio_page,
            self.contact_page,
        ):
            self.pages.addWidget(page)

        self.banner = QFrame()
        self.banner.setObjectName("demoBanner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(16, 8, 16, 8)
        banner_text = QLabel(
            "You are exploring the demo journal: its people and history are made up, and it is "
            "rebuilt each day. Your own journal is kept apart."
        )
        banner_text.setWordWrap(True)
        start_own = QPushButton("Start my own journal")
        start_own.setObjectName("startOwnJournal")
        start_own.clicked.connect(self.start_own_journal)
        banner_layout.addWidget(banner_text, 1)
        banner_layout.addWidget(start_own)
        self.banner.setVisible(self.context.is_demo)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(200)
        sidebar_layout = QVBoxLayout(sidebar)
        sidebar_layout.setContentsMargins(8, 10, 0, 0)
        sidebar_layout.setSpacing(4)
        sidebar_layout.addWidget(self.search_box)
        sidebar_layout.addWidget(self.navigation, 1)
        body.addWidget(sidebar)
        body.addWidget(self.pages, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.statusBar().addWidget(self.status_label, 1)

        self.context.changed.connect(self._update_status)
        self.context.open_contact_requested.connect(self.open_contact)
        self.context.log_requested.connect(self.log_interaction)
        self.contacts_page.new_contact_requested.connect(self.new_contact)
        self.today_page.add_reminder.clicked.connect(self.new_reminder)
        self.today_page.review_drifting.connect(self.review_drifting)
        self.contact_page.edit_requested.connect(self.edit_contact)
        self.contact_page.edit_entry_requested.connect(self.edit_entry)
        self.contact_page.brief_requested.connect(lambda cid: self.show_brief([cid]))
        self.organisations_page.brief_requested.connect(self.show_brief)
        self._update_status()

    def _action(
        self,
        menu_name: str,
        text: str,
        slot: object,
        shortcut: str | QKeySequence = "",
        icon_name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(menu_name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_contact_action = self._action(
            "newContact", "&New contact…", self.new_contact, "Ctrl+N", "add"
        )
        self.log_action = self._action(
            "logInteraction",
            "&Log interaction…",
            lambda: self.context.request_log(self._log_context()),
            "Ctrl+L",
            "log",
        )
        file_menu.addAction(self.new_contact_action)
        file_menu.addAction(self.log_action)
        file_menu.addAction(
            self._action("newReminder", "New &reminder…", self.new_reminder, "Ctrl+R", "today")
        )
        file_menu.addSeparator()
        self.import_action = self._action(
            "importContacts", "&Import contacts…", self.import_contacts, "Ctrl+I"
        )
        file_menu.addAction(self.import_action)
        export_menu = file_menu.addMenu("&Export")
        for fmt, text in (
            ("vcard", "Contacts as vCard…"),
            ("csv", "Contacts as CSV…"),
            ("json", "Whole journal as JSON…"),
        ):
            export_menu.addAction(
                self._action(f"export_{fmt}", text, lambda _=False, f=fmt: self.files.export(f))
            )
        file_menu.addAction(self._action("backupNow", "&Back up now", self.files.backup_now))
        file_menu.addAction(
            self._action("restoreBackup", "&Restore from backup…", self.files.restore_from_backup)
        )
        file_menu.addSeparator()
        self.lock_action = self._action(
            "lockNow", "Loc&k now", self.window_lock.lock, "Ctrl+Shift+L"
        )
        file_menu.addAction(self.lock_action)
        self.own_journal_action = self._action(
            "startOwn", "Start my own journal", self.start_own_journal
        )
        self.own_journal_action.setVisible(self.context.is_demo)
        file_menu.addAction(self.own_journal_action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action("quit", "&Quit", self.close, QKeySequence.StandardKey.Quit)
        )

        edit_menu = bar.addMenu("&Edit")
        undo = self.context.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.context.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action("find", "&Find contact", self.find, "Ctrl+F", "search"))
        search_all = self._action(
            "searchAll", "&Search everything…", self.open_switcher, "Ctrl+K", "search"
        )
        # Text fields take Ctrl+K for themselves on some platforms; Ctrl+Shift+F always works.
        search_all.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+F")])
        edit_menu.addAction(search_all)
        edit_menu.addAction(
            self._action("editContact", "&Edit contact…", self._edit_current, "Ctrl+E", "edit")
        )
        edit_menu.addAction(
            self._action("brief", "Meeting &brief", self._brief_current, "Ctrl+B", "brief")
        )
        edit_menu.addSeparator()
        edit_menu.addAction(self._action("customFields", "Custom fields…", self.edit_custom_fields))

        go_menu = bar.addMenu("&Go")
        for index, (key, text, icon_name) in enumerate(NAVIGATION):
            go_menu.addAction(
                self._action(
                    f"go_{key}",
                    text,
                    lambda _=False, i=index: self.go(i),
                    f"Ctrl+{index + 1}",
                    icon_name,
                )
            )
        go_menu.addSeparator()
        go_menu.addAction(
            self._action("nextContact", "Next contact", lambda: self.step_contact(1), "Ctrl+Down")
        )
        go_menu.addAction(
            self._action(
                "previousContact", "Previous contact", lambda: self.step_contact(-1), "Ctrl+Up"
            )
        )
        go_menu.addAction(self._action("back", "Back", self.back, QKeySequence.StandardKey.Back))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(
            self._action("shortcuts", "&Keyboard shortcuts", self.show_shortcuts, "F1")
        )
        help_menu.addAction(self._action("about", f"&About {APP_NAME}", self.show_about))

    # --- navigation ----------------------------------------------------------------------------

    def go(self, index: int) -> None:
        self.navigation.setCurrentRow(index)
        self._navigate(index)

    def _navigate(self, index: int) -> None:
        if 0 <= index < len(NAVIGATION):
            self.pages.setCurrentIndex(index)

    def current_page_key(self) -> str:
        if self.pages.currentIndex() == CONTACT_PAGE:
            return "contact"
        return NAVIGATION[self.pages.currentIndex()][0]

    def open_contact(self, contact_id: int) -> None:
        if self.contact_page.contact_id is not None and self.pages.currentIndex() == CONTACT_PAGE:
            self._history.append(self.contact_page.contact_id)
        self.contact_page.show_contact(contact_id)
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(1)
        self.navigation.blockSignals(False)
        self.pages.setCurrentIndex(CONTACT_PAGE)
        self.contacts_page.select_contact(contact_id)

    def back(self) -> None:
        if self.pages.currentIndex() != CONTACT_PAGE:
            return
        if self._history:
            contact_id = self._history.pop()
            self.contact_page.show_contact(contact_id)
        else:
            self.go(1)

    def step_contact(self, step: int) -> None:
        current = self.contact_page.contact_id
        if self.pages.currentIndex() == CONTACT_PAGE and current is not None:
            neighbour = self.contacts_page.neighbour_of(current, step)
            if neighbour is not None:
                self.contact_page.show_contact(neighbour)
                self.contacts_page.select_contact(neighbour)
            return
        table = self.contacts_page.table
        if self.pages.currentIndex() == 1 and self.contacts_page.model.rowCount():
            row = max(
                0, min(self.contacts_page.model.rowCount() - 1, table.currentIndex().row() + step)
            )
            table.selectRow(row)

    def open_switcher(self, text: str = "") -> QuickSwitcher:
        switcher = QuickSwitcher(self, self.context)
        switcher.organisation_chosen.connect(self.show_organisation)
        if text:
            switcher.field.setText(text)
        switcher.exec()
        return switcher

    def _search_from_box(self, text: str) -> None:
        self.search_box.clear()
        self.open_switcher(text)

    def show_organisation(self, organisation_id: int) -> None:
        self.go(2)
        self.organisations_page.select(organisation_id)

    def review_drifting(self) -> None:
        self.go(1)
        self.contacts_page.drifting.setChecked(True)

    def find(self) -> None:
        self.go(1)
        self.contacts_page.focus_search()

    # --- actions -------------------------------------------------------------------------------

    def _log_context(self) -> LogRequest:
        if self.pages.currentIndex() == CONTACT_PAGE and self.contact_page.contact_id is not None:
            return LogRequest((self.contact_page.contact_id,))
        return LogRequest()

    def log_interaction(self, request: LogRequest) -> int | None:
        candidates = self.context.read(picker_candidates)
        extras = self.context.read(extra_categories)
        dialog = LogDialog(self, candidates, list(request.contact_ids), extras, self.context.drafts)
        if request.polarity == "withdrawal":
            dialog.withdrawal.setChecked(True)
        elif request.polarity == "deposit":
            dialog.deposit.setChecked(True)
        if request.summary:
            dialog.summary.setText(request.summary)
        if request.category:
            dialog.category.setCurrentText(request.category)
        if dialog.exec() != LogDialog.DialogCode.Accepted or dialog.result_interaction is None:
            return None
        logged = dialog.result_interaction
        entry_id = self.context.write(lambda session: save_interaction(session, logged))
        self.statusBar().showMessage("Interaction logged.", 4000)
        return entry_id

    def edit_entry(self, entry_id: int) -> None:
        """Edit a journal entry in the log dialog; undo puts the old version back."""
        before = self.context.read(lambda s: entry_draft(s, entry_id))
        candidates = self.context.read(picker_candidates)
        dialog = LogDialog(
            self, candidates, before.contact_ids, self.context.read(extra_categories)
        )
        dialog.load_entry(before)
        if dialog.exec() != LogDialog.DialogCode.Accepted or dialog.result_interaction is None:
            return
        after = draft_from_interaction(dialog.result_interaction)
        now = clock.now()
        self.context.undo_stack.push(
            CallbackCommand(
                "Edit entry",
                redo=lambda: self.context.write(lambda s: update_entry(s, entry_id, after, now)),
                undo=lambda: self.context.write(lambda s: update_entry(s, entry_id, before, now)),
            )
        )

    def _organisation_names(self) -> list[str]:
        return [row.name for row in self.context.read(list_organisations)]

    def _relationship_types(self) -> list[str]:
        return self.context.read(lambda s: terms(s, RELATIONSHIP_TYPE))

    def new_contact(self) -> None:
        draft, ok = ContactDialog.get_contact(
            self,
            None,
            self._organisation_names(),
            self._relationship_types(),
            self.context.read(custom_fields),
        )
        if not ok or draft is None:
            return
        now = clock.now()
        contact = self.context.write(lambda session: create_contact(session, draft, now))
        assert contact.id is not None
        self.open_contact(contact.id)

    def edit_contact(self, contact_id: int) -> None:
        current = self.context.read(lambda s: draft_of(s, get_contact(s, contact_id)))
        draft, ok = ContactDialog.get_contact(
            self,
            current,
            self._organisation_names(),
            self._relationship_types(),
            self.context.read(custom_fields),
        )
        if ok and draft is not None:
            now = clock.now()
            self.context.write(lambda session: update_contact(session, contact_id, draft, now))

    def _edit_current(self) -> None:
        if self.pages.currentIndex() == CONTACT_PAGE and self.contact_page.contact_id is not None:
            self.edit_contact(self.contact_page.contact_id)
        elif self.pages.currentIndex() == 1:
            ids = self.contacts_page.selected_ids()
            if ids:
                self.edit_contact(ids[0])

    def import_contacts(self, path: Path | None = None) -> ImportFlow:
        flow = ImportFlow(self, self.context)
        flow.finished.connect(self._imported)
        if path is None:
            flow.choose_and_start()
        else:
            flow.start(path)
        return flow

    def _imported(self, result: ImportResult | None) -> None:
        if result is not None:
            self.statusBar().showMessage(
                f"Imported: {result.created} new, {result.merged} merged, "
                f"{result.skipped} skipped.",
                8000,
            )
            self.go(1)

    def show_brief(self, contact_ids: list[int], title: str = "") -> BriefDialog:
        # The brief's modules (PDF writer, chart images) load on first use, not at start.
        from relationship_journal.ui.brief.dialog import BriefDialog

        now = clock.now()
        briefs = self.context.read(lambda s: briefs_for(s, contact_ids, now))
        heading = title or (
            briefs[0].file.contact.display_name if len(briefs) == 1 else briefs[0].file.organisation
        )
        dialog = BriefDialog(self, briefs, heading)
        dialog.exec()
        return dialog

    def _brief_current(self) -> None:
        if self.pages.currentIndex() == CONTACT_PAGE and self.contact_page.contact_id is not None:
            self.show_brief([self.contact_page.contact_id])
        elif self.pages.currentIndex() == 1 and self.contacts_page.selected_ids():
            self.show_brief(self.contacts_page.selected_ids())

    def _apply_lock_preference(self) -> None:
        self.lock_action.setEnabled(self.window_lock.available)
        self.window_lock.set_idle_minutes(self.background.preferences.lock_minutes)

    def _locked(self, locked: bool) -> None:
        self.notifications.discreet = locked

    def start_background(self) -> None:
        """What runs once the window is up: unsaved text from a crash, notifications, the
        daily backup and the calendar file."""
        self.offer_drafts()
        self.notifications.start()
        self.background.start()

    def offer_drafts(self) -> None:
        """Offer back text that was being typed when the app last stopped unexpectedly."""
        drafts = self.context.drafts.pending() if self.context.drafts else []
        for draft in drafts:
            answer = QMessageBox.question(
                self,
                "Unsaved text",
                f"You were writing something on {draft.saved_at:%d %b at %H:%M} that was not "
                "saved. Open it to finish it?",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Discard,
            )
            if answer != QMessageBox.StandardButton.Open:
                assert self.context.drafts is not None
                self.context.drafts.discard(draft.key)
            elif draft.key == LOG_DRAFT:
                self.log_interaction(LogRequest())
            elif draft.key.startswith("fact-"):
                _, contact_id, topic = draft.key.split("-", 2)
                self.open_contact(int(contact_id))
                self.contact_page.edit_fact(topic)

    def _announce(self, moments: list[Moment]) -> None:
        self.today_page.show_news(moments)
        self.statusBar().showMessage(
            f"{len(moments)} moment(s) that matter came due — see Today.", 10000
        )

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()

    def show_settings(self) -> None:
        SettingsDialog(self, self.context, self.privacy).exec()
        self._apply_lock_preference()
        self.background.write_calendar()

    def new_reminder(self) -> None:
        contact_id = (
            self.contact_page.contact_id if self.pages.currentIndex() == CONTACT_PAGE else None
        )
        dialog = ReminderDialog(self, self.context.read(picker_candidates), contact_id)
        if dialog.exec() != ReminderDialog.DialogCode.Accepted:
            return
        draft = dialog.draft()
        self.context.write(
            lambda s: add_reminder(
                s, draft.title, draft.starts_at, draft.all_day, draft.rule, draft.contact_id
            )
        )
        self.statusBar().showMessage("Reminder saved.", 4000)

    def edit_custom_fields(self) -> None:
        CustomFieldsDialog(self, self.context).exec()

    def welcome(self) -> Choice:
        """First run: import contacts, explore the demo, or start empty."""
        dialog = WelcomeDialog(self)
        dialog.exec()
        if dialog.choice is Choice.EMPTY:
            self.start_own_journal()
        elif dialog.choice is Choice.IMPORT:
            self.start_own_journal()
            self.import_contacts()
        return dialog.choice

    def start_own_journal(self) -> None:
        self.context.journal.close()
        journal = self.source.open(demo=False)
        self.files.paths = self.source.current_paths
        self.background.paths = self.source.current_paths
        self.context.journal = journal
        self.context.drafts = DraftStore(self.source.current_paths.drafts, journal.key)
        self.context.is_demo = False
        self.context.undo_stack.clear()
        self.banner.setVisible(False)
        self.own_journal_action.setVisible(False)
        self.contact_page.contact_id = None
        self.context.changed.emit()
        self.go(1)

    def _update_status(self) -> None:
        count = self.context.read(live_contact_count)
        where = "Demo journal" if self.context.is_demo else str(self.context.journal.path)
        self.status_label.setText(f"{where} · {count:,} contact{'s' if count != 1 else ''}")

    def show_shortcuts(self) -> None:
        lines = []
        for action in self.actions():
            if not action.shortcut().isEmpty():
                text = action.text().replace("&", "").rstrip("…")
                lines.append(
                    f"<tr><td>{text}</td><td><b>{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b></td></tr>"
                )
        box = QMessageBox(self)
        box.setObjectName("shortcutsDialog")
        box.setWindowTitle("Keyboard shortcuts")
        box.setText("<table cellspacing='6'>" + "".join(lines) + "</table>")
        box.exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>The people who matter to your work, kept privately on this computer.</p>"
            f"<p>Journal: {self.context.journal.path}</p>",
        )

    # --- window state --------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        else:
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        wait_for_tasks()
        self.context.journal.close()
        self.source.release()
        super().closeEvent(event)
