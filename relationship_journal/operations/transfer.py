"""Contacts in and out: imports (vCard, CSV, a whole-journal JSON export), exports, the
moments as a calendar, and backups."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from relationship_journal.exchange.csv_formats import ColumnMapping
from relationship_journal.exchange.csv_guess import guess
from relationship_journal.exchange.csv_import import mapping_to_complete, read_header
from relationship_journal.exchange.decoding import decode_text, read_head, read_import_bytes
from relationship_journal.exchange.export_all import export_to_file, ours
from relationship_journal.exchange.import_plan import (
    Decision,
    ImportPreview,
    ImportResult,
    Match,
    apply,
    looks_like_json,
    preview,
)
from relationship_journal.exchange.json_archive import (
    MAX_ARCHIVE_BYTES,
    ArchiveReport,
    import_archive,
)
from relationship_journal.exchange.records import ImportCancelled
from relationship_journal.operations.agenda import between
from relationship_journal.operations.input_files import open_input
from relationship_journal.operations.workspace import Change, Done, Workspace
from relationship_journal.store import undo_log
from relationship_journal.store.backup_names import timestamped_name
from relationship_journal.store.backups import (
    DEFAULT_KEEP,
    backup_before,
    checked_copy,
    daily_backup_if_due,
    is_journal_copy,
)
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.output_files import check_target, write_failure, writing

__all__ = [
    "DEFAULT_KEEP",
    "MAX_ARCHIVE_BYTES",
    "ArchiveReport",
    "ColumnMapping",
    "Decision",
    "ImportCancelled",
    "ImportPreview",
    "ImportResult",
    "Match",
]

Progress = Callable[[int, int], None]


def is_archive(path: Path) -> bool:
    """Whether ``path`` is a whole-journal JSON export (told by its content, not its name)."""
    return looks_like_json(read_head(path))


def guess_columns(header: list[str]) -> ColumnMapping:
    """A first guess at an unfamiliar CSV's columns, for the user to correct."""
    return guess(header)[0]


def preview_import(
    ws: Workspace, path: Path, mapping: ColumnMapping | None = None
) -> ImportPreview:
    """What importing ``path`` would do, record by record: nothing is written."""
    return ws.read(lambda s: preview(s, path, mapping))


def run_import(
    ws: Workspace,
    plan: ImportPreview,
    decisions: list[Decision],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Done[ImportResult]:
    """The chosen records, all in one transaction (``ImportCancelled``: nothing kept)."""
    now = ws.clock.now()
    return ws.write(
        f"Import {plan.path.name}",
        lambda s: apply(s, plan, decisions, now, progress, cancelled),
    )


def load_archive(
    ws: Workspace,
    path: Path,
    keep_valid: bool,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Done[ArchiveReport]:
    """Load a whole-journal JSON export into this empty journal, checking every row. Kept
    when nothing is wrong, or when ``keep_valid`` (the rows that passed); never on a dry
    run. The report says what was loaded (``kept``) and every problem. ``progress`` hears
    how far the load is; once ``cancelled`` says so, ``ImportCancelled``: nothing kept."""
    now = ws.clock.now()
    change = None
    with (
        open_input(path, "JSON export", MAX_ARCHIVE_BYTES) as source,
        ws.journal.transaction() as session,
    ):
        undo_log.begin(session)
        report = import_archive(session, source, now, progress, cancelled)
        report.kept = not dry_run and (keep_valid or not report.problem_count)
        if report.kept:
            inverse = undo_log.take(session)
            change = Change(f"Restore {path.name}", inverse) if inverse else None
        else:
            session.rollback()
    return Done(report, change)


def export(ws: Workspace, fmt: str, target: Path, force: bool = False) -> int:
    """Contacts as vCard or CSV, or the whole journal as JSON; returns the contacts written."""
    return export_to_file(ws.journal, fmt, target, force)


def export_moments(ws: Workspace, target: Path, days: int, force: bool = False) -> int:
    """The moments of the next ``days`` days as an iCalendar file; returns how many."""
    # iCalendar is loaded by the one action that writes it, not at every start.
    from relationship_journal.exchange.ics_export import moments_calendar, window

    check_target(target, ours("ics"), force)
    today = ws.clock.today()
    chosen = window(between(ws, today, days), today, days)
    try:
        with writing(target) as out:
            out.write(moments_calendar(chosen))
    except OSError as error:
        raise write_failure(target, error) from None
    return len(chosen)


def back_up(ws: Workspace, target: Path | None = None, force: bool = False) -> Path:
    """A consistent, checked copy of the journal: into ``target`` (a file, or a folder to
    put it in), or the backups folder. Another program's file is replaced only with
    ``force``; another program's database never."""
    journal = ws.journal
    if target is None:
        return backup_before(journal.path, ws.paths.backups, "manual", journal.key)
    if target.is_dir() and not target.is_symlink():
        target = target / timestamped_name(journal.path.stem, "manual", ws.clock.now().astimezone())
    check_target(target, lambda found: is_journal_copy(found, journal.key), force)
    return checked_copy(journal.path, target, journal.key, ws.paths.backups)


def daily_backup(ws: Workspace, keep: int) -> Path | None:
    journal = ws.journal
    return daily_backup_if_due(
        journal.path, ws.paths.backups, keep, now=ws.clock.now().astimezone(), key=journal.key
    )


def mapping_from_options(
    path: Path, assignments: list[str], date_order: str | None
) -> ColumnMapping | None:
    """The column mapping ``COLUMN=FIELD`` assignments and a date order describe for an
    unfamiliar CSV, starting from the guess; an error names what is still unplaced."""
    if not assignments and not date_order:
        return None
    header = read_header(decode_text(read_import_bytes(path))[0])
    mapping, unplaced = mapping_to_complete(header)
    for item in assignments:
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
    if date_order:
        mapping.day_first = date_order == "day-first"
    return mapping
