"""The command line's grammar: one small function per subcommand, importing no command.

Each subcommand names the function that runs it as ``module:function`` under ``commands/``;
``app`` imports it only when that subcommand runs, keeping the window's start free of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from relationship_journal import APP_NAME, __version__
from relationship_journal.commands.arguments import add_log_arguments


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


def _global_options(parser: argparse.ArgumentParser) -> None:
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
    parser.add_argument(
        "--background",
        action="store_true",
        help="start without a window: announce the day's moments at the chosen time; "
        "the window opens when a notification or the tray is clicked",
    )
    # Opens a temporary journal, shows the window offscreen and exits: checks a built app.
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)


def _contacts(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser("contacts", help="list contacts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run="contacts:contacts_command")


def _log(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    log = commands.add_parser("log", help="log an interaction with a contact")
    add_log_arguments(log)
    log.set_defaults(run="contacts:log_command")


def _brief(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    brief = commands.add_parser("brief", help="a meeting brief as PDF")
    brief.add_argument("contacts", nargs="*", metavar="CONTACT", help="one or more contacts")
    brief.add_argument("--organisation", metavar="ORG", help="everyone you know there now")
    brief.add_argument(
        "--meetings", metavar="YYYY-MM-DD", help="everyone you meet that day (the brief pack)"
    )
    brief.add_argument("--pdf", required=True, metavar="FILE", help="where to write the PDF")
    _add_force(brief)
    brief.set_defaults(run="brief:brief_command")


def _import(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def _agenda(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    finding = commands.add_parser(
        "search", help="contacts, organisations, promises, reminders, answers and entries"
    )
    finding.add_argument("text", nargs="+", metavar="TEXT")
    finding.add_argument("--json", action="store_true", help="print JSON")
    finding.set_defaults(run="search:search_command")

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


def _calendar(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    calendar = commands.add_parser("calendar", help="the calendar files meetings are read from")
    actions = calendar.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, what in (("add", "read meetings from FILE"), ("remove", "stop reading FILE")):
        chosen = actions.add_parser(action, help=what)
        chosen.add_argument("file", metavar="FILE", help="an .ics calendar file")
    actions.add_parser("list", help="the calendar files read")
    calendar.set_defaults(run="calendar:calendar_command")


def _export(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def _backup_and_restore(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser("backup", help="back the journal up now")
    backup.add_argument(
        "file", metavar="FILE", nargs="?", help="a file or folder (default: the backups folder)"
    )
    _add_force(backup)
    backup.set_defaults(run="transfer:backup_command")
    restoring = commands.add_parser("restore", help="replace the journal with a backup")
    restoring.add_argument("file", metavar="FILE")


def _passphrase(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    secret = commands.add_parser(
        "passphrase", help="encrypt the journal with a passphrase, change it, or remove it"
    )
    secret.add_argument("action", choices=("set", "remove"))
    secret.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="for set: read the new passphrase from the first line of FILE",
    )


def _notify(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    notify = commands.add_parser(
        "notify", help="announce on the desktop what is due now, once (for cron or a timer)"
    )
    notify.add_argument(
        "--names",
        action="store_true",
        help="for an encrypted journal: name the moments (default: only how many)",
    )
    notify.set_defaults(run="notify:notify_command")


SUBCOMMANDS: tuple[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None], ...] = (
    _contacts,
    _log,
    _brief,
    _import,
    _agenda,
    _notify,
    _calendar,
    _export,
    _backup_and_restore,
    _passphrase,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="relationship-journal",
        description=f"{APP_NAME}: the people who matter to your work, kept privately.",
    )
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(commands)
    return parser
