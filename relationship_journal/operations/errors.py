"""The known problems a use case can meet, each with its message for the user. Anything
else that goes wrong is a bug, shown as one with its details."""

from __future__ import annotations

from relationship_journal.exchange.records import ImportFileError, UnsureColumnsError
from relationship_journal.store.cipher import database_errors
from relationship_journal.store.errors import (
    DamagedJournalError,
    InvalidInputError,
    JournalError,
    NotFoundError,
    PassphraseNeededError,
    UnlockCancelledError,
    WrongPassphraseError,
)
from relationship_journal.store.problems import os_meaning, sqlite_meaning

__all__ = [
    "DamagedJournalError",
    "ImportFileError",
    "InvalidInputError",
    "JournalError",
    "NotFoundError",
    "PassphraseNeededError",
    "UnlockCancelledError",
    "UnsureColumnsError",
    "WrongPassphraseError",
]


def is_known(error: BaseException) -> bool:
    """A problem of the environment or of the user's input (its message says what to do),
    as opposed to a bug."""
    return isinstance(error, JournalError | ImportFileError)


def environment_problem(error: BaseException) -> str:
    """The message for a problem of the machine (disk, file system, memory, the database
    file) that reached no handler; "" for anything else, which is a bug."""
    if isinstance(error, OSError):
        cause, advice = os_meaning(error)
        where = f" {error.filename}" if error.filename else ""
        return f"cannot go on:{where} {cause}. {advice}"
    if isinstance(error, database_errors()) and sqlite_meaning(error) is not None:
        cause, advice = sqlite_meaning(error) or ("", "")
        return f"cannot go on: the journal database reports that {cause}. {advice}"
    if isinstance(error, MemoryError):
        return "cannot go on: the computer ran out of memory. Close other programs and retry."
    return ""
