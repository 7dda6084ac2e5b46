"""Encryption at rest: SQLCipher through the ``sqlcipher3`` binding.

A journal is either plain SQLite or a SQLCipher file. An encrypted file starts with a random
16-byte salt instead of SQLite's header; everything after it is AES-256 pages with an HMAC
each, so without the key it reads as noise.

The app never keeps the passphrase. ``JournalKey.derive`` turns passphrase and salt into the
same 256-bit key SQLCipher 4 would derive (PBKDF2-HMAC-SHA512, 256,000 rounds); connections
are then keyed with that raw key and the salt, which skips the deliberately slow derivation
for every pooled connection and gives every copy (backups, drafts) the same salt, so one
passphrase opens them all.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from relationship_journal.store.errors import (
    DamagedJournalError,
    EncryptionUnavailableError,
    JournalUnwritableError,
    WrongPassphraseError,
)
from relationship_journal.store.private_files import create_private_file
from relationship_journal.store.problems import (
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    os_meaning,
    sqlite_code,
    sqlite_meaning,
)

SQLITE_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16
KEY_BYTES = 32
# SQLCipher 4's defaults: changing them would make files unreadable by other SQLCipher tools.
KDF_ROUNDS = 256_000
KDF_DIGEST = "sha512"
SMALLEST_PAGE = 512
MIN_PASSPHRASE_LENGTH = 8
LOST_PASSPHRASE = (
    "nobody can recover a lost passphrase. Without it the journal, its backups and its "
    "drafts are unreadable, to you as to anyone else."
)
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class JournalKey:
    """The raw key of an encrypted journal and the salt it was derived with."""

    secret: bytes = field(repr=False)
    salt: bytes

    @classmethod
    def derive(cls, passphrase: str, salt: bytes) -> JournalKey:
        secret = hashlib.pbkdf2_hmac(
            KDF_DIGEST, passphrase.encode("utf-8"), salt, KDF_ROUNDS, KEY_BYTES
        )
        return cls(secret, salt)

    @classmethod
    def new(cls, passphrase: str) -> JournalKey:
        """A key for a file about to be encrypted: a fresh random salt."""
        return cls.derive(passphrase, os.urandom(SALT_BYTES))

    @classmethod
    def for_file(cls, path: Path, passphrase: str) -> JournalKey:
        """The key ``passphrase`` gives for the encrypted file at ``path``."""
        with path.open("rb") as handle:
            salt = handle.read(SALT_BYTES)
        return cls.derive(passphrase, salt)

    def matches(self, passphrase: str) -> bool:
        """Whether ``passphrase`` is the one this key came from (for unlocking the window)."""
        return hmac.compare_digest(self.derive(passphrase, self.salt).secret, self.secret)

    @property
    def pragma_value(self) -> str:
        return f"\"x'{self.secret.hex()}{self.salt.hex()}'\""


def passphrase_problem(passphrase: str) -> str:
    """What is wrong with a new passphrase, or "" when it will do."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return f"The passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters."
    if passphrase.strip() != passphrase:
        return "The passphrase starts or ends with a space; remove it to avoid surprises."
    return ""


def is_available() -> bool:
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


