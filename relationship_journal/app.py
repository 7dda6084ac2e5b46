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

from relationship_journal.commands.parser import build_parser
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
        return open_user_journal(
            paths, key_for_file(paths.journal, passphrase_file), on_upgrade=_say_upgrading
        )
    except (PassphraseNeededError, WrongPassphraseError):
        if _header(paths.journal) == header:
            raise
    # A passphrase change finished while this waited at the gate: the key is another now.
    return open_user_journal(
        paths, key_for_file(paths.journal, passphrase_file), on_upgrade=_say_upgrading
    )


def _say_upgrading() -> None:
    print(
        "relationship-journal: bringing the journal up to date for this version (a copy is "
        "kept in the backups folder first; a large journal takes a minute or two)…",
        file=sys.stderr,
        flush=True,
    )


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
        return _interrupted()
    except BaseException as error:  # the last resort: never a traceback for the user
        if isinstance(error, SystemExit):
            raise
        if _while_interrupted(error):
            return _interrupted()
        return fail(last_resort_message(error), show_details=True)


def _interrupted() -> int:
    return fail("interrupted; every action is saved whole or not at all", code=130)


def _while_interrupted(error: BaseException) -> bool:
    """Whether ``error`` came of Ctrl+C: raised while the interrupt was being handled (a
    rollback refused because the interrupt broke off the statement it was in)."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__context__ or cause.__cause__
    return False


def _run(args: argparse.Namespace) -> int:
    if args.command is None and args.smoke and not args.data_dir:
        # The smoke check of a built app runs on a throw-away journal.
        with tempfile.TemporaryDirectory(prefix="relationship-journal-smoke-") as folder:
            return _window_starter()(resolve(folder), force_demo=args.demo, smoke=True)
    paths = resolve(args.data_dir)
    if args.command is None:
        return _window_starter()(
            paths, force_demo=args.demo, smoke=args.smoke, background=args.background
        )
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


def _window_starter() -> Callable[..., int]:
    """``run_gui``, its imports in the order that starts the window soonest."""
    # The journal's floors (SQLAlchemy, SQLModel, the tables) come before Qt: once Qt is
    # loaded, PySide reads the source of every module imported after it, a fifth of a second
    # for these alone.
    import relationship_journal.operations.journals  # noqa: F401
    from relationship_journal.ui.application import run_gui

    return run_gui


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
