"""The agenda's kept columns and indexed reads stay exact: random sequences of writes (log,
edit, delete, undo, import, trash and restore, birthdays, cadences, done and snoozed) leave
them equal to what a full recomputation gives, and Today's counts and first rows equal
to the full list of moments."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relationship_journal.domain import moments
from relationship_journal.domain.clock import FixedClock
from relationship_journal.domain.contact import ContactDraft
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.interaction import Interaction, PromiseMade
from relationship_journal.domain.ledger import DEFAULT_CADENCE_DAYS, EntryValue
from relationship_journal.domain.moments import Bucket, MomentKind, bucket
from relationship_journal.domain.taxonomy import Polarity
from relationship_journal.operations import agenda, capture, contacts, transfer
from relationship_journal.operations.workspace import Change, Workspace
from relationship_journal.paths import JournalPaths
from relationship_journal.store.agenda import SHOWN_FIRST, collect, due, sections
from relationship_journal.store.journal import open_journal

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
TODAY = NOW.date()
PEOPLE = 4
TIERS = ("key", "standard")

small = st.integers(min_value=0, max_value=PEOPLE - 1)
days_ago = st.integers(min_value=-20, max_value=200)
steps = st.one_of(
    st.tuples(st.just("log"), small, days_ago, st.integers(-3, 3), st.none() | days_ago),
    st.tuples(st.just("edit"), small, days_ago, st.integers(-3, 3)),
    st.tuples(st.just("delete"), small),
    st.tuples(st.just("undo")),
    st.tuples(st.just("import")),
    st.tuples(st.just("trash"), small),
    st.tuples(st.just("restore"), small),
    st.tuples(st.just("birthday"), small, st.integers(1, 12), st.integers(1, 29)),
    st.tuples(
        st.just("cadence"),
        small,
        st.none() | st.integers(1, 120),
        st.sampled_from(("key", "standard")),
    ),
    st.tuples(st.just("done"), small),
    st.tuples(st.just("snooze"), small, st.integers(1, 40)),
    st.tuples(
        st.just("notice"), st.none() | small, st.sampled_from(list(MomentKind)), st.integers(0, 60)
    ),
)


def _worth(value: int) -> EntryValue:
    if value == 0:
        return EntryValue(Polarity.NEUTRAL)
    return EntryValue(Polarity.DEPOSIT if value > 0 else Polarity.WITHDRAWAL, abs(value))


class Run:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        paths = JournalPaths(folder)
        self.journal = open_journal(folder / "journal.sqlite", folder / "backups")
        self.ws = Workspace(self.journal, paths, FixedClock(NOW))
        self.changes: list[Change] = []
        self.ids = [
            contacts.create(self.ws, ContactDraft(f"Person {n}", cadence_days=30)).value
            for n in range(PEOPLE)
        ]

    def keep(self, done: Any) -> None:
        if done.change is not None:
            self.changes.append(done.change)

    def step(self, step: tuple[Any, ...]) -> None:
        getattr(self, "do_" + step[0])(*step[1:])

    def do_log(self, who: int, ago: int, value: int, follow: int | None) -> None:
        done = capture.log_interaction(
            self.ws,
            Interaction(
                (self.ids[who],),
                NOW - timedelta(days=ago, hours=who),
                "call",
                "A call about things",
                _worth(value),
                follow_up_on=None if follow is None else TODAY - timedelta(days=follow),
                promise=PromiseMade("Send it", "me", TODAY + timedelta(days=value)),
            ),
        )
        self.keep(done)

    def _entries(self) -> list[int]:
        """The entries there are now (an undo may have taken one away)."""
        return self.ws.read(
            lambda s: [i for (i,) in s.connection().exec_driver_sql("SELECT id FROM entry")]
        )

    def do_edit(self, which: int, ago: int, value: int) -> None:
        entries = self._entries()
        if entries:
            entry = entries[which % len(entries)]
            was = capture.entry_for_editing(self.ws, entry)
            changed = Interaction(
                was.contact_ids, NOW - timedelta(days=ago), was.kind, was.summary, _worth(value)
            )
            self.keep(capture.edit_entry(self.ws, entry, changed))

    def do_delete(self, which: int) -> None:
        entries = self._entries()
        if entries:
            self.keep(capture.remove_entry(self.ws, entries[which % len(entries)]))

    def do_undo(self) -> None:
        if self.changes:
            self.ws.replay(self.changes.pop().inverse)

    def do_import(self) -> None:
        card = (
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported One\r\nN:One;Imported;;;\r\n"
            f"BDAY:--{TODAY.month:02d}{TODAY.day:02d}\r\nEND:VCARD\r\n"
        )
        source = self.folder / "cards.vcf"
        source.write_text(card, encoding="utf-8")
        plan = transfer.preview_import(self.ws, source)
        self.keep(transfer.run_import(self.ws, plan, plan.default_decisions()))

    def do_trash(self, who: int) -> None:
        self.keep(contacts.trash(self.ws, [self.ids[who]]))

    def do_restore(self, who: int) -> None:
        self.keep(contacts.restore(self.ws, [self.ids[who]]))

    def do_birthday(self, who: int, month: int, day: int) -> None:
        draft = contacts.draft_for_editing(self.ws, self.ids[who])
        draft.birthday = PartialDate(month, min(day, 28 if month == 2 else 30), 1980)
        self.keep(contacts.edit(self.ws, self.ids[who], draft))

    def do_cadence(self, who: int, cadence: int | None, tier: str) -> None:
        draft = contacts.draft_for_editing(self.ws, self.ids[who])
        draft.cadence_days, draft.tier = cadence, tier
        self.keep(contacts.edit(self.ws, self.ids[who], draft))

    def do_done(self, which: int) -> None:
        found = agenda.between(self.ws, TODAY, moments.HORIZON_DAYS)
        if found:
            self.keep(agenda.mark_done(self.ws, found[which % len(found)]))

    def do_snooze(self, which: int, days: int) -> None:
        found = agenda.between(self.ws, TODAY, moments.HORIZON_DAYS)
        if found:
            moment = found[which % len(found)]
            self.keep(agenda.snooze(self.ws, moment, TODAY + timedelta(days=days)))

    def do_notice(self, who: int | None, kind: MomentKind, days: int) -> None:
        contact = None if who is None else self.ids[who]
        self.keep(agenda.set_notice(self.ws, {kind: days}, contact))


def _lapses_are_recomputed(run: Run) -> None:
    """``lapse_at`` is the last contact plus the cadence (or the default), to the second."""
    with run.journal.reading() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT id, last_contact_at, cadence_days, lapse_at FROM contact"
        )
        for cid, last, cadence, lapse in rows:
            expected = None
            if last is not None:
                at = datetime.fromisoformat(last).replace(microsecond=0)
                expected = at + timedelta(days=cadence or DEFAULT_CADENCE_DAYS)
            assert (datetime.fromisoformat(lapse) if lapse else None) == expected, cid


LIMITS = {Bucket.OVERDUE: 3, Bucket.NEXT_30_DAYS: 2}


def _sections_match_the_full_list(run: Run) -> None:
    """Today's counts and first rows are those of the full list of moments."""
    with run.journal.reading() as session:
        everything = collect(session, TODAY)
        read = sections(session, TODAY, LIMITS)
        told = due(session, TODAY)
        ahead = collect(session, TODAY, moments.MAX_NOTICE_DAYS)
    # Notifications read each kind only as far ahead as anyone is told of it: the same.
    assert sorted(m.key for m in told) == sorted(
        m.key for m in moments.due_for_notice(ahead, TODAY)
    )
    counts = Counter(bucket(m.day, TODAY) for m in everything)
    for section in read:
        assert section.count == counts[section.bucket], section.bucket
        listed = [m for m in everything if bucket(m.day, TODAY) is section.bucket]
        limit = LIMITS.get(section.bucket, SHOWN_FIRST)
        assert [m.key for m in section.first] == [m.key for m in listed[:limit]]


