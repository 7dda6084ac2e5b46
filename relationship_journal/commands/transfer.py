"""Import, export, backup and restore from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from relationship_journal.commands.agenda import export_ics
from relationship_journal.commands.passphrase import key_for_file, read_passphrase
from relationship_journal.exchange.csv_formats import ColumnMapping
from relationship_journal.exchange.csv_import import mapping_to_complete, read_header
from relationship_journal.exchange.decoding import decode_text, read_head, read_import_bytes
from relationship_journal.exchange.export_all import export_to_file
from relationship_journal.exchange.import_plan import Decision, apply, looks_like_json, preview
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


def _mapping(path: Path, args: argparse.Namespace) -> ColumnMapping | None:
    """The mapping ``--map`` and ``--date-order`` describe, starting from the guess."""
    if not args.map and not args.date_order:
        return None
    header = read_header(decode_text(read_import_bytes(path))[0])
    mapping, unplaced = mapping_to_complete(header)
    for item in args.map:
        column, equals, target = item.partition("=")
        if not equals or column.strip() not in header:
            listed = ", ".join(repr(c) for c in header)
            raise InvalidInputError(f"--map {item}: the file's columns are {listed}")
        try:
            mapping.assign(column.strip(), target)
        except ValueError as error:
            raise InvalidInputError(f"--map {item}: {error}") from None
    left = [c for c in unplaced if c not in mapping.used_columns() | mapping.ignored]
    if left:
        listed = ", ".join(repr(c) for c in left)
        raise InvalidInputError(
            f"cannot import {path}: still to place {listed} (--map COLUMN=FIELD, or =ignore)"
        )
    if args.date_order:
        mapping.day_first = args.date_order == "day-first"
    return mapping


def import_command(journal: Journal, args: argparse.Namespace, _paths: JournalPaths) -> int:
    path = Path(args.file)
    try:
        if looks_like_json(read_head(path)):
            return _import_json(journal, path, args.dry_run)
        with journal.reading() as session:
            plan = preview(session, path, _mapping(path, args))
    except ImportFileError as error:
        raise InvalidInputError(f"cannot import {path}: {error}") from None
    refusals = plan.refusals
    if refusals and not args.skip_invalid:
        for problem in plan.problems:
            print(f"relationship-journal: {problem}", file=sys.stderr)
        print(
            f"relationship-journal: {len(refusals)} record(s) in {path.name} have nothing to "
            "know a person by; nothing was imported (use --skip-invalid to import the others)",
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
    notes = [*plan.problems, *plan.duplicates()]
    if args.dry_run:
        print(f"{summary} (dry run: nothing written)")
        for note in notes:
            print(f"  {note}")
        return 0
    now = clock.now()
    with journal.transaction() as session:
        result = apply(session, plan, decisions, now)
    print(
        f"Imported from {path.name}: {result.created} new, {result.merged} merged, "
        f"{result.skipped} skipped"
    )
    for note in notes:
        print(f"  {note}")
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
