"""A contact's balance chart, summed by SQLite per day, is the balance at each of its points."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta

from relationship_journal.domain import ledger
from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.store.balance_series import balance_series_of
from relationship_journal.store.cipher import JournalKey
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.encryption import change_encryption
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.ledger import EntryDraft, log_entry, value_history

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
TODAY = NOW.astimezone().date()
REACH_DAYS = 730  # the chart reaches back two years at most


def _sample_moment(day: date) -> datetime:
    return datetime.combine(day, ledger.SAMPLE_TIME, tzinfo=UTC)


def _log(journal: Journal, moments: list[tuple[datetime, int]]) -> int:
    with journal.transaction() as session:
        contact = create_contact(session, ContactDraft("Ingrid Sørensen"), NOW)
        assert contact.id is not None
        for at, value in moments:
            kind = "note" if value == 0 else "call"
            draft = EntryDraft([contact.id], at, f"Call on {at:%Y-%m-%d}", kind, value=value)
            log_entry(session, draft, NOW)
        return contact.id


def _history(rng: random.Random) -> list[tuple[datetime, int]]:
    """Three years of calls, notes among them, one logged ahead for next week, and two
    on the moment of chart points: one at it, one a microsecond after it."""
    start = TODAY - timedelta(days=REACH_DAYS)
    points = [start + timedelta(days=round(REACH_DAYS * k / 60)) for k in range(61)]
    moments = [
        (NOW - timedelta(days=rng.uniform(0, 3 * 365)), rng.choice((-3, -1, 0, 1, 2, 5)))
        for _ in range(250)
    ]
    moments.append((_sample_moment(points[30]), 4))
    moments.append((_sample_moment(points[40]) + timedelta(microseconds=1), -5))
    moments.append((NOW + timedelta(days=7), 3))
    return moments


def _assert_is_the_balance_at_each_point(journal: Journal, contact_id: int) -> None:
    with journal.reading() as session:
        series = balance_series_of(session, contact_id, TODAY)
        history = value_history(session, contact_id)
    first = min(at for at, _ in history).astimezone().date()
    start = max(first - timedelta(days=7), TODAY - timedelta(days=REACH_DAYS))
    assert len(series) == 61
    assert series[0][0] == start and series[-1][0] == TODAY
    for day, value in series:
        expected = ledger.balance(history, _sample_moment(day))
        assert math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-9), day


def test_each_point_is_the_balance_at_its_moment(journal: Journal) -> None:
    contact_id = _log(journal, _history(random.Random(5)))
    _assert_is_the_balance_at_each_point(journal, contact_id)


def test_a_young_relationship_starts_its_chart_a_week_before_the_first_call(
    journal: Journal,
) -> None:
    first = datetime(2026, 9, 3, 23, 30, tzinfo=UTC)
    contact_id = _log(journal, [(first, 2), (first + timedelta(days=20), -1)])
    with journal.reading() as session:
        series = balance_series_of(session, contact_id, TODAY)
    assert series[0] == (first.astimezone().date() - timedelta(days=7), 0.0)
    assert series[-1][0] == TODAY and series[-1][1] > 0


def test_notes_alone_draw_no_chart(journal: Journal) -> None:
    contact_id = _log(journal, [(NOW - timedelta(days=3), 0)])
    with journal.reading() as session:
        assert balance_series_of(session, contact_id, TODAY) == []


def test_an_encrypted_journal_draws_the_same_chart(paths: JournalPaths) -> None:
    """SQLCipher's SQLite has no exp(); the journal brings Python's."""
    journal = open_journal(paths.journal, paths.backups)
    contact_id = _log(journal, _history(random.Random(8)))
    with journal.reading() as session:
        plain = balance_series_of(session, contact_id, TODAY)
    journal.close()
    key = JournalKey.new("correct horse battery staple")
    change_encryption(paths.journal, paths.backups, None, key)
    encrypted = open_journal(paths.journal, paths.backups, key)
    try:
        with encrypted.reading() as session:
            assert balance_series_of(session, contact_id, TODAY) == plain
        _assert_is_the_balance_at_each_point(encrypted, contact_id)
    finally:
        encrypted.close()
