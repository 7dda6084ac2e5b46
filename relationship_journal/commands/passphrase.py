"""The passphrase of an encrypted journal on the command line: read from
``--passphrase-file`` (its first line), else asked on the terminal without echo; and the
``passphrase`` command that sets, changes or removes it."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from relationship_journal.paths import JournalPaths
from relationship_journal.store.cipher import (
    LOST_PASSPHRASE,
    JournalKey,
    looks_encrypted,
    passphrase_problem,
)
from relationship_journal.store.encryption import change_encryption
from relationship_journal.store.errors import InvalidInputError, PassphraseNeededError
from relationship_journal.store.lock import journal_lock


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


def _new_passphrase(args: argparse.Namespace, path: Path) -> str:
    if args.new_passphrase_file:
        chosen = read_passphrase(path, args.new_passphrase_file)
    elif sys.stdin.isatty():
        chosen = getpass.getpass("New passphrase: ")
        if getpass.getpass("Repeat it: ") != chosen:
            raise InvalidInputError("the two passphrases differ; nothing was changed")
    else:
        raise InvalidInputError("give the new passphrase with --new-passphrase-file FILE")
    problem = passphrase_problem(chosen)
    if problem:
        raise InvalidInputError(f"{problem} Nothing was changed.")
    return chosen


def passphrase_command(paths: JournalPaths, args: argparse.Namespace, demo: bool) -> int:
    """Set, change or remove the journal's passphrase; runs with the journal closed."""
    if demo:
        raise InvalidInputError("the demo journal is never encrypted")
    journal = paths.journal
    if not journal.exists():
        raise InvalidInputError(f"there is no journal at {journal} yet")
    with journal_lock(journal):
        old = key_for_file(journal, args.passphrase_file)
        if args.action == "remove":
            if old is None:
                print(f"{journal} is not encrypted; nothing to do")
                return 0
            new = None
        else:
            new = JournalKey.new(_new_passphrase(args, journal))
        converted = change_encryption(journal, paths.backups, old, new, [paths.drafts])
    if new is None:
        print(f"Removed the passphrase from {len(converted)} file(s): they are plain SQLite now")
    else:
        print(f"Encrypted {len(converted)} file(s) (journal, backups, drafts).")
        print(f"Warning: {LOST_PASSPHRASE}")
    return 0
