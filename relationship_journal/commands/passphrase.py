"""The passphrase of an encrypted journal on the command line: from ``--passphrase-file``
(its first line), else asked on the terminal without echo."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from relationship_journal.store.cipher import JournalKey, looks_encrypted
from relationship_journal.store.errors import InvalidInputError, PassphraseNeededError


def read_passphrase(path: Path, passphrase_file: str | None) -> str:
    if passphrase_file:
        try:
            lines = Path(passphrase_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise InvalidInputError(f"cannot read the passphrase file: {error}") from None
        return lines[0] if lines else ""
    if sys.stdin.isatty():
        return getpass.getpass(f"Passphrase for {path}: ")
    raise PassphraseNeededError(path)


def key_for_file(path: Path, passphrase_file: str | None) -> JournalKey | None:
    """None for a plain (or missing) file; the key from the user's passphrase otherwise."""
    if not path.exists() or not looks_encrypted(path):
        return None
    return JournalKey.for_file(path, read_passphrase(path, passphrase_file))
