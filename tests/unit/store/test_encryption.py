"""The optional passphrase: what lands on disk, what opens with what, and that nothing is
lost on the way in or out of encryption."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlmodel import select

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.backups import backup_before, backups_of, daily_backup_if_due
from relationship_journal.store.cipher import JournalKey, cipher_module, has_sqlite_header
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.drafts import DraftStore
from relationship_journal.store.encryption import change_encryption, is_under
from relationship_journal.store.errors import (
    JournalUnwritableError,
    NotAJournalError,
    PassphraseNeededError,
    WrongPassphraseError,
)
from relationship_journal.store.journal import open_journal
from relationship_journal.store.models import Contact
from relationship_journal.store.restore import restore, verify
from relationship_journal.store.search import search

SECRET = "Kestrel merger codename Bluefin"
PASSPHRASE = "correct horse battery staple"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(paths: JournalPaths) -> None:
    """A journal with a contact, a secret note, a backup and a draft on disk."""
    journal = open_journal(paths.journal, paths.backups)
    with journal.transaction() as session:
        create_contact(session, ContactDraft("Ingrid Sørensen", notes=SECRET), clock.now())
    journal.close()
    backup_before(paths.journal, paths.backups, "manual")
    DraftStore(paths.drafts).save("log", {"summary": f"About {SECRET}"})


def _files(paths: JournalPaths) -> list[Path]:
    found = [paths.journal, paths.drafts, *backups_of(paths.backups, paths.journal.stem)]
    return [p for p in found if p.exists()]


def _encrypt(paths: JournalPaths, passphrase: str = PASSPHRASE) -> JournalKey:
    key = JournalKey.new(passphrase)
    change_encryption(paths.journal, paths.backups, None, key, companions=[paths.drafts])
    return key


def test_encrypted_journal_backups_and_drafts_show_no_word_on_disk(paths: JournalPaths) -> None:
    _fill(paths)
    assert any(SECRET.encode() in p.read_bytes() for p in _files(paths))  # plain before
    _encrypt(paths)
    files = _files(paths)
    assert len(files) == 3
    for path in files:
        data = path.read_bytes()
        assert not has_sqlite_header(path), path
        for word in (SECRET, "Bluefin", "Ingrid", "Sørensen"):
            assert word.encode() not in data, (path, word)
        assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    assert not list(paths.data_dir.glob("*.converting"))


def test_the_passphrase_opens_journal_backup_and_drafts(paths: JournalPaths) -> None:
    _fill(paths)
    _encrypt(paths)
    key = JournalKey.for_file(paths.journal, PASSPHRASE)
    journal = open_journal(paths.journal, paths.backups, key)
    try:
        assert journal.encrypted
        with journal.reading() as session:
            assert [c.notes for c in session.exec(select(Contact))] == [SECRET]
            # The full-text index came along, searched by prefix as before.
            assert [hit.contact_id for hit in search(session, "ingr")] == [1]
        with journal.transaction() as session:
            create_contact(session, ContactDraft("Marta Kowalska"), clock.now())
    finally:
        journal.close()
    (backup,) = backups_of(paths.backups, paths.journal.stem)
    assert verify(backup, JournalKey.for_file(backup, PASSPHRASE))
    drafts = DraftStore(paths.drafts, key).pending()
    assert [d.fields["summary"] for d in drafts] == [f"About {SECRET}"]


def test_without_or_with_a_wrong_passphrase_nothing_opens_or_changes(paths: JournalPaths) -> None:
    _fill(paths)
    _encrypt(paths)
    before = _digest(paths.journal)
    with pytest.raises(PassphraseNeededError):
        open_journal(paths.journal, paths.backups)
    with pytest.raises(WrongPassphraseError, match="does not open"):
        open_journal(paths.journal, paths.backups, JournalKey.for_file(paths.journal, "guess"))
    assert _digest(paths.journal) == before
    assert DraftStore(paths.drafts, None).pending() == []  # unreadable, never an error


def test_key_is_the_one_sqlcipher_derives_from_the_passphrase(paths: JournalPaths) -> None:
    """Other SQLCipher 4 tools (DB Browser for SQLite, the sqlcipher shell) open the journal
    with the passphrase alone."""
    _fill(paths)
    _encrypt(paths)
    connection = cipher_module().connect(str(paths.journal))
    try:
        connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
        names = connection.execute("SELECT display_name FROM contact").fetchall()
    finally:
        connection.close()
    assert names == [("Ingrid Sørensen",)]


def test_key_matches_only_its_passphrase() -> None:
    key = JournalKey.new(PASSPHRASE)
    assert key.matches(PASSPHRASE)
    assert not key.matches(PASSPHRASE.upper())
    assert PASSPHRASE not in repr(key) and key.secret.hex() not in repr(key)


def test_changing_the_passphrase_moves_journal_and_backups_along(paths: JournalPaths) -> None:
    _fill(paths)
    old = _encrypt(paths)
    new = JournalKey.new("a different passphrase")
    converted = change_encryption(paths.journal, paths.backups, old, new, [paths.drafts]).converted
    assert len(converted) == 3
    for path in converted:
        assert is_under(path, new) and not is_under(path, old)
    with pytest.raises(WrongPassphraseError):
        open_journal(paths.journal, paths.backups, JournalKey.for_file(paths.journal, PASSPHRASE))
    open_journal(paths.journal, paths.backups, new).close()


def test_removing_the_passphrase_gives_a_plain_journal_back(paths: JournalPaths) -> None:
    _fill(paths)
    key = _encrypt(paths)
    with pytest.raises(WrongPassphraseError):
        change_encryption(paths.journal, paths.backups, JournalKey.new("nope"), None)
    change_encryption(paths.journal, paths.backups, key, None, [paths.drafts])
    assert all(has_sqlite_header(path) for path in _files(paths))
    journal = open_journal(paths.journal, paths.backups)
    try:
        assert not journal.encrypted
        with journal.reading() as session:
            assert [c.display_name for c in session.exec(select(Contact))] == ["Ingrid Sørensen"]
    finally:
        journal.close()


def test_a_failed_conversion_leaves_the_journal_as_it_was(
    paths: JournalPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(paths)

    def power_cut(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(JournalUnwritableError, match="the disk is full"):
        _encrypt(paths)
    monkeypatch.undo()
    assert has_sqlite_header(paths.journal)
    assert not [p for p in paths.data_dir.iterdir() if "converting" in p.name]
    journal = open_journal(paths.journal, paths.backups)
    try:
        with journal.reading() as session:
            assert [c.notes for c in session.exec(select(Contact))] == [SECRET]
    finally:
        journal.close()


def test_daily_backups_of_an_encrypted_journal_are_encrypted(paths: JournalPaths) -> None:
    _fill(paths)
    key = _encrypt(paths)
    made = daily_backup_if_due(paths.journal, paths.backups, key=key)
    assert made is not None and SECRET.encode() not in made.read_bytes()
    assert verify(made, JournalKey.for_file(made, PASSPHRASE))


def test_restoring_a_plain_backup_keeps_the_journal_encrypted(paths: JournalPaths) -> None:
    _fill(paths)
    plain_copy = backup_before(paths.journal, paths.data_dir / "elsewhere", "manual")
    key = _encrypt(paths)
    journal = open_journal(paths.journal, paths.backups, key)
    with journal.transaction() as session:
        create_contact(session, ContactDraft("Added after the backup"), clock.now())
    journal.close()
    restore(plain_copy, paths.journal, paths.backups, journal_key=key, backup_key=None)
    assert is_under(paths.journal, key)
    journal = open_journal(paths.journal, paths.backups, key)
    try:
        with journal.reading() as session:
            assert [c.display_name for c in session.exec(select(Contact))] == ["Ingrid Sørensen"]
    finally:
        journal.close()


def test_noise_of_an_odd_length_is_still_not_a_journal(paths: JournalPaths) -> None:
    paths.journal.parent.mkdir(parents=True)
    paths.journal.write_bytes(os.urandom(4096 * 3 + 17))
    with pytest.raises(NotAJournalError):
        open_journal(paths.journal, paths.backups)


def test_folders_with_uri_characters_in_their_names_work(tmp_path: Path) -> None:
    paths = JournalPaths(tmp_path / "Clients #1 ?final 100%25")
    _fill(paths)
    key = _encrypt(paths)
    made = daily_backup_if_due(paths.journal, paths.backups, key=key)
    assert made is not None and verify(made, key)
    assert [d.key for d in DraftStore(paths.drafts, key).pending()] == ["log"]
    open_journal(paths.journal, paths.backups, key).close()
