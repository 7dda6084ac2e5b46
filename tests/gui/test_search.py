"""The quick switcher: Ctrl+K in the window, type, see grouped results with the match in
bold, Enter opens; the switcher alone for what it finds."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.promises import add_promise
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.dates import day_text
from relationship_journal.ui.search.switcher import QuickSwitcher
from tests.gui.conftest import ContextFactory, ShowWidget, WindowFactory, seed


def test_typing_finds_and_enter_opens_the_contact(
    open_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(demo=True)
    seen: list[QuickSwitcher] = []

    def drive(dialog: QuickSwitcher) -> int:
        seen.append(dialog)
        with qtbot.waitSignal(dialog.searched):
            qtbot.keyClicks(dialog.field, "jurg")
        labels = [dialog.results.item(i).text() for i in range(dialog.results.count())]
        assert labels[0] == "Contacts"
        first = dialog.results.itemWidget(dialog.results.currentItem()).findChild(QLabel, "hitText")
        assert (
            dialog.results.itemWidget(dialog.results.currentItem())
            .findChild(QLabel, "hitFace")
            .pixmap()
        )
        assert "<b>Jürgen</b>" in first.text()
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        return 1

    monkeypatch.setattr(QuickSwitcher, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert seen
    assert window.current_page_key() == "contact"
    assert window.contact_page.name.text() == "Jürgen Müller"


def _switcher(context: JournalContext, show: ShowWidget) -> QuickSwitcher:
    dialog = QuickSwitcher(None, context)
    show(dialog)
    return dialog


def test_a_misspelt_name_and_part_of_a_word_find_the_contact(
    open_context: ContextFactory, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    dialog = _switcher(open_context(demo=True), show_widget)
    groups: list[list[str]] = []
    for text in ("jurgn mueler", "ller"):
        dialog.field.clear()
        with qtbot.waitSignal(dialog.searched):
            qtbot.keyClicks(dialog.field, text)
        groups.append(
            [
                dialog.results.item(i).text()
                or dialog.results.itemWidget(dialog.results.item(i))
                .findChild(QLabel, "hitText")
                .text()
                for i in range(dialog.results.count())
            ]
        )
    misspelt, inside = groups
    assert misspelt[0] == "Contacts"
    assert "<b>Jürgen</b> <b>Müller</b>" in misspelt[1].split("<br>")[0]  # the title
    assert inside[0] == "Contacts" and "Mü<b>ller</b>" not in inside[1]
    assert "<b>Müller</b>" in inside[1]


def test_a_promise_found_says_its_due_day_as_the_window_writes_dates(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    due = date(2026, 12, 3)

    def add(session: Session) -> None:
        contact = create_contact(session, ContactDraft("Sofía Hernández"), clock.now())
        assert contact.id is not None
        add_promise(session, contact.id, "Send the routing benchmark", "me", due, due)

    seed(context, add)
    dialog = _switcher(context, show_widget)
    details: list[str] = []
    with qtbot.waitSignal(dialog.searched):
        qtbot.keyClicks(dialog.field, "routing")
    for row in range(dialog.results.count()):
        widget = dialog.results.itemWidget(dialog.results.item(row))
        if widget is not None:
            details.append(widget.findChild(QLabel, "hitText").text())
    assert any(f"due {day_text(due)}" in text for text in details), details
    assert not any("2026-12-03" in text for text in details)


def test_enter_on_an_answer_or_an_entry_shows_it_where_it_is(
    open_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(demo=True)
    steps = {"answer": 0, "entry": 1}  # the answer comes first, its entry after it
    shown: list[str] = []
    for what, downs in steps.items():

        def drive(dialog: QuickSwitcher, downs: int = downs) -> int:
            with qtbot.waitSignal(dialog.searched):
                qtbot.keyClicks(dialog.field, "handball")
            for _ in range(downs):
                qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
            qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
            return 1

        monkeypatch.setattr(QuickSwitcher, "exec", drive)
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == "contact", what
        shown.append(window.contact_page.tabs.tabText(window.contact_page.tabs.currentIndex()))
    assert shown == ["Profile", "Timeline"]


def test_long_results_never_scroll_sideways_and_the_chosen_one_reads_light(
    open_context: ContextFactory, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    from relationship_journal.ui.search.switcher import HitText

    dialog = _switcher(open_context(demo=True), show_widget)
    with qtbot.waitSignal(dialog.searched):
        qtbot.keyClicks(dialog.field, "procurement")
    assert dialog.results.count() > 3
    assert not dialog.results.horizontalScrollBar().isVisible()
    texts = dialog.results.findChildren(HitText)
    chosen = dialog.results.itemWidget(dialog.results.currentItem()).findChild(HitText)
    light = dialog.palette().color(dialog.palette().ColorRole.HighlightedText).name()
    assert chosen.text().count(light) == 2  # title and subtitle, both readable on it
    assert all(light not in text.text() for text in texts if text is not chosen)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert light not in chosen.text()


def test_a_result_longer_than_the_list_ends_in_an_ellipsis_and_shows_whole_on_hover(
    open_context: ContextFactory, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QTextDocument

    from relationship_journal.ui.search.switcher import HitText

    dialog = _switcher(open_context(demo=True), show_widget)
    dialog.resize(420, 460)
    with qtbot.waitSignal(dialog.searched):
        qtbot.keyClicks(dialog.field, "procurement")
    texts = dialog.results.findChildren(HitText)
    cut = [text for text in texts if "…" in text.text()]
    assert cut, "a result of the demo is longer than 420 pixels"
    for text in texts:
        document = QTextDocument()
        document.setDefaultFont(text.font())
        document.setDocumentMargin(0)
        document.setHtml(text.text())
        assert document.idealWidth() <= text.contentsRect().width() + 1
    assert "…" not in cut[0].toolTip() and len(cut[0].toolTip()) > 20
    dialog.resize(1200, 460)
    qtbot.waitUntil(lambda: all("…" not in text.text() for text in cut[:1]))
    dialog.resize(420, 460)  # and cut again as the window narrows, before any typing
    qtbot.waitUntil(lambda: "…" in cut[0].text())


def test_a_kind_with_more_results_than_shown_says_so(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    from datetime import timedelta

    from relationship_journal.store.ledger import EntryDraft, log_entry

    def seed_calls(session: Session) -> None:
        now = clock.now()
        person = create_contact(session, ContactDraft("Wanda Quist"), now)
        for number in range(12):
            at = now - timedelta(days=number)
            log_entry(session, EntryDraft([person.id], at, f"Zeppelin call {number}"), now)  # type: ignore[list-item]
        log_entry(session, EntryDraft([person.id], now, "Airship brochure"), now)  # type: ignore[list-item]

    seed(context, seed_calls)
    dialog = _switcher(context, show_widget)
    with qtbot.waitSignal(dialog.searched):
        qtbot.keyClicks(dialog.field, "zeppelin")
    labels = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert "Journal entries — the first 8; type more to narrow" in labels
    assert len([hit for hit in dialog.hits if hit.kind.name == "ENTRY"]) == 8
    dialog.field.clear()
    with qtbot.waitSignal(dialog.searched):
        qtbot.keyClicks(dialog.field, "airship")
    assert dialog.results.item(0).text() == "Journal entries"
