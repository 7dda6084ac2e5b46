"""At 900×600 every main screen fits: nothing scrolls sideways, no button is cut off."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QPushButton,
    QScrollArea,
)
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.domain.dates import PartialDate
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from tests.gui.conftest import WindowFactory, open_by_name, seed, wait_for_agenda

COLUMN_HEALTH = 6


def _cut_off_buttons(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Visible buttons that stick out of the page's right edge."""
    right = page.mapToGlobal(page.rect().topRight()).x()
    return [
        button.text()
        for button in page.findChildren(QAbstractButton)
        if button.isVisible() and button.mapToGlobal(button.rect().topRight()).x() > right + 1
    ]


def test_today_fits_a_small_window(open_window: WindowFactory, qtbot: QtBot) -> None:
    window = open_window(demo=True)
    window.resize(900, 600)
    wait_for_agenda(qtbot, window)
    qtbot.wait(50)
    page = window.today_page
    scroll = page.findChild(QAbstractScrollArea)
    qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
    assert not scroll.horizontalScrollBar().isVisible()
    assert _cut_off_buttons(page) == []
    # The actions show their icons alone, leaving the moment's words room to be read.
    done = page.findChild(QPushButton, "doneButton")
    assert (done.text(), done.accessibleName()) == ("", "Done")
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: done.text() == "Done")


def test_every_main_screen_fits_a_small_window(open_window: WindowFactory, qtbot: QtBot) -> None:
    window = open_window(demo=True)
    assert window.minimumSize().width() <= 900 and window.minimumSize().height() <= 600
    window.resize(400, 300)  # no narrower than the minimum
    assert (window.width(), window.height()) == (900, 600)
    for key in ("journal", "promises", "portfolio", "contact"):
        if key == "contact":
            open_by_name(window, qtbot, "Jurgen")
        else:
            window.registry[f"go_{key}"].trigger()
        qtbot.wait(20)
        page = window.pages.currentWidget()
        assert _cut_off_buttons(page) == [], key
        for area in page.findChildren(QAbstractScrollArea):
            if area.isVisible():
                assert not area.horizontalScrollBar().isVisible(), (key, area.objectName())
            # An area that never scrolls sideways cuts what is wider than it.
            if isinstance(area, QScrollArea) and area.isVisible():
                qtbot.waitUntil(lambda a=area: a.widget().width() <= a.viewport().width())


def _shown_columns(table) -> list[str]:  # type: ignore[no-untyped-def]
    model = table.model()
    return [
        model.headerData(column, Qt.Orientation.Horizontal)
        for column in range(model.columnCount())
        if not table.isColumnHidden(column)
    ]


def test_the_contacts_list_fits_a_small_window(open_window: WindowFactory, qtbot: QtBot) -> None:
    window = open_window(demo=True)
    window.resize(900, 600)
    window.registry["go_contacts"].trigger()
    page = window.contacts_page
    table = page.table
    qtbot.waitUntil(lambda: table.isVisible() and table.model().rowCount() > 0)
    qtbot.wait(50)
    assert table.horizontalScrollBar().maximum() == 0
    assert not table.horizontalScrollBar().isVisible()
    shown = _shown_columns(table)
    assert {"Name", "Health", "Balance", "Last contact"} <= set(shown)
    health = shown.index("Health")
    right = table.columnViewportPosition(COLUMN_HEALTH) + table.columnWidth(COLUMN_HEALTH)
    assert health and right <= table.viewport().width()
    # The name filter's hint can be read whole, and no filter covers another.
    hint = page.search.placeholderText()
    assert page.search.width() > page.search.fontMetrics().horizontalAdvance(hint)
    widgets = (page.tag_box, page.stage_box, page.tier_box, page.drifting, page.trash)
    for left, right_widget in pairwise(widgets):
        assert left.geometry().right() < right_widget.geometry().left()
    # "Last contact": "N days ago" up to a month back, else the date; the exact day on hover.
    model = table.model()
    for row in range(model.rowCount()):
        shown = model.index(row, 7).data()
        hover = model.index(row, 7).data(Qt.ItemDataRole.ToolTipRole)
        assert shown in ("today", "yesterday", "never") or "days ago" in shown or shown in hover
        if "days ago" in shown:
            assert int(shown.split()[0]) <= 30 and hover
    # Wide again, every column comes back.
    window.resize(1600, 800)
    qtbot.waitUntil(lambda: len(_shown_columns(table)) == table.model().columnCount())
    assert table.horizontalScrollBar().maximum() == 0


def test_a_very_long_name_ends_in_an_ellipsis(open_window: WindowFactory, qtbot: QtBot) -> None:
    window = open_window()
    today = clock.now().astimezone().date()
    long_name = "Maximiliana " + "Wolkenstein-" * 19 + "Trauttmansdorff"
    seed(
        window,
        lambda s: create_contact(
            s,
            ContactDraft(long_name, tier="key", birthday=PartialDate(today.month, today.day)),
            clock.now(),
        ),
    )
    window.resize(900, 600)
    window.contacts_page.reload()
    open_by_name(window, qtbot, "Maximiliana")
    name = window.contact_page.header.name
    qtbot.waitUntil(lambda: name.isVisible() and name.width() > 0)
    assert name.text() == long_name
    assert name.shown_text().endswith("…")
    assert name.toolTip() == long_name
    right = window.mapFromGlobal(name.mapToGlobal(name.rect().topRight())).x()
    assert right <= window.width()
    # On Today, the moment's title wraps onto a few lines at most, the rest on hover.
    window.registry["go_today"].trigger()
    wait_for_agenda(qtbot, window)
    title = window.today_page.findChild(QLabel, "momentTitle")
    qtbot.waitUntil(lambda: title.isVisible() and title.width() > 0)
    assert "…</b>" in title.text() and long_name in title.toolTip()
    assert title.height() < 6 * title.fontMetrics().lineSpacing()


def test_dates_stay_whole_and_the_least_needed_column_gives_way(
    open_window: WindowFactory, qtbot: QtBot
) -> None:
    """At 900 pixels the journal hides Category rather than cutting its dates to "23 Nov
    20…"; with room again, Category is back."""
    window = open_window(demo=True)
    window.registry["go_journal"].trigger()
    table = window.journal_page.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    when = table.model().index(0, 0).data()
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(when) + 8
    assert table.isColumnHidden(5)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: not table.isColumnHidden(5))
