"""Arguments shared by the parser, kept apart so that parsing imports no command."""

from __future__ import annotations

import argparse

from relationship_journal.domain.taxonomy import INTERACTION_KINDS


def add_log_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contact", metavar="CONTACT", help="id or name of the contact")
    value = parser.add_mutually_exclusive_group(required=True)
    value.add_argument("--deposit", type=int, choices=range(1, 6), metavar="N", help="weight 1–5")
    value.add_argument(
        "--withdrawal", type=int, choices=range(1, 6), metavar="N", help="weight 1–5"
    )
    value.add_argument("--note", action="store_true", help="neither deposit nor withdrawal")
    parser.add_argument(
        "--kind", choices=INTERACTION_KINDS, help="default: meeting with --meeting, else note"
    )
    parser.add_argument(
        "--meeting", metavar="UID", help="the calendar meeting this logs (see agenda --json)"
    )
    parser.add_argument("--category", help="for example 'Solved a problem'")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="when it happened (default: now)")
    parser.add_argument("summary", nargs="+", metavar="SUMMARY")
