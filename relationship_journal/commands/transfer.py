"""Import, export, backup and restore from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from relationship_journal.commands.agenda import export_ics
from relationship_journal.commands.passphrase import key_for_file, read_passphrase
from relationship_journal.exchange.export_all import export_to_file
from relationship_journal.exchange.import_plan import Decision, apply, preview
from relationship_journal.exchange.json_archive import import_json
from relationship_journal.exchange.records import ImportFileError
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.backups import backup_before, copy_database
from relationship_journal.store.cipher import JournalKey, looks_encrypted
from relationship_journal.store.encryption import is_under
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.journal import Journal
from relationship_journal.store.lock import journal_lock
from relationship_journal.store.restore import restore


def import_command(journal: Journal, args: argparse.Namespace, _paths: JournalPaths) -> int:
    path = Path(args.file)
    try:
        if path.suffix.lower() == ".json":
            return _import_json(journal, path, args.dry_run)
        with journal.reading() as session:
            plan = preview(session, path)
    except ImportFileError as error:
        raise InvalidInputError(f"cannot import {path}: {error}") from None
    problems = plan.problems
    if problems and not args.skip_invalid:
        for problem in problems:
            print(f"relationship-journal: {problem}", file=sys.stderr)
        print(
            f"relationship-journal: {len(problems)} problem(s) in {path.name}; nothing was "
            "imported (use --skip-invalid to import the valid records)",
            file=sys.stderr,
        )
        return 1
    decisions = plan.default_decisions()
    new = decisions.count(Decision.NEW)
    merge = decisions.count(Decision.MERGE)
    skip = decisions.count(Decision.SKIP)
    summary = (
        f"{plan.format_name}: {len(plan.records)} record(s): {new} new, {merge} to merge with "
        f"people already in the journal, {skip} skipped"
    )
    if args.dry_run:
        print(f"{summary} (dry run: nothing written)")
        for problem in problems:
            print(f"  {problem}")
        return 0
    now = clock.now()
    with journal.transaction() as session:
        result = apply(session, plan, decisions, now)
    print(
        f"Imported from {path.name}: {result.created} new, {result.merged} merged, "
        f"{result.skipped} skipped"
    )
    for problem in problems:
        print(f"  skipped {problem}")
    return 0


def _import_json(journal: Journal, path: Path, dry_run: bool) -> int:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFileError(f"cannot read it ({error})") from None
    with journal.engine.begin() as connection:
        count = import_json(connection, text)
        if dry_run:
            connection.rollback()
            print(f"JSON export with {count} contact(s) (dry run: nothing written)")
            return 0
    print(f"Restored {count} contact(s) from {path.name}")
    return 0


def export_command(journal: Journal, args: argparse.Namespace, _paths: JournalPaths) -> int:
    if args.format == "ics":
        count = export_ics(journal, Path(args.file), args.days)
        print(f"Exported {count} moment(s) of the next {args.days} days to {args.file}")
        return 0
    count = export_to_file(journal, args.format, Path(args.file))
    print(f"Exported {count} contact(s) to {args.file}")
    return 0


def backup_command(journal: Journal, args: argparse.Namespace, paths: JournalPaths) -> int:
    if args.file:
        made = copy_database(journal.path, Path(args.file), key=journal.key)
    else:
        made = backup_before(journal.path, paths.backups, "manual", journal.key)
    print(f"Backed up to {made}")
    return 0


def restore_command(paths: JournalPaths, args: argparse.Namespace, demo: bool) -> int:
    """Restore runs with the journal closed: it replaces the file's content."""
    target = paths.demo if demo else paths
    backup = Path(args.file)
    with journal_lock(target.journal):
        journal_key = key_for_file(target.journal, args.passphrase_file)
        backup_key = None
        if backup.exists() and looks_encrypted(backup):
            # Backups share the journal's passphrase unless it was changed since.
            backup_key = (
                JournalKey.for_file(backup, read_passphrase(backup, args.passphrase_file))
                if journal_key is None or not is_under(backup, journal_key)
                else journal_key
            )
        kept = restore(backup, target.journal, target.backups, journal_key, backup_key)
    print(f"Restored {target.journal} from {args.file}; the journal as it was is in {kept}")
    return 0
