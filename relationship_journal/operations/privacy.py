"""The optional passphrase: encrypting the journal, its backups and drafts with it, changing
or removing it, and finishing a change that was interrupted."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from relationship_journal.paths import JournalPaths
from relationship_journal.store.cipher import (
    LOST_PASSPHRASE,
    MIN_PASSPHRASE_LENGTH,
    JournalKey,
    is_available,
    looks_encrypted,
    passphrase_problem,
)
from relationship_journal.store.encryption import (
    ChangeResult,
    change_encryption,
    is_under,
    unfinished,
)
from relationship_journal.store.inspection import check_place

__all__ = [
    "LOST_PASSPHRASE",
    "MIN_PASSPHRASE_LENGTH",
    "ChangeResult",
    "JournalKey",
    "check_place",
    "is_available",
    "is_under",
    "looks_encrypted",
    "passphrase_problem",
    "unfinished",
]


def change_passphrase(
    paths: JournalPaths,
    old: JournalKey | None,
    new: JournalKey | None,
    passphrases: Sequence[str] = (),
) -> ChangeResult:
    """Put the closed journal, its backups and its drafts under ``new`` (None: no passphrase).
    Each file changes whole or not at all; run again, it finishes an interrupted change."""
    return change_encryption(paths.journal, paths.backups, old, new, [paths.drafts], passphrases)


def key_for(path: Path, passphrase: str) -> JournalKey:
    """The key ``passphrase`` gives for the encrypted file ``path`` (its own salt)."""
    return JournalKey.for_file(path, passphrase)


def new_key(passphrase: str) -> JournalKey:
    """A key for a journal being encrypted now (a new salt)."""
    return JournalKey.new(passphrase)


def key_if_encrypted(path: Path, passphrase: str) -> JournalKey | None:
    """None for a plain (or missing) file; the key from ``passphrase`` otherwise."""
    if not path.is_file() or not looks_encrypted(path):
        return None
    return key_for(path, passphrase)
