"""The meeting brief as a PDF from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from relationship_journal.operations import briefs, contacts
from relationship_journal.operations.errors import InvalidInputError, NotFoundError
from relationship_journal.operations.workspace import Workspace


def brief_command(ws: Workspace, args: argparse.Namespace) -> int:
    if not args.contacts and not args.organisation:
        raise InvalidInputError("name a contact, or an organisation with --organisation")
    title = ""
    ids = [contacts.resolve(ws, name) for name in args.contacts]
    if args.organisation:
        title, there = briefs.people_now_at(ws, args.organisation)
        ids += [i for i in there if i not in ids]
    if not ids:
        raise NotFoundError(f"nobody works at {title} now")
    pages = briefs.write_brief(ws, ids, Path(args.pdf), title, args.force)
    print(f"Wrote the brief ({pages} page{'s' if pages != 1 else ''}) to {args.pdf}")
    return 0
