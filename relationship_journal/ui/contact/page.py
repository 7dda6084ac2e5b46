"""One contact on one page: who they are, what matters to them, and the state of the account.

The page lays out the header, the buttons and four tabs (``overview_tab``, ``profile_tab``,
``work_tab``, ``timeline_tab``); what the buttons do lives in ``ContactActions``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from relationship_journal.operations import contacts, photos
from relationship_journal.operations.contacts import ContactFile
from relationship_journal.operations.errors import NotFoundError
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.contact.actions import ContactActions
from relationship_journal.ui.contact.header import ContactHeader
from relationship_journal.ui.contact.overview_tab import OverviewTab
from relationship_journal.ui.contact.profile_tab import ProfileTab
from relationship_journal.ui.contact.timeline_tab import TimelineTab
from relationship_journal.ui.contact.work_tab import WorkTab
from relationship_journal.ui.context import JournalContext, LogRequest
from relationship_journal.ui.icons import icon
from relationship_journal.ui.lazy_page import LazyPage

# Entries read at a time for the timeline: a screen and some.
TIMELINE_PAGE = 50


TABS = {"overview": 0, "profile": 1, "work": 2, "timeline": 3}  # in the order added


class ContactPage(LazyPage):
    edit_requested = Signal(int)
    brief_requested = Signal(int)
    edit_entry_requested = Signal(int)
    gone = Signal(int, str)  # the contact shown is no longer in the journal (an undo took it)

    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("contactPage")
        self._context = context
        self.contact_id: int | None = None
        self.file: ContactFile | None = None
        self.actions = ContactActions(self, context)

        self.header = ContactHeader()
        self.name, self.role = self.header.name, self.header.role
        self.balance, self.trend = self.header.balance, self.header.trend
        self.overview = OverviewTab(self.actions.resolve_promise)
        self.about = self.overview.about
        self._connect_face_and_reach(context)
        self.profile = ProfileTab()
        self.profile_sections = self.profile.sections
        self.profile.edit_requested.connect(self.edit_fact)
        self.profile.history_requested.connect(self.actions.show_fact_history)
        self.work = WorkTab()
        self.work.open_requested.connect(context.open_contact_requested)
        connect_plain(self.work.add_link_requested, self.actions.add_link)
        self.work.remove_link_requested.connect(self.actions.remove_link)
        self.timeline_tab = TimelineTab()
        self.timeline, self.timeline_model = self.timeline_tab.table, self.timeline_tab.model
        self.delete_entry_button = self.timeline_tab.delete_button
        self.edit_entry_button = self.timeline_tab.edit_button
        self.timeline_tab.edit_requested.connect(self.edit_entry_requested)
        self.timeline_tab.delete_requested.connect(self.actions.delete_entry)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("contactTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview, "Overview")
        self.tabs.addTab(self.profile, "Profile")
        self.tabs.addTab(self.work, "Work && links")
        self.tabs.addTab(self.timeline_tab, "Timeline")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        buttons = self._buttons()
        (
            self.log_button,
            self.edit_button,
            self.stage_button,
            self.promise_button,
            self.brief_button,
            self.notice_button,
        ) = buttons
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch()
        layout.addWidget(self.header)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)

    def _connect_face_and_reach(self, context: JournalContext) -> None:
        """The photo's menu and drops; Write, Call and Copy's word to the user."""
        face = self.header.face
        connect_plain(face.choose_action.triggered, self.actions.choose_photo)
        connect_plain(face.remove_action.triggered, self.actions.remove_photo)
        face.photo_dropped.connect(self.actions.set_photo)
        reach = self.overview.reach
        reach.copied.connect(lambda value: context.tell(f"Copied {value}", undoable=False))
        reach.unhandled.connect(
            lambda scheme, value: context.tell(
                f"Nothing on this computer opens {scheme}: links; {value} is copied instead",
                undoable=False,
            )
        )

    def _buttons(self) -> list[QPushButton]:
        specs = (
            ("log", "Log interaction", "logButton", "Ctrl+L", self._log),
            ("edit", "Edit", "editButton", "Ctrl+E", lambda: self._emit(self.edit_requested)),
            ("portfolio", "Stage…", "stageButton", "", self.actions.set_stage),
            ("promises", "Promise…", "promiseButton", "", self.actions.add_promise),
            ("brief", "Brief", "briefButton", "Ctrl+B", lambda: self._emit(self.brief_requested)),
            ("snooze", "Tell me ahead…", "noticeButton", "", self.actions.edit_notice),
        )
        buttons = []
        for icon_name, text, name, shortcut, slot in specs:
            button = QPushButton(icon(icon_name), text)
            button.setObjectName(name)
            button.setToolTip(f"{text} ({shortcut})" if shortcut else text)
            connect_plain(button.clicked, slot)
            buttons.append(button)
        return buttons

    def _emit(self, signal: Signal) -> None:
        if self.contact_id is not None:
            signal.emit(self.contact_id)  # type: ignore[attr-defined]

    def _log(self) -> None:
        if self.contact_id is not None:
            self._context.request_log(LogRequest((self.contact_id,)))

    def edit_fact(self, topic_key: str) -> None:
        self.actions.edit_fact(topic_key)

    def show_tab(self, key: str) -> None:
        """Bring forward the tab ``key`` names (``TABS``)."""
        self.tabs.setCurrentIndex(TABS.get(key, 0))

    def show_contact(self, contact_id: int) -> None:
        self.contact_id = contact_id
        self._stale = False
        self.reload()

    def reload(self) -> None:
        if self.contact_id is None:
            return
        contact_id = self.contact_id
        # The first screen of the timeline, or, for the contact shown, as much as was read.
        same = self.file is not None and self.file.id == contact_id
        read = max(TIMELINE_PAGE, self.timeline_model.entry_count() if same else 0)
        try:
            file = contacts.contact_file(self._context.ws, contact_id, entry_limit=read)
        except NotFoundError:
            name = self.file.contact.display_name if self.file else "That contact"
            self.contact_id, self.file = None, None
            self.gone.emit(contact_id, name)
            return
        except Exception:
            self.contact_id = None
            raise
        self.file = file
        photo = photos.photo(self._context.ws, contact_id) if file.contact.has_photo else None
        self.header.show_file(file, photo)
        self.overview.show_file(file)
        self.profile.show_file(file)
        self.work.show_file(file)
        ws = self._context.ws
        self.timeline_tab.show_file(
            file, lambda after: contacts.older_entries(ws, contact_id, after, TIMELINE_PAGE)
        )
