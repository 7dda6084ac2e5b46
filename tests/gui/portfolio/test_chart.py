"""The portfolio chart: names never overlap, axes carry numbers, a dot opens its contact."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, QPointF, QRectF, QSizeF, Qt
from pytestqt.qtbot import QtBot

from relationship_journal.store.models import Contact
from relationship_journal.ui.portfolio.layout import place_labels, ticks
from relationship_journal.ui.portfolio.page import PortfolioPage
from tests.gui.conftest import ContextFactory, ShowWidget, peek


def test_axis_numbers_are_round_and_span_the_values() -> None:
    assert ticks(-4, 9.5, 8) == [-4, -2, 0, 2, 4, 6, 8, 10]
    assert ticks(-1, 1, 8) == [-1.0, -0.5, 0.0, 0.5, 1.0]


def test_crowded_names_never_overlap_each_other_or_a_dot() -> None:
    # Twelve people within a few pixels of each other, as "Everyone" puts them.
    centres = [QPointF(200 + (i % 4) * 6, 150 + (i // 4) * 5) for i in range(12)]
    sizes = [QSizeF(90, 16)] * 12
    bounds = QRectF(0, 0, 500, 400)
    spots = place_labels(centres, sizes, bounds, 6.0)
    placed = [s for s in spots if s is not None]
    assert len(placed) >= 4  # the rest are named on hover
    for a, b in itertools.combinations(placed, 2):
        assert not a.intersects(b)
    for spot, (index, centre) in itertools.product(placed, enumerate(centres)):
        if spots[index] is not spot:
            dot = QRectF(centre.x() - 6, centre.y() - 6, 12, 12)
            assert not spot.intersects(dot)
    assert all(bounds.contains(s) for s in placed)


def test_clicking_a_dot_opens_that_contact(
    open_context: ContextFactory, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    context = open_context(demo=True)
    opened: list[int] = []
    context.open_contact_requested.connect(opened.append)  # the window opens their page
    page = PortfolioPage(context)
    show_widget(page, (1080, 760))  # its room in a window of 1280 × 800
    page.scope.setCurrentText("Everyone")
    chart = page.chart
    chart.repaint()
    assert chart.labelled > 0
    centre, point = chart._placed[0]
    qtbot.mouseClick(
        chart, Qt.MouseButton.LeftButton, pos=QPoint(round(centre.x()), round(centre.y()))
    )
    (contact_id,) = opened
    contact = peek(context, lambda s: s.get(Contact, contact_id))
    assert contact is not None and contact.display_name.startswith(point.name)


def test_nothing_to_attend_to_says_in_which_group(
    open_context: ContextFactory, show_widget: ShowWidget
) -> None:
    """An empty "needs attention" list names the group it looked at, so that someone
    overdrawn outside it is not taken for looked at."""
    from relationship_journal.domain.contact import ContactDraft
    from relationship_journal.store import clock
    from relationship_journal.store.contacts import create_contact
    from tests.gui.conftest import seed

    context = open_context()
    seed(context, lambda s: create_contact(s, ContactDraft("Anna Lind"), clock.now()))
    page = PortfolioPage(context)
    show_widget(page, (1080, 760))
    page.scope.setCurrentText("Key relationships")
    texts = [page.attention.item(row).text() for row in range(page.attention.count())]
    assert texts == ["Nothing overdrawn, drifting or cooling among key relationships."]
