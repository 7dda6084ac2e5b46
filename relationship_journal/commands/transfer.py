"""Import, export, backup and restore from the command line."""

from __future__ import annotations

import argparse
import sys
from contextlib import suppress
from pathlib import Path

from relationship_journal.commands.agenda import export_ics
from relationship_journal.commands.input_files import open_input
from relationship_journal.commands.passphrase import key_for_file, read_passphrase
from relationship_journal.exchange.csv_formats import ColumnMapping
from relationship_journal.exchange.csv_import import mapping_to_complete, read_header
from relationship_journal.exchange.decoding import decode_text, read_head, read_import_bytes
from relationship_journal.exchange.export_all import export_to_file
from relationship_journal.exchange.import_plan import Decision, apply, looks_like_json, preview
from relationship_journal.exchange.json_archive import MAX_ARCHIVE_BYTES, import_archive
from relationship_journal.exchange.records import ImportFileError
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.backup_names import backups_of, timestamped_name
from relationship_journal.store.backups import backup_before, checked_copy, is_journal_copy
from relationship_journal.store.cipher import JournalKey, connect, database_errors, looks_encrypted
from relationship_journal.store.encryption import is_under, salt_of
from relationship_journal.store.errors import InvalidInputError, WrongPassphraseError
from relationship_journal.store.inspection import check_place
from relationship_journal.store.journal import Journal
from relationship_journal.store.output_files import check_target
from relationship_journal.store.restore import restore

# Problems listed one per line; beyond this many only their number is given.
MAX_LISTED_PROBLEMS = 200


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
            return _import_json(journal, path, args)
        with journal.reading() as session:
            plan = preview(session, path, _mapping(path, args))
    except ImportFileError as error:
        raise InvalidInputError(f"cannot import {path}: {error}") from None
    refusals = plan.refusals
    if refusals and not args.skip_invalid:
        _list_problems([str(problem) for problem in plan.problems], len(plan.problems))
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


def _list_problems(problems: list[str], total: int) -> None:
    for problem in problems[:MAX_LISTED_PROBLEMS]:
        print(f"relationship-journal: {problem}", file=sys.stderr)
    if total > MAX_LISTED_PROBLEMS:
        print(
            f"relationship-journal: … and {total - MAX_LISTED_PROBLEMS} more problem(s)",
            file=sys.stderr,
        )


def _import_json(journal: Journal, path: Path, args: argparse.Namespace) -> int:
    with (
        open_input(path, "JSON export", MAX_ARCHIVE_BYTES) as source,
        journal.transaction() as session,
    ):
        report = import_archive(session, source, clock.now())
        keep = not args.dry_run and (args.skip_invalid or not report.problem_count)
        if not keep:
            session.rollback()
    if report.problem_count and not args.skip_invalid:
        _list_problems(report.problems, report.problem_count)
        print(
            f"relationship-journal: {report.problem_count} problem(s) in {path.name}; nothing "
            "was imported (use --skip-invalid to import the valid records)",
            file=sys.stderr,
        )
        return 1
    if args.dry_run:
        print(f"JSON export with {report.contacts} contact(s) (dry run: nothing written)")
        for problem in report.problems:
            print(f"  {problem}")
        return 0
    print(f"Restored {report.contacts} contact(s) from {path.name}")
    for problem in report.problems:
        print(f"  skipped {problem}")
    return 0


def export_command(journal: Journal, args: argparse.Namespace, _paths: JournalPaths) -> int:
    target = Path(args.file)
    if args.format == "ics":
        count = export_ics(journal, target, args.days, args.force)
        print(f"Exported {count} moment(s) of the next {args.days} days to {target}")
        return 0
    count = export_to_file(journal, args.format, target, args.force)
    print(f"Exported {count} contact(s) to {target}")
    return 0


def backup_command(journal: Journal, args: argparse.Namespace, paths: JournalPaths) -> int:
    if not args.file:
        made = backup_before(journal.path, paths.backups, "manual", journal.key)
        print(f"Backed up to {made}")
        return 0
    target = Path(args.file)
    if target.is_dir() and not target.is_symlink():
        target = target / timestamped_name(journal.path.stem, "manual")
    check_target(target, lambda found: is_journal_copy(found, journal.key), args.force)
    made = checked_copy(journal.path, target, journal.key, paths.backups)
    print(f"Backed up to {made}")
    return 0


def restore_command(paths: JournalPaths, args: argparse.Namespace, demo: bool) -> int:
    """Restore runs with the journal closed everywhere: it replaces the file. It never opens
    the journal (which may be damaged): its passphrase is checked against its first page,
    or a backup under the same salt, when the first page cannot tell."""
    target = paths.demo if demo else paths
    backup = Path(args.file)
    check_place(target.journal)
    journal_key = key_for_file(target.journal, args.passphrase_file)
    if journal_key is not None and not _key_fits(target.journal, journal_key, target.backups):
        raise WrongPassphraseError(target.journal)
    backup_key = None
    if backup.is_file() and looks_encrypted(backup):
        # Backups share the journal's passphrase unless it was changed since.
        backup_key = (
            JournalKey.for_file(backup, read_passphrase(backup, args.passphrase_file))
            if journal_key is None or not is_under(backup, journal_key)
            else journal_key
        )
    kept = restore(backup, target.journal, target.backups, journal_key, backup_key)
    print(f"Restored {target.journal} from {backup}; the journal as it was is in {kept}")
    return 0


def _key_fits(journal: Path, key: JournalKey, backup_dir: Path) -> bool:
    with suppress(WrongPassphraseError, *database_errors()):
        connect(journal, key, read_only=True).close()
        return True
    alike = [b for b in backups_of(backup_dir, journal.stem) if salt_of(b) == key.salt.hex()]
    return not alike or any(is_under(b, key) for b in alike)
