"""Import, export, backup and restore from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from relationship_journal.commands.passphrase import key_for_file, read_passphrase
from relationship_journal.domain.wording import count_of
from relationship_journal.operations import journals, privacy, transfer
from relationship_journal.operations.errors import (
    ImportFileError,
    InvalidInputError,
    WrongPassphraseError,
)
from relationship_journal.operations.transfer import Decision
from relationship_journal.operations.workspace import Workspace
from relationship_journal.paths import JournalPaths

# Problems listed one per line; beyond this many only their number is given.
MAX_LISTED_PROBLEMS = 200


def import_command(ws: Workspace, args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        if transfer.is_archive(path):
            return _import_archive(ws, path, args)
        mapping = transfer.mapping_from_options(path, args.map, args.date_order)
        plan = transfer.preview_import(ws, path, mapping)
    except ImportFileError as error:
        raise InvalidInputError(f"cannot import {path}: {error}") from None
    refusals = plan.refusals
    if refusals and not args.skip_invalid:
        _list_problems([str(problem) for problem in plan.problems], len(plan.problems))
        print(
            f"relationship-journal: {count_of(len(refusals), 'record')} in {path.name} "
            f"{'has' if len(refusals) == 1 else 'have'} nothing to know a person by; nothing "
            "was imported (use --skip-invalid to import the others)",
            file=sys.stderr,
        )
        return 1
    decisions = plan.default_decisions()
    new = decisions.count(Decision.NEW)
    merge = decisions.count(Decision.MERGE)
    skip = decisions.count(Decision.SKIP)
    summary = (
        f"{plan.format_name}: {count_of(len(plan.records), 'record')}: {new} new, {merge} to "
        f"merge with people already in the journal, {skip} skipped"
    )
    notes = [*plan.problems, *plan.duplicates()]
    if args.dry_run:
        print(f"{summary} (dry run: nothing written)")
        for note in notes:
            print(f"  {note}")
        return 0
    result = transfer.run_import(ws, plan, decisions).value
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
        more = count_of(total - MAX_LISTED_PROBLEMS, "more problem")
        print(f"relationship-journal: … and {more}", file=sys.stderr)


def _terminal_progress(path: Path) -> transfer.Progress | None:
    """How far a load is, as a percentage rewritten in place, when a person is watching."""
    if not sys.stderr.isatty():
        return None
    shown = [-1]

    def show(done: int, total: int) -> None:
        percent = done * 100 // total if total else 0
        if percent != shown[0]:
            shown[0] = percent
            print(f"\rLoading {path.name}… {percent}%", end="", file=sys.stderr, flush=True)

    return show


def _import_archive(ws: Workspace, path: Path, args: argparse.Namespace) -> int:
    progress = _terminal_progress(path)
    try:
        report = transfer.load_archive(
            ws, path, args.skip_invalid, args.dry_run, progress=progress
        ).value
    finally:
        if progress is not None:
            print("\r\033[K", end="", file=sys.stderr, flush=True)  # the line cleared
    if report.problem_count and not args.skip_invalid:
        _list_problems(report.problems, report.problem_count)
        print(
            f"relationship-journal: {count_of(report.problem_count, 'problem')} in {path.name}; "
            "nothing was imported (use --skip-invalid to import the valid records)",
            file=sys.stderr,
        )
        return 1
    if args.dry_run:
        contacts = count_of(report.contacts, "contact")
        print(f"JSON export with {contacts} (dry run: nothing written)")
        for problem in report.problems:
            print(f"  {problem}")
        return 0
    print(f"Restored {count_of(report.contacts, 'contact')} from {path.name}")
    for problem in report.problems:
        print(f"  skipped {problem}")
    return 0


def export_command(ws: Workspace, args: argparse.Namespace) -> int:
    target = Path(args.file)
    if args.format == "ics":
        count = transfer.export_moments(ws, target, args.days, args.force)
        moments = count_of(count, "moment")
        print(f"Exported {moments} of the next {args.days} days to {target}")
        return 0
    count = transfer.export(ws, args.format, target, args.force)
    print(f"Exported {count_of(count, 'contact')} to {target}")
    return 0


def backup_command(ws: Workspace, args: argparse.Namespace) -> int:
    made = transfer.back_up(ws, Path(args.file) if args.file else None, args.force)
    print(f"Backed up to {made}")
    return 0


def restore_command(paths: JournalPaths, args: argparse.Namespace, demo: bool) -> int:
    """Restore runs with the journal closed everywhere: it replaces the file. It never opens
    the journal (which may be damaged): its passphrase is checked against its first page,
    or a backup under the same salt, when the first page cannot tell."""
    target = paths.demo if demo else paths
    backup = Path(args.file)
    privacy.check_place(target.journal)
    journal_key = key_for_file(target.journal, args.passphrase_file)
    if journal_key is not None and not journals.key_fits(
        target.journal, journal_key, target.backups
    ):
        raise WrongPassphraseError(target.journal)
    backup_key = None
    if backup.is_file() and privacy.looks_encrypted(backup):
        # Backups share the journal's passphrase unless it was changed since.
        backup_key = (
            privacy.key_for(backup, read_passphrase(backup, args.passphrase_file))
            if journal_key is None or not privacy.is_under(backup, journal_key)
            else journal_key
        )
    kept = journals.restore_backup(target, backup, journal_key, backup_key)
    print(f"Restored {target.journal} from {backup}; the journal as it was is in {kept}")
    return 0
