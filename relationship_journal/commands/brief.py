"""Meeting briefs as PDF from the command line."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sqlmodel import select

from relationship_journal.commands.contacts import find_contact
from relationship_journal.domain.text import fold
from relationship_journal.exchange.export_all import ours
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.errors import InvalidInputError, NotFoundError
from relationship_journal.store.journal import Journal
from relationship_journal.store.models import Organisation
from relationship_journal.store.output_files import check_target, write_failure


def _gui_application() -> object:
    """Qt needs an application object for fonts; without a display it draws offscreen."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["relationship-journal"])


def brief_command(journal: Journal, args: argparse.Namespace, _paths: JournalPaths) -> int:
    from relationship_journal.exchange.brief_builder import current_people, export_brief_pdf

    if not args.contacts and not args.organisation:
        raise InvalidInputError("name a contact, or an organisation with --organisation")
    title = ""
    with journal.reading() as session:
        ids = []
        for name in args.contacts:
            contact = find_contact(session, name)
            assert contact.id is not None
            ids.append(contact.id)
        if args.organisation:
            key = fold(args.organisation)
            found = [o for o in session.exec(select(Organisation)).all() if key in o.name_key]
            if len(found) != 1:
                names = ", ".join(o.name for o in found[:8]) or "none"
                raise NotFoundError(
                    f"'{args.organisation}' matches {len(found)} organisations ({names})"
                )
            title = found[0].name
            ids += [i for i in current_people(session, found[0].id) if i not in ids]  # type: ignore[arg-type]
    if not ids:
        raise NotFoundError(f"nobody works at {title} now")
    target = Path(args.pdf)
    check_target(target, ours("pdf"), args.force)
    app = _gui_application()
    try:
        pages = export_brief_pdf(journal, ids, target, clock.now(), title)
    except OSError as error:
        raise write_failure(target, error) from None
    del app
    print(f"Wrote the brief ({pages} page{'s' if pages != 1 else ''}) to {target}")
    return 0
