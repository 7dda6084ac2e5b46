"""The passphrase of an encrypted journal on the command line: read from
``--passphrase-file`` (its first line), else asked on the terminal without echo; and the
``passphrase`` command that sets, changes or removes it, or finishes a change that was
interrupted."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from relationship_journal.operations.errors import InvalidInputError, PassphraseNeededError
from relationship_journal.operations.input_files import read_small_text
from relationship_journal.operations.privacy import (
    LOST_PASSPHRASE,
    ChangeResult,
    JournalKey,
    change_passphrase,
    check_place,
    is_under,
    key_for,
    looks_encrypted,
    new_key,
    passphrase_problem,
    unfinished,
)
from relationship_journal.paths import JournalPaths

MAX_PASSPHRASE_FILE = 64 * 1024


def read_passphrase(path: Path, passphrase_file: str | None) -> str:
    if passphrase_file:
        text = read_small_text(Path(passphrase_file), "passphrase file", MAX_PASSPHRASE_FILE)
        lines = text.splitlines()
        return lines[0] if lines else ""
    if sys.stdin.isatty():
        return getpass.getpass(f"Passphrase for {path}: ")
    raise PassphraseNeededError(path)


def key_for_file(path: Path, passphrase_file: str | None) -> JournalKey | None:
    """None for a plain (or missing) file; the key from the user's passphrase otherwise."""
    if not path.is_file() or not looks_encrypted(path):
        return None
    return key_for(path, read_passphrase(path, passphrase_file))


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
    """Set, change or remove the journal's passphrase, for the journal, its backups and its
    drafts; run again after an interruption, it finishes what was started."""
    if demo:
        raise InvalidInputError("the demo journal is never encrypted")
    journal = paths.journal
    check_place(journal)
    if not journal.is_file():
        raise InvalidInputError(f"there is no journal at {journal} yet")
    if args.action == "remove":
        return _remove(paths, args)
    new_passphrase = _new_passphrase(args, journal)
    passphrases = [new_passphrase]
    new = key_for(journal, new_passphrase) if looks_encrypted(journal) else None
    if new is not None and is_under(journal, new):
        old = None  # a change to this very passphrase was interrupted: finish it
        if args.passphrase_file:
            passphrases.append(read_passphrase(journal, args.passphrase_file))
    else:
        old = None
        if looks_encrypted(journal):
            current = read_passphrase(journal, args.passphrase_file)
            old = key_for(journal, current)
            passphrases.append(current)
        elif args.passphrase_file:  # copies left encrypted by an interrupted removal
            passphrases.append(read_passphrase(journal, args.passphrase_file))
        new = new_key(new_passphrase)
    result = change_passphrase(paths, old, new, passphrases)
    print(f"Encrypted {len(result.converted)} file(s) (journal, backups, drafts).")
    _mention_left_alone(result)
    print(f"Warning: {LOST_PASSPHRASE}")
    return 0


def _remove(paths: JournalPaths, args: argparse.Namespace) -> int:
    journal = paths.journal
    if not looks_encrypted(journal) and unfinished(journal) is None:
        print(f"{journal} is not encrypted; nothing to do")
        return 0
    # Encrypted, or plain already with copies still to decrypt after an interruption.
    current = read_passphrase(journal, args.passphrase_file)
    old = key_for(journal, current) if looks_encrypted(journal) else None
    result = change_passphrase(paths, old, None, [current])
    print(f"Removed the passphrase from {len(result.converted)} file(s): they are plain SQLite now")
    _mention_left_alone(result)
    return 0


def _mention_left_alone(result: ChangeResult) -> None:
    if result.left_alone:
        names = ", ".join(path.name for path in result.left_alone)
        print(
            f"Left as they were: {len(result.left_alone)} file(s) under an earlier passphrase "
            f"or not of this app ({names}); each still opens as before."
        )
