"""The main window: the pages, the sidebar, the menus and the status line.

What each command does lives with the feature (``Capture``, ``ContactEditing``,
``FileActions``, ``JournalSwitch``…); the window lays them out, declares the menus in
``window_menus`` and moves between pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relationship_journal import APP_NAME
from relationship_journal.domain.moments import Moment
from relationship_journal.operations.drafts import DraftStore
from relationship_journal.operations.journals import Journal
from relationship_journal.operations.transfer import ImportResult
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.background import BackgroundJobs
from relationship_journal.ui.capture import Capture
from relationship_journal.ui.contact_editing import ContactEditing
from relationship_journal.ui.context import JournalContext, LogRequest
from relationship_journal.ui.demo_banner import demo_banner
from relationship_journal.ui.help import show_about, show_shortcuts
from relationship_journal.ui.journal_source import JournalSource
from relationship_journal.ui.journal_status import JournalStatus
from relationship_journal.ui.journal_switch import JournalSwitch
from relationship_journal.ui.navigation import Navigator
from relationship_journal.ui.notifications import NotificationCenter
from relationship_journal.ui.notifications.window_link import link as link_notifications
from relationship_journal.ui.page_shelf import PageShelf
from relationship_journal.ui.preferences import Preferences
from relationship_journal.ui.privacy.actions import PrivacyActions
from relationship_journal.ui.privacy.window_lock import WindowLock
from relationship_journal.ui.search.switcher import QuickSwitcher
from relationship_journal.ui.sidebar import Sidebar
from relationship_journal.ui.tasks import wait_for_tasks
from relationship_journal.ui.toast import Toast
from relationship_journal.ui.today.page import TodayPage
from relationship_journal.ui.transfer.file_actions import FileActions
from relationship_journal.ui.transfer.import_flow import ImportFlow
from relationship_journal.ui.welcome import Choice
from relationship_journal.ui.widgets import fit_to_screen
from relationship_journal.ui.window_menus import build_menus
from relationship_journal.ui.window_pages import (
    CONTACT_PAGE,
    CONTACTS_PAGE,
    JOURNAL_PAGE,
    PROMISES_PAGE,
    WindowPages,
    page_makers,
)

if TYPE_CHECKING:
    from relationship_journal.ui.brief.dialog import BriefDialog


class MainWindow(QMainWindow, WindowPages):
    imported = Signal(object)  # an ImportResult, or None when nothing was imported

    def __init__(self, source: JournalSource, journal: Journal) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.source = source
        # The narrowest at which every page shows its buttons whole (test_small_window).
        self.setMinimumSize(900, 600)
        paths = source.current_paths
        self.context = JournalContext(
            journal, paths, source.is_demo, self, DraftStore(paths.drafts, journal.key)
        )
        self.keep_running = False  # closing hides the window (started with the computer)
        self.quitting = False  # File → Quit or the tray's Quit: closing ends the app
        self.toast = Toast()
        self.toast.attach(self.context, self.open_contact)
        self.capture = Capture(self, self.context)
        self.contact_editing = ContactEditing(self, self.context, self.open_contact)
        self.files = FileActions(self, self.context)
        self.switch = JournalSwitch(self, self.context, source)
        self.switch.switched.connect(self._switched)
        self._build()
        self.notifications = NotificationCenter(self.context, self)
        self.notifications.announced.connect(self._announce)
        link_notifications(self)
        self.background = BackgroundJobs(self.context, self)
        self.background.failed.connect(self._background_failed)
        self.background.damaged.connect(self._damaged)
        self.today_page.follow_calendar(self.background.calendar, self.show_brief)
        self.privacy = PrivacyActions(self, self.context, source)
        self.window_lock = WindowLock(self, lambda: self.context.journal.key)
        self.window_lock.locked_changed.connect(self._locked)
        self.context.changed.connect(self._apply_lock_preference)
        self.registry = build_menus(self)
        # Edit contact and Meeting brief need someone on screen or selected.
        self.pages.currentChanged.connect(self.contact_commands)
        self.context.changed.connect(self.contact_commands)
        self.contact_commands()
        self._name_journal()
        self._restore_geometry()
        self._apply_lock_preference()
        self.go(0)
        # Start with the keyboard on the navigation, not in the search box.
        self.navigation.setFocus()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.sidebar = Sidebar()
        self.search_box, self.navigation = self.sidebar.search_box, self.sidebar.navigation
        self.search_box.textEdited.connect(self._search_from_box)

        context = self.context
        self.today_page = TodayPage(context)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        # The other pages are built when first wanted (window_pages).
        self.shelf = PageShelf(self.pages, page_makers(self))
        self.shelf.page(0)
        self.navigator = Navigator(self.pages, self.shelf, self.navigation)
        self._lay_out()
        self._wire()
        # Read once the event loop turns: the window is drawn first, not after the reads
        # (which, on other threads, would still share Python with the drawing).
        QTimer.singleShot(0, self._read_first)

    def _read_first(self) -> None:
        self.today_page.reload()
        self.status_label.refresh()

    def _lay_out(self) -> None:
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.pages, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = demo_banner(self.start_own_journal, self.context.is_demo)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        layout.addWidget(self.toast)
        self.setCentralWidget(central)

        self.status_label = JournalStatus(self.context)
        self.statusBar().addWidget(self.status_label, 1)

    def _wire(self) -> None:
        context = self.context
        context.open_contact_requested.connect(self.open_contact)
        context.open_contact_at_requested.connect(self._open_contact_at)
        context.log_requested.connect(self.capture.log_interaction)
        connect_plain(self.today_page.add_reminder.clicked, self.new_reminder)
        self.today_page.review_drifting.connect(self.review_drifting)

    # --- navigation ----------------------------------------------------------------------------

    def go(self, index: int) -> None:
        self.navigator.go(index)

    def current_page_key(self) -> str:
        return self.navigator.current_page_key()

    def current_contact(self) -> int | None:
        return self.navigator.current_contact()

    def open_contact(self, contact_id: int, remember: bool = True) -> None:
        self.navigator.open_contact(contact_id, remember)

    def _open_contact_at(self, contact_id: int, tab: str) -> None:
        self.open_contact(contact_id)
        self.contact_page.show_tab(tab)

    def back(self) -> None:
        self.navigator.back()

    def step_contact(self, step: int) -> None:
        self.navigator.step_contact(step)

    def contact_commands(self, *_args: object) -> None:
        someone = self.current_contact() is not None
        for name in ("editContact", "brief"):
            self.registry[name].setEnabled(someone)

    def contact_gone(self, contact_id: int, name: str) -> None:
        self.navigator.contact_gone(contact_id)
        self.context.tell(f"{name} is no longer in the journal.", undoable=False)

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
        self.contacts_page.show_drifting()

    def find(self) -> None:
        self.go(1)
        self.contacts_page.focus_search()

    # --- commands ------------------------------------------------------------------------------

    def log_interaction(self) -> None:
        contact_id = self.navigator.shown_contact()
        on_contact = self.pages.currentIndex() == CONTACT_PAGE and contact_id is not None
        self.context.request_log(LogRequest((contact_id,) if on_contact else ()))  # type: ignore[arg-type]

    def new_reminder(self) -> None:
        on_contact = self.pages.currentIndex() == CONTACT_PAGE
        self.capture.new_reminder(self.navigator.shown_contact() if on_contact else None)

    def edit_current(self) -> None:
        contact_id = self.current_contact()
        if contact_id is not None:
            self.contact_editing.edit_contact(contact_id)

    def brief_current(self) -> None:
        shown = self.navigator.shown_contact()
        if self.pages.currentIndex() == CONTACT_PAGE and shown is not None:
            self.show_brief([shown])
        elif self.pages.currentIndex() == CONTACTS_PAGE and self.contacts_page.selected_ids():
            self.show_brief(self.contacts_page.selected_ids())

    def show_brief(self, contact_ids: list[int], title: str = "") -> BriefDialog:
        # The brief's modules (PDF writer, chart images) load on first use, not at start.
        from relationship_journal.ui.brief.dialog import open_brief

        return open_brief(self, self.context, contact_ids, title)

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
            said = (
                f"Imported: {result.created:,} new, {result.merged:,} merged, "
                f"{result.skipped:,} skipped."
            )
            self.context.tell(said)
            self.statusBar().showMessage(said, 8000)
            self.go(1)
        self.imported.emit(result)

    def show_settings(self) -> None:
        from relationship_journal.ui.settings.dialog import SettingsDialog

        status = self.notifications.status()
        SettingsDialog(self, self.context, self.privacy, status).exec()
        self._apply_lock_preference()
        self.background.write_calendar()

    def find_duplicates(self) -> None:
        from relationship_journal.ui.duplicates.dialog import DuplicatesDialog

        DuplicatesDialog(self, self.context).exec()

    def edit_custom_fields(self) -> None:
        from relationship_journal.ui.custom_fields_dialog import CustomFieldsDialog

        CustomFieldsDialog(self, self.context).exec()

    # --- the journal ---------------------------------------------------------------------------

    def welcome(self) -> Choice:
        return self.switch.welcome(self.start_own_journal, self.import_contacts)

    def start_own_journal(self) -> None:
        self.switch.start_own_journal()
        self.go(1)
        self.navigator.history.clear()  # Back never leads into the journal left

    def explore_demo(self) -> None:
        self.switch.explore_demo()
        self.go(0)
        self.navigator.history.clear()

    def _name_journal(self) -> None:
        """The window's title says which journal it works on."""
        if self.context.is_demo:
            which = "Demo journal"
        elif self.source.paths.is_usual():
            which = "My journal"
        else:
            which = f"Journal in {self.source.paths.data_dir.name or self.source.paths.data_dir}"
        self.setWindowTitle(f"{which} — {APP_NAME}")

    def _switched(self) -> None:
        paths = self.source.current_paths
        self.context.ws.paths = paths
        self._name_journal()
        self.banner.setVisible(self.context.is_demo)
        self.registry["startOwn"].setVisible(self.context.is_demo)
        self.registry["exploreDemo"].setVisible(not self.context.is_demo)
        if self.shelf.built(CONTACT_PAGE):
            self.contact_page.contact_id = None
        # The demo's filters mean nothing in the new journal.
        if self.shelf.built(CONTACTS_PAGE):
            self.contacts_page.forget_filters()
        if self.shelf.built(JOURNAL_PAGE):
            self.journal_page.filters.clear()
        if self.shelf.built(PROMISES_PAGE):
            self.promises_page.filters.clear()
        self.navigator.history.clear()
        self.today_page.clear_news()
        self.notifications.reset()

    def start_background(self) -> None:
        """What runs once the window is up: unsaved text from a crash, notifications, the
        daily backup and the calendar file."""
        self.switch.offer_drafts(self.capture.log_interaction, self._edit_fact)
        self.notifications.start()
        self.background.start()

    def _edit_fact(self, contact_id: int, topic: str) -> None:
        self.open_contact(contact_id)
        self.contact_page.edit_fact(topic)

    def _apply_lock_preference(self) -> None:
        self.registry["lockNow"].setEnabled(self.window_lock.available)
        self.window_lock.set_idle_minutes(self.background.preferences.lock_minutes)

    def _locked(self, locked: bool) -> None:
        self.notifications.discreet = locked

    def _announce(self, moments: list[Moment]) -> None:
        self.today_page.show_news(moments, self.notifications.first_look)
        count = len(moments)
        what = "1 moment that matters" if count == 1 else f"{count:,} moments that matter"
        self.statusBar().showMessage(f"{what} came due. See Today.", 10000)

    def _damaged(self, message: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The journal is damaged")
        box.setText(message)
        box.setInformativeText("Restore a backup now? The damaged journal is kept aside.")
        restore = box.addButton("Restore from backup…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restore:
            self.files.restore_from_backup()

    def _background_failed(self, what: str, message: str) -> None:
        self.statusBar().showMessage(f"{what} failed: {message}", 30000)

    def show_shortcuts(self) -> None:
        show_shortcuts(self, self.registry)

    def show_about(self) -> None:
        show_about(self, self.context.journal.path)

    # --- window state --------------------------------------------------------------------------

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit(self) -> None:
        self.keep_running = False
        self.quitting = True
        self.close()
        QApplication.quit()

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        else:
            fit_to_screen(self, 1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        # Started quietly with the computer, or asked to stay in a tray that is there: the
        # window hides and reminders go on; the tray's Quit (or File → Quit) ends the app.
        in_tray = Preferences().stay_in_tray and self.notifications.tray is not None
        if not self.quitting and (self.keep_running or in_tray):
            self.hide()
            event.ignore()
            return
        self.notifications.stop()
        wait_for_tasks()
        self.context.journal.close()
        self.source.release()
        super().closeEvent(event)