def cipher_module() -> Any:
    """The SQLCipher DB-API module; imported only when an encrypted file is touched."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise EncryptionUnavailableError() from None
    return dbapi2


def database_errors() -> tuple[type[Exception], ...]:
    """Errors either binding raises for a file that is not what we expected."""
    errors: list[type[Exception]] = [sqlite3.DatabaseError]
    with contextlib.suppress(EncryptionUnavailableError):
        errors.append(cipher_module().DatabaseError)
    return tuple(errors)


def has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def looks_encrypted(path: Path) -> bool:
    """An encrypted journal has no SQLite header and is made of whole pages.

    Noise of any other length (a truncated file, a zip, a text file) is not one of ours.
    """
    size = path.stat().st_size
    return size >= SMALLEST_PAGE and size % SMALLEST_PAGE == 0 and not has_sqlite_header(path)


def connect(
    path: Path, key: JournalKey | None, read_only: bool = False, same_thread: bool = True
) -> Any:
    """A DB-API connection to ``path``: the standard library's for a plain file, SQLCipher's,
    keyed, for an encrypted one. Raises ``WrongPassphraseError`` when the key does not fit."""
    # A read-only open needs a URI; as_uri() escapes '#', '?' and '%' in folder names.
    target = path.absolute().as_uri() + "?mode=ro" if read_only else str(path)
    if key is None:
        return sqlite3.connect(target, uri=read_only, check_same_thread=same_thread)
    module = cipher_module()
    connection = module.connect(target, uri=read_only, check_same_thread=same_thread)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {key.pragma_value}")
        # Sorts and temporary indexes stay in memory, never in a plain temporary file.
        connection.execute("PRAGMA temp_store = MEMORY")
        # The key is only checked when the first page is read.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as error:
        connection.close()
        if sqlite_code(error) in (SQLITE_NOTADB, SQLITE_CORRUPT):
            raise WrongPassphraseError(path) from None
        raise  # the disk, not the key: the caller says what it means
    return connection


def remove_side_files(path: Path) -> None:
    for suffix in SIDE_FILES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def export_database(
    source: Path, old: JournalKey | None, target: Path, new: JournalKey | None
) -> None:
    """Write the whole database ``source`` (under ``old``) into the empty file ``target``
    under ``new``: SQLCipher's ``sqlcipher_export`` re-encrypts page by page, so no copy
    under any other key is ever written."""
    module = cipher_module()
    connection = module.connect(str(source))
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        if old is not None:
            connection.execute(f"PRAGMA key = {old.pragma_value}")
        # Sorts and temporary indexes of the copy stay in memory, never in a plain temp file.
        connection.execute("PRAGMA temp_store = MEMORY")
        try:
            application_id, user_version = (
                connection.execute("PRAGMA application_id").fetchone()[0],
                connection.execute("PRAGMA user_version").fetchone()[0],
            )
        except module.DatabaseError:
            raise WrongPassphraseError(source) from None
        target_key = "''" if new is None else new.pragma_value
        connection.execute(f"ATTACH DATABASE ? AS converted KEY {target_key}", (str(target),))
        connection.execute("SELECT sqlcipher_export('converted')")
        # sqlcipher_export copies tables and rows, not the header fields that name the file.
        connection.execute(f"PRAGMA converted.application_id = {int(application_id)}")
        connection.execute(f"PRAGMA converted.user_version = {int(user_version)}")
        connection.commit()
        connection.execute("DETACH DATABASE converted")
    finally:
        connection.close()


def reencrypt(
    path: Path, old: JournalKey | None, new: JournalKey | None, journal_mode: str = "DELETE"
) -> None:
    """Put the closed database at ``path`` under ``new`` (None: plain), safely.

    The converted copy is written beside the file, checked, flushed, then swapped in with one
    rename: a crash leaves either the old file or the new one, never half of each.
    """
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.converting")
    try:
        settle(path, old)
        create_private_file(temporary)
        export_database(path, old, temporary, new)
        finish_copy(temporary, new, journal_mode)
        os.replace(temporary, path)
        remove_side_files(path)
    except OSError as error:
        # A full disk or a vanished folder: the file itself was never touched.
        raise JournalUnwritableError(path, *os_meaning(error)) from error
    except database_errors() as error:
        meaning = sqlite_meaning(error, path)
        if meaning is None:
            raise DamagedJournalError(path, str(error)) from error
        raise JournalUnwritableError(path, *meaning) from error
    finally:
        temporary.unlink(missing_ok=True)
        remove_side_files(temporary)


def finish_copy(path: Path, key: JournalKey | None, journal_mode: str) -> None:
    """Check a fresh copy page by page, set its journal mode and flush it to the disk."""
    check = connect(path, key)
    try:
        result = check.execute("PRAGMA quick_check").fetchone()[0]
        check.execute(f"PRAGMA journal_mode = {journal_mode}").fetchone()
    finally:
        check.close()
    if result != "ok":
        raise DamagedJournalError(path, f"its converted copy failed the check: {result}")
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def settle(path: Path, key: JournalKey | None) -> None:
    """Fold any write-ahead log into the file itself, so that the file alone is the whole
    database and no stale log can be replayed onto a replacement."""
    connection = connect(path, key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        connection.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        connection.close()
