"""Search finds what was written, by prefix and without accents, and stays in step."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.store.contacts import (
    create_contact,
    draft_of,
    get_contact,
    purge_contacts,
    trash_contacts,
    update_contact,
)
from relationship_journal.store.facts import record_fact
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.ledger import EntryDraft, delete_entry, log_entry
from relationship_journal.store.promises import add_promise
from relationship_journal.store.reminders import add_reminder
from relationship_journal.store.search import (
    INDEXES,
    KIND_BITS,
    PEOPLE_CODES,
    HitKind,
    match_query,
    plain,
    search,
)

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _found(journal: Journal, text: str) -> list[tuple[HitKind, str]]:
    with journal.reading() as session:
        return [(hit.kind, plain(hit.title)) for hit in search(session, text)]


def test_prefix_and_accent_insensitive(journal: Journal) -> None:
    with journal.transaction() as session:
        create_contact(session, ContactDraft("Jürgen Müller", organisation="Nörthwind"), NOW)
    assert _found(journal, "jurg") == [(HitKind.CONTACT, "Jürgen Müller")]
    assert _found(journal, "MÜLL") == [(HitKind.CONTACT, "Jürgen Müller")]
    assert (HitKind.ORGANISATION, "Nörthwind") in _found(journal, "northw")
    assert _found(journal, "jurgen zzz") == []


def test_index_follows_every_change(journal: Journal) -> None:
    with journal.transaction() as session:
        contact = create_contact(
            session, ContactDraft("Anna Lind", emails=[Labelled("anna@kestrel.example")]), NOW
        )
        contact_id = contact.id
        assert contact_id is not None
        record_fact(session, contact_id, "hobbies", "Bouldering in Fontainebleau", NOW)
        entry = log_entry(session, EntryDraft([contact_id], NOW, "Workshop on routing"), NOW)
    assert _found(journal, "kestrel") == [(HitKind.CONTACT, "Anna Lind")]
    assert _found(journal, "fontaine") == [(HitKind.PROFILE, "Anna Lind — Hobbies")]
    assert _found(journal, "routing") == [(HitKind.ENTRY, "Workshop on routing")]
    with journal.transaction() as session:
        draft = draft_of(session, get_contact(session, contact_id))
        draft.display_name = "Anna Lindqvist"
        update_contact(session, contact_id, draft, NOW)
        delete_entry(session, entry.id)  # type: ignore[arg-type]
    assert _found(journal, "lindqv") == [(HitKind.CONTACT, "Anna Lindqvist")]
    assert _found(journal, "routing") == []
    with journal.transaction() as session:
        trash_contacts(session, [contact_id], NOW)
    assert _found(journal, "lindqv") == []
    assert _found(journal, "fontaine") == []
    with journal.transaction() as session:
        purge_contacts(session, [contact_id])
    with journal.reading() as session:
        rows = sum(
            session.connection().exec_driver_sql(f"SELECT count(*) FROM {index}").scalar() or 0
            for index in set(INDEXES.values())
        )
    assert rows == 0


def test_odd_input_never_breaks_the_query() -> None:
    assert match_query('"; DROP TABLE contact; --') == '"drop"* "table"* "contact"*'
    assert match_query("   ") == ""
    assert match_query("O'Neill") == '"o"* "neill"*'


def test_words_that_name_a_kind_match_only_what_was_written(journal: Journal) -> None:
    with journal.transaction() as session:
        create_contact(session, ContactDraft("Anna Lind", notes="Met at the entry hall"), NOW)
    assert _found(journal, "contact") == []
    assert _found(journal, "entry") == [(HitKind.CONTACT, "Anna Lind")]


def _seed_people(journal: Journal) -> dict[str, int]:
    people = {
        "Jürgen Müller": {"organisation": "Northwind", "title": "VP Operations"},
        "Karin Øberg": {"organisation": "Fjord Shipping"},
        "Lars Oberg": {},
        "Anna Lind": {"notes": "Logistics summit in Hamburg"},
    }
    with journal.transaction() as session:
        return {
            name: create_contact(session, ContactDraft(name, **extra), NOW).id  # type: ignore[misc]
            for name, extra in people.items()
        }


def _titles(journal: Journal, text: str, kind: HitKind = HitKind.CONTACT) -> list[str]:
    with journal.reading() as session:
        return [plain(hit.title) for hit in search(session, text) if hit.kind is kind]


def test_inside_words_typos_and_accents_both_ways(journal: Journal) -> None:
    _seed_people(journal)
    assert _titles(journal, "ller") == ["Jürgen Müller"]
    assert _titles(journal, "jurgn") == ["Jürgen Müller"]
    assert _titles(journal, "jurgen mulelr") == ["Jürgen Müller"]
    assert sorted(_titles(journal, "Øberg")) == ["Karin Øberg", "Lars Oberg"]
    assert sorted(_titles(journal, "oberg")) == ["Karin Øberg", "Lars Oberg"]
    assert _titles(journal, "hipping", HitKind.ORGANISATION) == ["Fjord Shipping"]
    assert _titles(journal, "xqzv") == []


def test_subtitles_read_plainly_with_the_match_marked(journal: Journal) -> None:
    _seed_people(journal)
    with journal.reading() as session:
        jurgen = search(session, "mül")[0]
        anna = search(session, "hamburg")[0]
    assert jurgen.title == "Jürgen \x02Müller\x03"
    assert jurgen.detail == "VP Operations at Northwind"
    assert plain(anna.title) == "Anna Lind" and "\x02Hamburg\x03" in anna.detail


def test_promises_and_reminders_are_searched(journal: Journal) -> None:
    ids = _seed_people(journal)
    with journal.transaction() as session:
        add_promise(session, ids["Anna Lind"], "Send the routing deck", "me", NOW.date(), None)
        add_reminder(session, "Book the Hamburg hotel", NOW, contact_id=ids["Anna Lind"])
        add_reminder(session, "Renew the routing licence", NOW)
    with journal.reading() as session:
        hits = [(h.kind, plain(h.title), h.detail) for h in search(session, "routing")]
    assert hits == [
        (HitKind.PROMISE, "Send the routing deck", "You promised Anna Lind"),
        (HitKind.REMINDER, "Renew the routing licence", NOW.date().isoformat()),
    ]
    assert _titles(journal, "hotel", HitKind.REMINDER) == ["Book the Hamburg hotel"]


def test_each_index_row_is_keyed_by_what_it_indexes(tmp_path: Path) -> None:
    """Each kind has its own index, and the triggers find a row by its row id (migration
    0008): every row, migrated or written since, has the key they expect."""
    fixture = Path(__file__).resolve().parents[2] / "data" / "journals" / "journal-0007.sqlite"
    shutil.copy(fixture, tmp_path / "journal.sqlite")
    journal = open_journal(tmp_path / "journal.sqlite", tmp_path / "backups")
    try:
        with journal.transaction() as session:
            contact_id = create_contact(session, ContactDraft("Wanda Quist"), NOW).id
            assert contact_id is not None
            add_promise(session, contact_id, "Send the zeppelin deck", "me", NOW.date(), None)
            entry = log_entry(session, EntryDraft([contact_id], NOW, "Zeppelin review"), NOW)
            draft = draft_of(session, get_contact(session, contact_id))
            draft.notes = "Collects zeppelin models"
            update_contact(session, contact_id, draft, NOW)
        with journal.transaction() as session:
            delete_entry(session, entry.id)  # type: ignore[arg-type]
        with journal.reading() as session:
            rows = [
                (kind, index, *row)
                for kind, index in INDEXES.items()
                for row in session.connection().exec_driver_sql(
                    f"SELECT rowid, ref_id FROM {index} WHERE kind = '{kind}'"
                )
            ]
    finally:
        journal.close()
    assert {kind for kind, *_ in rows} == set(INDEXES)
    expected = {kind: PEOPLE_CODES.get(kind, 0) << KIND_BITS for kind in INDEXES}
    assert [row for row in rows if row[2] != expected[row[0]] + row[3]] == []
    assert _kinds_found(tmp_path, "zeppelin") == [HitKind.CONTACT, HitKind.PROMISE]


def _kinds_found(folder: Path, text: str) -> list[HitKind]:
    journal = open_journal(folder / "journal.sqlite", folder / "backups")
    try:
        with journal.reading() as session:
            return [hit.kind for hit in search(session, text)]
    finally:
        journal.close()
