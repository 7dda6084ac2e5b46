"""A long timeline opens on its newest page and reaches its first entry as it is scrolled."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.promises import add_promise
from relationship_journal.ui.capture import Capture
from relationship_journal.ui.contact.page import TIMELINE_PAGE, ContactPage
from relationship_journal.ui.contact.timeline import EntryIdRole
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.ledger.log_dialog import LogDialog
from tests.gui.conftest import ShowWidget, contact_page, id_of, seed

CALLS = 2 * TIMELINE_PAGE + 23


def _busy_contact(session: Session) -> None:
    """A call every other day, newest first "Call 0"; two promises among the oldest calls."""
    now = clock.now()
    contact = create_contact(session, ContactDraft("Ingrid Sørensen"), now)
    assert contact.id is not None
    for number in range(CALLS):
        at = now - timedelta(days=2 * number, hours=1)
        log_entry(session, EntryDraft([contact.id], at, f"Call {number}", "call", value=1), now)
    for days_ago in (2 * CALLS - 3, 2 * CALLS + 5):
        made_on = (now - timedelta(days=days_ago)).astimezone().date()
        add_promise(session, contact.id, f"Promise of {made_on}", "me", made_on, None)


def _summaries(page: ContactPage) -> list[str]:
    model = page.timeline_model
    return [model.item(row).summary for row in range(model.rowCount())]


def _open_timeline(context: JournalContext, show: ShowWidget, qtbot: QtBot) -> ContactPage:
    seed(context, _busy_contact)
    page = contact_page(context, show, id_of(context, "Ingrid"))
    tabs = page.tabs
    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(3).center()
    )
    assert tabs.currentWidget() is page.timeline_tab
    table = page.timeline
    first_row = table.visualRect(table.model().index(0, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first_row)
    assert table.currentIndex().row() == 0
    return page


def _to_the_end(page: ContactPage, qtbot: QtBot) -> None:
    """Ctrl+End: to the first thing that happened, every older entry read."""
    qtbot.keyClick(page.timeline, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def test_scrolling_down_the_timeline_reaches_every_entry(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    page = _open_timeline(context, show_widget, qtbot)
    first_screen = _summaries(page)
    assert first_screen == [f"Call {n}" for n in range(TIMELINE_PAGE)]

    bar = page.timeline.verticalScrollBar()
    bar.setValue(bar.maximum())  # as dragging the scroll bar to its end does
    assert _summaries(page) == [f"Call {n}" for n in range(2 * TIMELINE_PAGE)]

    _to_the_end(page, qtbot)
    shown = _summaries(page)
    calls = [f"Call {n}" for n in range(CALLS)]
    assert [s for s in shown if s.startswith("Call")] == calls
    # Each promise in its place in time: one among the oldest calls, one after the last.
    promises = [row for row, s in enumerate(shown) if s.startswith("I promised")]
    assert len(promises) == 2
    assert shown[promises[0] - 1] == f"Call {CALLS - 2}" and promises[1] == len(shown) - 1
    table = page.timeline
    assert table.currentIndex().row() == len(shown) - 1  # where Ctrl+End put the user


def test_a_change_keeps_the_entries_already_scrolled_to(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    page = _open_timeline(context, show_widget, qtbot)
    _to_the_end(page, qtbot)
    table = page.timeline
    oldest = max(
        range(table.model().rowCount()),
        key=lambda row: row if table.model().index(row, 0).data(EntryIdRole) else -1,
    )
    table.setCurrentIndex(table.model().index(oldest, 0))  # as a click would
    page.delete_entry_button.click()

    shown = _summaries(page)
    assert f"Call {CALLS - 1}" not in shown
    assert [s for s in shown if s.startswith("Call")] == [f"Call {n}" for n in range(CALLS - 1)]


def test_an_entry_edited_deep_in_the_timeline_stays_chosen_and_in_view(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _open_timeline(context, show_widget, qtbot)
    page.edit_entry_requested.connect(Capture(page, context).edit_entry)  # as the window does
    _to_the_end(page, qtbot)
    table = page.timeline
    deep = next(
        row
        for row in range(table.model().rowCount() - 1, 0, -1)
        if table.model().index(row, 0).data(EntryIdRole)
    )
    table.setCurrentIndex(table.model().index(deep, 0))  # as a click would
    chosen = table.currentIndex().data(EntryIdRole)

    def save(dialog: LogDialog) -> int:
        # Promises are edited on their own: no empty promise row, label or "due" left.
        promise_label = dialog.form.labelForField(dialog.promise_row)
        assert dialog.summary.isVisibleTo(dialog) and not promise_label.isVisibleTo(dialog)
        assert not dialog.promise_due.isVisibleTo(dialog)
        dialog.summary.setText("Call, rescheduled")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(LogDialog, "exec", save)
    page.edit_entry_button.click()

    current = table.currentIndex()
    assert current.data(EntryIdRole) == chosen
    assert page.timeline_model.item(current.row()).summary == "Call, rescheduled"
    assert table.viewport().rect().intersects(table.visualRect(current))
