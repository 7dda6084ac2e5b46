"""The command line: opens the window, or runs a subcommand on the journal."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from relationship_journal import APP_NAME, __version__
from relationship_journal.commands.arguments import add_log_arguments
from relationship_journal.operations.errors import (
    JournalError,
    PassphraseNeededError,
    WrongPassphraseError,
)
from relationship_journal.paths import JournalPaths, resolve

if TYPE_CHECKING:
    from relationship_journal.operations.journals import Journal
    from relationship_journal.operations.workspace import Workspace

Command = Callable[["Workspace", argparse.Namespace], int]


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days") from None
    if not 1 <= value <= 3660:
        raise argparse.ArgumentTypeError("days must be between 1 and 3660")
    return value


def _add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace FILE even when it was not written by this app (never a database)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="relationship-journal",
        description=f"{APP_NAME}: the people who matter to your work, kept privately.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder of the journal (default: $RELATIONSHIP_JOURNAL_DIR or the user data folder)",
    )
    parser.add_argument("--demo", action="store_true", help="use the demo journal")
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="for an encrypted journal: read its passphrase from the first line of FILE "
        "(default: ask on the terminal)",
    )
    # Opens a temporary journal, shows the window offscreen and exits: checks a built app.
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = commands.add_parser("contacts", help="list contacts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run="contacts:contacts_command")

    log = commands.add_parser("log", help="log an interaction with a contact")
    add_log_arguments(log)
    log.set_defaults(run="contacts:log_command")

    brief = commands.add_parser("brief", help="a meeting brief as PDF")
    brief.add_argument("contacts", nargs="*", metavar="CONTACT", help="one or more contacts")
    brief.add_argument("--organisation", metavar="ORG", help="everyone you know there now")
    brief.add_argument("--pdf", required=True, metavar="FILE", help="where to write the PDF")
    _add_force(brief)
    brief.set_defaults(run="brief:brief_command")

    importing = commands.add_parser(
        "import", help="import contacts from a vCard or CSV file, or a JSON export"
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the others when some records have nothing to know a person by",
    )
    importing.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="for a CSV of unknown columns: what a column holds (name, given, family, "
        "organisation, email, phone, birthday, notes…, or ignore); repeat for each column",
    )
    importing.add_argument(
        "--date-order",
        choices=("day-first", "month-first"),
        help="for a CSV whose dates read both ways (4/5/1985)",
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="show what would happen, write nothing"
    )
    importing.set_defaults(run="transfer:import_command")

    twins = commands.add_parser("duplicates", help="contacts that may be the same person")
    twins.add_argument("--json", action="store_true", help="print JSON")
    twins.set_defaults(run="duplicates:duplicates_command")

    merge = commands.add_parser(
        "merge", help="fold OTHER into KEEP (KEEP's fields win where it has them)"
    )
    merge.add_argument("keep", metavar="KEEP", help="the contact that stays (id or name)")
    merge.add_argument("other", metavar="OTHER", help="the contact folded into KEEP")
    merge.set_defaults(run="duplicates:merge_command")

    agenda = commands.add_parser("agenda", help="moments that matter: overdue, today, ahead")
    agenda.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="default: today")
    agenda.add_argument("--days", type=_days, default=30, metavar="N", help="default: 30")
    agenda.add_argument("--json", action="store_true", help="print JSON")
    agenda.set_defaults(run="agenda:agenda_command")

    exporting = commands.add_parser(
        "export", help="export contacts, the whole journal, or moments as a calendar"
    )
    exporting.add_argument("format", choices=("vcard", "csv", "json", "ics"))
    exporting.add_argument("file", metavar="FILE")
    exporting.add_argument(
        "--days", type=_days, default=90, metavar="N", help="for ics: how far ahead (default 90)"
    )
    _add_force(exporting)
    exporting.set_defaults(run="transfer:export_command")

    backup = commands.add_parser("backup", help="back the journal up now")
    backup.add_argument(
        "file", metavar="FILE", nargs="?", help="a file or folder (default: the backups folder)"
    )
    _add_force(backup)
    backup.set_defaults(run="transfer:backup_command")

    restoring = commands.add_parser("restore", help="replace the journal with a backup")
    restoring.add_argument("file", metavar="FILE")
    secret = commands.add_parser(
        "passphrase", help="encrypt the journal with a passphrase, change it, or remove it"
    )
    secret.add_argument("action", choices=("set", "remove"))
    secret.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="for set: read the new passphrase from the first line of FILE",
    )
    return parser


def _command(name: str) -> Command:
    """Subcommands are imported when run, keeping the window's start free of their imports."""
    module, function = name.split(":")
    loaded = importlib.import_module(f"relationship_journal.commands.{module}")
    command: Command = getattr(loaded, function)
    return command


