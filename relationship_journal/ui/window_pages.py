"""The window's pages: how each is made and wired to the window, built when first wanted.

``WindowPages`` gives the window its pages by name (``window.contacts_page``…); asking for a
page builds it if it is not built yet. Each page's module is imported by its maker, so the
modules of pages the user has not opened are not loaded at start either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QWidget

from relationship_journal.ui.page_shelf import PageMaker, PageShelf
from relationship_journal.ui.sidebar import NAVIGATION

if TYPE_CHECKING:
    from relationship_journal.ui.contact.page import ContactPage
    from relationship_journal.ui.contacts.page import ContactsPage
    from relationship_journal.ui.journal.page import JournalPage
    from relationship_journal.ui.main_window import MainWindow
    from relationship_journal.ui.organisations.page import OrganisationsPage
    from relationship_journal.ui.portfolio.page import PortfolioPage
    from relationship_journal.ui.promises.page import PromisesPage

# The sidebar's pages come first, in its order; the contact page after them.
CONTACTS_PAGE, ORGANISATIONS_PAGE, JOURNAL_PAGE, PROMISES_PAGE, PORTFOLIO_PAGE = 1, 2, 3, 4, 5
CONTACT_PAGE = len(NAVIGATION)


def page_makers(window: MainWindow) -> list[PageMaker]:
    """In the order of the stack: the sidebar's pages, then the contact page."""
    return [
        lambda: window.today_page,
        lambda: _contacts(window),
        lambda: _organisations(window),
        lambda: _journal(window),
        lambda: _promises(window),
        lambda: _portfolio(window),
        lambda: _contact(window),
    ]


def _contacts(window: MainWindow) -> QWidget:
    from relationship_journal.ui.contacts.page import ContactsPage

    page = ContactsPage(window.context)
    page.new_contact_requested.connect(window.contact_editing.new_contact)
    page.table.selectionModel().selectionChanged.connect(window.contact_commands)
    window.navigator.list_built(page)
    return page


def _organisations(window: MainWindow) -> QWidget:
    from relationship_journal.ui.organisations.page import OrganisationsPage

    page = OrganisationsPage(window.context)
    page.brief_requested.connect(window.show_brief)
    return page


def _journal(window: MainWindow) -> QWidget:
    from relationship_journal.ui.journal.page import JournalPage

    return JournalPage(window.context)


def _promises(window: MainWindow) -> QWidget:
    from relationship_journal.ui.promises.page import PromisesPage

    return PromisesPage(window.context)


def _portfolio(window: MainWindow) -> QWidget:
    from relationship_journal.ui.portfolio.page import PortfolioPage

    return PortfolioPage(window.context)


def _contact(window: MainWindow) -> QWidget:
    from relationship_journal.ui.contact.page import ContactPage

    page = ContactPage(window.context)
    page.edit_requested.connect(window.contact_editing.edit_contact)
    page.edit_entry_requested.connect(window.capture.edit_entry)
    page.brief_requested.connect(lambda contact_id: window.show_brief([contact_id]))
    page.gone.connect(window.contact_gone)
    return page


class WindowPages:
    """The pages by name, for whoever keeps them on ``self.shelf`` (the window, its
    navigator)."""

    shelf: PageShelf

    @property
    def contacts_page(self) -> ContactsPage:
        return cast("ContactsPage", self.shelf.page(CONTACTS_PAGE))

    @property
    def organisations_page(self) -> OrganisationsPage:
        return cast("OrganisationsPage", self.shelf.page(ORGANISATIONS_PAGE))

    @property
    def journal_page(self) -> JournalPage:
        return cast("JournalPage", self.shelf.page(JOURNAL_PAGE))

    @property
    def promises_page(self) -> PromisesPage:
        return cast("PromisesPage", self.shelf.page(PROMISES_PAGE))

    @property
    def portfolio_page(self) -> PortfolioPage:
        return cast("PortfolioPage", self.shelf.page(PORTFOLIO_PAGE))

    @property
    def contact_page(self) -> ContactPage:
        return cast("ContactPage", self.shelf.page(CONTACT_PAGE))
