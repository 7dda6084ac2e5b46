"""Moving between the window's pages and contacts, with a history for Back (Alt+Left).

The sidebar's rows are the first pages of the stack; the contact page comes after them and
is reached by opening a contact, never from the sidebar (which then shows Contacts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QListWidget, QStackedWidget

from relationship_journal.ui.history import History, Place
from relationship_journal.ui.page_shelf import PageShelf
from relationship_journal.ui.sidebar import NAVIGATION
from relationship_journal.ui.window_pages import CONTACT_PAGE, CONTACTS_PAGE, WindowPages

if TYPE_CHECKING:
    from relationship_journal.ui.contacts.page import ContactsPage


class Navigator(WindowPages):
    def __init__(self, pages: QStackedWidget, shelf: PageShelf, navigation: QListWidget) -> None:
        self.pages = pages
        self.shelf = shelf
        self.navigation = navigation
        self.history = History()
        # A contact opened before the list was ever built: selected in it once it is.
        self._select_in_list: int | None = None
        navigation.currentRowChanged.connect(self._navigate)
        # On a contact's page the sidebar already shows Contacts: a click on it (which
        # changes no row) goes back to the list.
        navigation.itemClicked.connect(lambda item: self._clicked(navigation.row(item)))

    def list_built(self, page: ContactsPage) -> None:
        """The contacts list was just built: it selects the contact last opened."""
        if self._select_in_list is not None:
            page.select_contact(self._select_in_list)
            self._select_in_list = None

    def shown_contact(self) -> int | None:
        """The contact of the contact page, whether on show or not (None before any)."""
        return self.contact_page.contact_id if self.shelf.built(CONTACT_PAGE) else None

    def go(self, index: int) -> None:
        self.navigation.setCurrentRow(index)
        self._navigate(index)

    def _navigate(self, index: int) -> None:
        if 0 <= index < len(NAVIGATION):
            self.history.leave(self._here(), Place(index))
            self.shelf.page(index)
            self.pages.setCurrentIndex(index)

    def _clicked(self, row: int) -> None:
        if self.on_contact_page() and row == CONTACTS_PAGE:
            self._navigate(row)

    def _here(self) -> Place:
        index = self.pages.currentIndex()
        return Place(index, self.contact_page.contact_id if index == CONTACT_PAGE else None)

    def on_contact_page(self) -> bool:
        return self.pages.currentIndex() == CONTACT_PAGE

    def current_page_key(self) -> str:
        if self.on_contact_page():
            return "contact"
        return NAVIGATION[self.pages.currentIndex()][0]

    def current_contact(self) -> int | None:
        """The contact on show, or the first one selected in the contacts list."""
        if self.on_contact_page():
            return self.contact_page.contact_id
        if self.pages.currentIndex() == CONTACTS_PAGE:
            ids = self.contacts_page.selected_ids()
            return ids[0] if ids else None
        return None

    def open_contact(self, contact_id: int, remember: bool = True) -> None:
        if remember:
            self.history.leave(self._here(), Place(CONTACT_PAGE, contact_id))
        self.contact_page.show_contact(contact_id)
        self._show(CONTACT_PAGE, sidebar_row=CONTACTS_PAGE)
        if self.shelf.built(CONTACTS_PAGE):
            self.contacts_page.select_contact(contact_id)
        else:
            self._select_in_list = contact_id

    def contact_gone(self, contact_id: int) -> None:
        """A contact left the journal (deleted, or an undo took it away): leave its page."""
        self.history.forget_contact(contact_id)
        if self.on_contact_page():
            self.go(CONTACTS_PAGE)

    def back(self) -> None:
        place = self.history.back()
        if place is None:
            return
        if place.contact_id is not None:
            self.open_contact(place.contact_id, remember=False)
        else:
            self._show(place.page, sidebar_row=place.page)

    def _show(self, page: int, sidebar_row: int) -> None:
        """Show ``page`` and mark ``sidebar_row``, without that counting as a move."""
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(sidebar_row)
        self.navigation.blockSignals(False)
        self.shelf.page(page)
        self.pages.setCurrentIndex(page)

    def step_contact(self, step: int) -> None:
        """The next or previous contact in the list's order: on the contact page, open it;
        in the list, select it."""
        current = self.shown_contact()
        if self.on_contact_page() and current is not None:
            neighbour = self.contacts_page.neighbour_of(current, step)
            if neighbour is not None:
                self.contact_page.show_contact(neighbour)
                self.contacts_page.select_contact(neighbour)
            return
        if self.pages.currentIndex() != CONTACTS_PAGE:
            return
        model, table = self.contacts_page.model, self.contacts_page.table
        if model.rowCount():
            row = max(0, min(model.rowCount() - 1, table.currentIndex().row() + step))
            table.selectRow(row)