def _birthdays_match_the_contacts(run: Run) -> None:
    """The birthdays the indexed read finds, recomputed from the live contacts alone."""
    with run.journal.reading() as session:
        everything = collect(session, TODAY)
        connection = session.connection()
        people = connection.exec_driver_sql(
            "SELECT id, display_name, birth_month, birth_day, birth_year FROM contact"
            " WHERE deleted_at IS NULL AND birth_month IS NOT NULL"
        ).all()
        stated = {key for (key,) in connection.exec_driver_sql("SELECT key FROM moment_state")}
    start = TODAY - timedelta(days=moments.BELATED_DAYS)
    end = TODAY + timedelta(days=moments.HORIZON_DAYS)
    expected = {
        m.key
        for cid, name, month, day, year in people
        for m in moments.birthdays(cid, name, PartialDate(month, day, year), start, end)
    }
    found = {m.key for m in everything if m.kind is MomentKind.BIRTHDAY}
    assert expected - stated <= found <= expected


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(steps, min_size=1, max_size=12))
def test_random_writes_keep_the_agenda_exact(sequence: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        run = Run(Path(folder))
        try:
            for step in sequence:
                run.step(step)
            _lapses_are_recomputed(run)
            _sections_match_the_full_list(run)
            _birthdays_match_the_contacts(run)
        finally:
            run.journal.close()


def test_a_journal_of_the_previous_version_gets_its_lapses(tmp_path: Path) -> None:
    """The migration fills the kept lapse of every contact already there."""
    fixture = Path(__file__).resolve().parents[2] / "data" / "journals" / "journal-0005.sqlite"
    shutil.copy(fixture, tmp_path / "journal.sqlite")
    run_journal = open_journal(tmp_path / "journal.sqlite", tmp_path / "backups")
    try:
        with run_journal.reading() as session:
            missing = session.connection().exec_driver_sql(
                "SELECT count(*) FROM contact WHERE last_contact_at IS NOT NULL"
                " AND lapse_at IS NULL"
            )
            assert missing.scalar() == 0
            filled = session.connection().exec_driver_sql(
                "SELECT count(*) FROM contact WHERE lapse_at IS NOT NULL"
            )
            assert filled.scalar() > 0
    finally:
        run_journal.close()
