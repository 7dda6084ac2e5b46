"""The command line: opens the window, or runs a subcommand on the journal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from relationship_journal import APP_NAME, __version__, cli
from relationship_journal.paths import JournalPaths, resolve
from relationship_journal.store.errors import JournalError
from relationship_journal.store.journal import Journal

Command = Callable[[Journal, argparse.Namespace], int]


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
        "--smoke", action="store_true", help=argparse.SUPPRESS
    )  # open, show the window, exit 0: checks a built app
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    contacts = commands.add_parser("contacts", help="list contacts")
    contacts.add_argument("--json", action="store_true", help="print JSON")
    contacts.set_defaults(run=cli.contacts_command)

    log = commands.add_parser("log", help="log an interaction with a contact")
    cli.add_log_arguments(log)
    log.set_defaults(run=cli.log_command)
    return parser


def _open(paths: JournalPaths, demo: bool) -> Journal:
    from relationship_journal.session import open_demo_journal, open_user_journal

    return open_demo_journal(paths) if demo else open_user_journal(paths)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = resolve(args.data_dir)
    if args.command is None:
        from relationship_journal.ui.application import run_gui

        return run_gui(paths, force_demo=args.demo, smoke=args.smoke)
    run: Command = args.run
    try:
        journal = _open(paths, args.demo)
        try:
            return run(journal, args)
        finally:
            journal.close()
    except JournalError as error:
        print(f"relationship-journal: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