def _open(paths: JournalPaths, demo: bool, passphrase_file: str | None) -> Journal:
    from relationship_journal.commands.passphrase import key_for_file
    from relationship_journal.operations.journals import open_demo_journal, open_user_journal

    if demo:
        return open_demo_journal(paths)
    header = _header(paths.journal)
    try:
        return open_user_journal(paths, key_for_file(paths.journal, passphrase_file))
    except (PassphraseNeededError, WrongPassphraseError):
        if _header(paths.journal) == header:
            raise
    # A passphrase change finished while this waited at the gate: the key is another now.
    return open_user_journal(paths, key_for_file(paths.journal, passphrase_file))


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(16)
    except OSError:
        return b""


DEBUG_VAR = "RELATIONSHIP_JOURNAL_DEBUG"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is not None and not args.data_dir.strip():
        parser.error("--data-dir is empty: name the folder of the journal")
    try:
        return _run(args)
    except JournalError as error:
        return fail(str(error))
    except BrokenPipeError:
        # The reader went away (| head): quiet, and no second complaint at exit.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return fail("interrupted; every action is saved whole or not at all", code=130)
    except BaseException as error:  # the last resort: never a traceback for the user
        if isinstance(error, SystemExit):
            raise
        return fail(last_resort_message(error), show_details=True)


def _run(args: argparse.Namespace) -> int:
    if args.command is None and args.smoke and not args.data_dir:
        # The smoke check of a built app runs on a throw-away journal.
        with tempfile.TemporaryDirectory(prefix="relationship-journal-smoke-") as folder:
            from relationship_journal.ui.application import run_gui

            return run_gui(resolve(folder), force_demo=args.demo, smoke=True)
    paths = resolve(args.data_dir)
    if args.command is None:
        from relationship_journal.ui.application import run_gui

        return run_gui(paths, force_demo=args.demo, smoke=args.smoke)
    if args.command == "restore":
        from relationship_journal.commands.transfer import restore_command

        return restore_command(paths, args, args.demo)
    if args.command == "passphrase":
        from relationship_journal.commands.passphrase import passphrase_command

        return passphrase_command(paths, args, args.demo)
    from relationship_journal.operations.workspace import Workspace

    run = _command(args.run)
    journal = _open(paths, args.demo, args.passphrase_file)
    try:
        _warn_of_unfinished_change(journal.path)
        return run(Workspace(journal, paths.demo if args.demo else paths), args)
    finally:
        journal.close()


def _warn_of_unfinished_change(path: Path) -> None:
    from relationship_journal.operations.privacy import unfinished

    change = unfinished(path)
    if change is not None:
        action = "remove" if change.removing else "set"
        print(
            "relationship-journal: warning: a passphrase change was interrupted; some backups "
            f"or drafts are not under the new passphrase yet. Run 'relationship-journal "
            f"passphrase {action}' again to finish it.",
            file=sys.stderr,
        )


def fail(message: str, code: int = 1, show_details: bool = False) -> int:
    """One line on stderr; the traceback only when asked for with RELATIONSHIP_JOURNAL_DEBUG."""
    print(f"relationship-journal: {' '.join(message.split())}", file=sys.stderr)
    if show_details and os.environ.get(DEBUG_VAR):
        traceback.print_exc(file=sys.stderr)
    return code


def last_resort_message(error: BaseException) -> str:
    """What an error no command caught means: a known problem of the environment (disk, file
    system, memory) in words, anything else as the bug it is."""
    from relationship_journal.operations.errors import environment_problem

    known = environment_problem(error)
    if known:
        return known
    return (
        f"unexpected error ({type(error).__name__}: {error}). This is a bug: please report "
        f"it; run again with {DEBUG_VAR}=1 to see the details. Your journal is safe: every "
        "action is saved whole or not at all."
    )
