"""The Journal and Promises lists: their text is readable (in a small window too), and they
narrow by person, kind and days the way a user types them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.promises import add_promise
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.journal.page import JournalPage
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.promises.page import PromisesPage
from tests.gui.conftest import ShowWidget, seed, trigger

LONG = "Quarterly review: walked through the peak-season plan, he was visibly relieved"


def _seed_entries(where: MainWindow | JournalContext) -> None:
    def write(session):  # type: ignore[no-untyped-def]
        now = clock.now()
        anna = create_contact(session, ContactDraft("Anna Berg"), now).id
        jurgen = create_contact(session, ContactDraft("Jürgen Müller"), now).id
        at = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
        log_entry(session, EntryDraft([jurgen], at, LONG, "meeting", "Bring the roster", 3), now)
        earlier = at - timedelta(days=40)
        log_entry(session, EntryDraft([anna], earlier, "Call about Q1", "call"), now)
        log_entry(session, EntryDraft([anna], at, "Lunch", "meeting", value=1), now)

    seed(where, write)


def _texts(table, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_journal_summary_takes_the_free_width_and_shows_notes(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    _seed_entries(context)
    page = JournalPage(context)
    show_widget(page, (1080, 760))  # its room in a window of 1280 × 800
    table = page.table
    header = table.horizontalHeader()
    assert header.sectionResizeMode(3) == QHeaderView.ResizeMode.Stretch
    qtbot.waitUntil(lambda: header.sectionSize(3) > 300)
    summaries = _texts(table, 3)
    assert f"{LONG} — Bring the roster" in summaries
    tip = (
        table.model()
        .index(summaries.index(f"{LONG} — Bring the roster"), 3)
        .data(Qt.ItemDataRole.ToolTipRole)
    )
    assert LONG in tip and "Bring the roster" in tip
    assert "note" in _texts(table, 4)  # a plain note says so, not "·"
    assert table.model().headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_the_journal_never_scrolls_sideways_in_a_small_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    _seed_entries(window)
    window.resize(900, 600)
    trigger(window, "go_journal")
    table = window.journal_page.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width() + 1)
    assert header.sectionSize(3) >= 0.35 * table.viewport().width()


def test_the_journal_filters_by_person_kind_and_days(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    _seed_entries(context)
    page = JournalPage(context)
    show_widget(page)
    filters = page.filters
    assert page.model.rowCount() == 3
    qtbot.keyClicks(filters.person, "jurgen")  # accents and case do not matter
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    filters.person.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    filters.kind.setCurrentIndex(filters.kind.findData("call"))
    assert _texts(page.table, 3) == ["Call about Q1"]
    filters.kind.setCurrentIndex(0)
    qtbot.keyClicks(filters.start.edit, "1/3/2026")
    qtbot.keyClicks(filters.end.edit, "31 Mar 2026")
    assert page.model.rowCount() == 2
    assert "Call about Q1" not in _texts(page.table, 3)
    filters.end.edit.setText("not a day")  # marked, and left out of the filter
    assert "not a date" in filters.end.edit.toolTip()
    assert page.model.rowCount() == 2


def test_promises_filter_by_person_and_who(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    today = clock.today()

    def write(session):  # type: ignore[no-untyped-def]
        now = clock.now()
        anna = create_contact(session, ContactDraft("Anna Berg"), now).id
        olu = create_contact(session, ContactDraft("Olu Adeyemi"), now).id
        add_promise(session, anna, "Send the deck", "me", today, today + timedelta(days=3))
        add_promise(session, olu, "Intro to finance", "them", today, today + timedelta(days=9))

    seed(context, write)
    page = PromisesPage(context)
    show_widget(page)
    assert page.model.rowCount() == 2
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("them"))
    assert _texts(page.table, 3) == ["Intro to finance"]
    page.filters.kind.setCurrentIndex(0)
    qtbot.keyClicks(page.filters.person, "anna")
    qtbot.waitUntil(lambda: _texts(page.table, 3) == ["Send the deck"])
    assert page.summary.text() == "1 promise"
    # Kept and Broken act on the chosen promise: offered once one is chosen.
    page.table.clearSelection()
    assert not page.kept.isEnabled() and not page.broken.isEnabled()
    page.table.selectRow(0)
    assert page.kept.isEnabled() and page.broken.isEnabled()


def test_enter_on_a_journal_row_opens_its_person(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    _seed_entries(context)
    page = JournalPage(context)
    show_widget(page)
    opened: list[int] = []
    context.open_contact_requested.connect(opened.append)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(opened) == 1
    where = page.table.visualRect(page.table.currentIndex()).center()
    # A double-click as the system delivers it: a press, then the double-click on the row.
    qtbot.mousePress(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(opened) == 2  # a double-click opens once, not twice
