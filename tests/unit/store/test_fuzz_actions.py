"""Random sequences of user actions on a real journal keep every invariant, after each action."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from relationship_journal.domain import ledger, profile
from relationship_journal.domain.contact import ContactDraft, FieldError
from relationship_journal.store.contacts import (
    create_contact,
    get_contact,
    restore_contacts,
    trash_contacts,
)
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.facts import current_facts, record_fact
from relationship_journal.store.journal import open_journal
from relationship_journal.store.ledger import EntryDraft, delete_entry, log_entry, update_entry
from relationship_journal.store.promises import add_promise, set_promise_status

pytestmark = pytest.mark.slow

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
texts = st.text(min_size=0, max_size=40)
topic_keys = st.sampled_from([t.key for t in profile.TOPICS])


class JournalActions(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="rj-fuzz-"))
        self.journal = open_journal(self.folder / "journal.sqlite", self.folder / "backups")
        self.contacts: list[int] = []
        self.entries: list[int] = []
        self.promises: list[int] = []

    def teardown(self) -> None:
        with self.journal.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        self.journal.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(name=texts)
    def add_contact(self, name: str) -> None:
        try:
            with self.journal.transaction() as session:
                self.contacts.append(create_contact(session, ContactDraft(name), NOW).id)  # type: ignore[arg-type]
        except FieldError as error:  # a name of only spaces or control characters
            assert error.field == "name"

    @precondition(lambda self: self.contacts)
    @rule(data=st.data(), days=st.integers(-5, 4000), value=st.integers(-5, 5), summary=texts)
    def log(self, data: st.DataObject, days: int, value: int, summary: str) -> None:
        who = data.draw(st.lists(st.sampled_from(self.contacts), min_size=1, max_size=3))
        draft = EntryDraft(who, NOW - timedelta(days=days), summary, value=value)
        try:
            with self.journal.transaction() as session:
                self.entries.append(log_entry(session, draft, NOW).id)  # type: ignore[arg-type]
        except InvalidInputError:
            pass  # an empty summary or a date out of range: refused, nothing written

    @precondition(lambda self: self.entries)
    @rule(data=st.data(), value=st.integers(-5, 5), days=st.integers(0, 900))
    def edit(self, data: st.DataObject, value: int, days: int) -> None:
        entry_id = data.draw(st.sampled_from(self.entries))
        who = data.draw(st.lists(st.sampled_from(self.contacts), min_size=1, max_size=2))
        with self.journal.transaction() as session:
            update_entry(
                session,
                entry_id,
                EntryDraft(who, NOW - timedelta(days=days), "Edited", value=value),
                NOW,
            )

    @precondition(lambda self: self.entries)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        entry_id = data.draw(st.sampled_from(self.entries))
        with self.journal.transaction() as session:
            delete_entry(session, entry_id)
        self.entries.remove(entry_id)

    @precondition(lambda self: self.contacts)
    @rule(data=st.data(), topic=topic_keys, text=texts)
    def answer(self, data: st.DataObject, topic: str, text: str) -> None:
        contact_id = data.draw(st.sampled_from(self.contacts))
        with self.journal.transaction() as session:
            record_fact(session, contact_id, topic, text, NOW)

    @precondition(lambda self: self.contacts)
    @rule(data=st.data(), trash=st.booleans())
    def trash_or_restore(self, data: st.DataObject, trash: bool) -> None:
        contact_id = data.draw(st.sampled_from(self.contacts))
        with self.journal.transaction() as session:
            if trash:
                trash_contacts(session, [contact_id], NOW)
            else:
                restore_contacts(session, [contact_id])

    @precondition(lambda self: self.contacts)
    @rule(
        data=st.data(),
        owner=st.sampled_from(["me", "them"]),
        status=st.sampled_from(["kept", "broken", "open"]),
    )
    def promise(self, data: st.DataObject, owner: str, status: str) -> None:
        contact_id = data.draw(st.sampled_from(self.contacts))
        with self.journal.transaction() as session:
            promise = add_promise(session, contact_id, "Send it", owner, NOW.date(), None)
            set_promise_status(session, promise.id, status, NOW.date())  # type: ignore[arg-type]

    @invariant()
    def balances_and_last_contact_follow_the_entries(self) -> None:
        with self.journal.engine.connect() as db:
            for contact_id, running, last in db.exec_driver_sql(
                "SELECT id, balance_sum, last_contact_at FROM contact"
            ):
                rows = db.exec_driver_sql(
                    "SELECT e.occurred_at, e.value, e.created_at FROM entry e JOIN "
                    "entry_contact ec ON ec.entry_id = e.id WHERE ec.contact_id = ?",
                    (contact_id,),
                ).all()
                moments = [datetime.fromisoformat(at).replace(tzinfo=UTC) for at, _, _ in rows]
                # An entry dated after it was logged counts from when it was logged.
                expected = sum(
                    ledger.term(v, m, datetime.fromisoformat(made))
                    for m, (_, v, made) in zip(moments, rows, strict=True)
                )
                assert running == pytest.approx(expected, rel=1e-9, abs=1e-6)
                newest = max(moments) if moments else None
                stored = datetime.fromisoformat(last).replace(tzinfo=UTC) if last else None
                assert stored == newest

    @invariant()
    def search_index_matches_the_rows(self) -> None:
        with self.journal.engine.connect() as db:
            live = db.exec_driver_sql(
                "SELECT count(*) FROM contact WHERE deleted_at IS NULL"
            ).scalar()
            indexed = db.exec_driver_sql(
                "SELECT count(*) FROM search_index_people WHERE kind = 'contact'"
            ).scalar()
            entries = db.exec_driver_sql("SELECT count(*) FROM entry").scalar()
            indexed_entries = db.exec_driver_sql(
                "SELECT count(*) FROM search_index_entries"
            ).scalar()
        assert (indexed, indexed_entries) == (live, entries)

    @invariant()
    def known_score_follows_the_answers(self) -> None:
        with self.journal.reading() as session:
            for contact_id in self.contacts:
                score = get_contact(session, contact_id).known_score
                facts = current_facts(session, contact_id)
                if facts or score:
                    assert score == profile.completeness(facts)


JournalActions.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_random_actions_keep_the_journal_consistent = JournalActions.TestCase
