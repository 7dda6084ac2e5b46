"""Setting, changing and removing the journal's passphrase, for the journal and its copies.

The journal, its backups and its drafts move together: a backup left in plain text would
defeat the passphrase, and one under a forgotten passphrase would be lost. Each file is
converted on its own with one atomic rename (``cipher.reencrypt``), the journal first.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from relationship_journal.store.backups import backups_of
from relationship_journal.store.cipher import JournalKey, connect, has_sqlite_header, reencrypt
from relationship_journal.store.errors import WrongPassphraseError


def is_under(path: Path, key: JournalKey | None) -> bool:
    """Whether ``path`` opens with ``key`` (None: whether it is a plain SQLite file)."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    if key is None:
        return has_sqlite_header(path)
    if has_sqlite_header(path):
        return False
    with path.open("rb") as handle:
        if handle.read(len(key.salt)) != key.salt:
            return False
    try:
        connect(path, key, read_only=True).close()
    except WrongPassphraseError:
        return False
    return True


def change_encryption(
    journal: Path,
    backup_dir: Path,
    old: JournalKey | None,
    new: JournalKey | None,
    companions: Iterable[Path] = (),
) -> list[Path]:
    """Put the closed ``journal``, every backup of it under ``old`` and each companion
    database (drafts) under ``new``. Returns the files converted, the journal first.

    Backups made under some other passphrase are left as they are: they still open with it.
    """
    if not is_under(journal, old):
        raise WrongPassphraseError(journal)
    reencrypt(journal, old, new, journal_mode="WAL")
    converted = [journal]
    for path in [*backups_of(backup_dir, journal.stem), *companions]:
        if is_under(path, old):
            reencrypt(path, old, new)
            converted.append(path)
    return converted
