"""Every item model keeps Qt's contract (pytest-qt's model tester: row counts, parents,
indexes, data for every role), filled from a real journal, through resets."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from relationship_journal.domain.clock import FixedClock
from relationship_journal.operations.contacts import (
    ContactFilter,
    contact_file,
    ids_in_order,
    older_entries,
)
from relationship_journal.paths import JournalPaths
from relationship_journal.resources import resource
from relationship_journal.store.demo import populate_demo
from relationship_journal.store.journal import Journal
from relationship_journal.ui.contact.timeline import TimelineModel, other_items
from relationship_journal.ui.contacts.model import ContactsTableModel
from relationship_journal.ui.context import JournalContext

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _demo_context(journal: Journal, paths: JournalPaths) -> JournalContext:
    populate_demo(journal, resource("demo", "demo_journal.json"), date(2026, 11, 24), NOW)
    return JournalContext(journal, paths, is_demo=True, clock=FixedClock(NOW))


def test_the_contacts_model_keeps_the_contract(
    journal: Journal, paths: JournalPaths, qtmodeltester: ModelTester
) -> None:
    model = ContactsTableModel(_demo_context(journal, paths))
    assert model.rowCount() == 0  # nothing is read before the list is wanted
    model.reload()
    assert model.rowCount() > 20
    qtmodeltester.check(model)
    model.sort(5, Qt.SortOrder.DescendingOrder)
    model.set_filter(ContactFilter(text="a"))
    qtmodeltester.check(model)


def test_the_timeline_model_keeps_the_contract(
    journal: Journal, paths: JournalPaths, qtmodeltester: ModelTester
) -> None:
    context = _demo_context(journal, paths)
    qtmodeltester.check(TimelineModel())
    model = TimelineModel()
    everyone = ids_in_order(context.ws, ContactFilter(), "name", False)
    busiest = max(everyone, key=lambda i: len(contact_file(context.ws, i).entries))
    # Pages of three entries, so the tester's fetchMore reads the next one.
    file = contact_file(context.ws, busiest, entry_limit=3)
    assert file.more_entries
    model.set_timeline(
        file.entries,
        other_items(file),
        lambda after: older_entries(context.ws, busiest, after, 3),
    )
    assert model.rowCount() >= 3
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.entry_count() == len(contact_file(context.ws, busiest).entries) > 5
    qtmodeltester.check(model)
