"""The meeting brief: one page per person (and a summary for an organisation), on screen
and as a PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlmodel import Session

from relationship_journal.drawing import balance_image
from relationship_journal.exchange.brief import CHART_SIZE, Brief, document_html
from relationship_journal.exchange.brief_builder import (
    brief_heading,
    briefs_for,
    current_people,
    pack_sections,
    sections_for,
)
from relationship_journal.exchange.brief_images import add_images
from relationship_journal.exchange.brief_pdf import fits_one_page, write_pdf
from relationship_journal.exchange.export_all import ours
from relationship_journal.exchange.qt_application import gui_application
from relationship_journal.operations.workspace import Workspace
from relationship_journal.store.organisations import organisation_matching
from relationship_journal.store.output_files import check_target, write_failure

__all__ = [
    "CHART_SIZE",
    "Brief",
    "add_images",
    "balance_image",
    "brief_heading",
    "document_html",
    "fits_one_page",
    "sections_for",
]


def briefs(ws: Workspace, contact_ids: list[int]) -> list[Brief]:
    now = ws.clock.now()
    return ws.read(lambda s: briefs_for(s, contact_ids, now))


def people_now_at(ws: Workspace, name: str) -> tuple[str, list[int]]:
    """The organisation a user named by part of its name, and who works there now."""

    def read(session: Session) -> tuple[str, list[int]]:
        organisation = organisation_matching(session, name)
        assert organisation.id is not None
        return organisation.name, current_people(session, organisation.id)

    return ws.read(read)


def write_brief(
    ws: Workspace, contact_ids: list[int], target: Path, title: str = "", force: bool = False
) -> int:
    """The brief of one or more people as a PDF; returns its page count. A file that is not
    one of our briefs is replaced only with ``force``."""

    def layout(found: list[Brief]) -> tuple[list[str], str]:
        heading = brief_heading(found, title)
        return sections_for(found, heading, fits_one_page), heading

    return _write(ws, contact_ids, target, force, layout)


def write_pack(
    ws: Workspace, contact_ids: list[int], target: Path, title: str, force: bool = False
) -> int:
    """Several people's briefs in one PDF, grouped by organisation (``pack_sections``)."""
    return _write(
        ws, contact_ids, target, force, lambda found: (pack_sections(found, fits_one_page), title)
    )


def _write(
    ws: Workspace,
    contact_ids: list[int],
    target: Path,
    force: bool,
    layout: Callable[[list[Brief]], tuple[list[str], str]],
) -> int:
    check_target(target, ours("pdf"), force)
    found = briefs(ws, contact_ids)
    application = gui_application()
    sections, heading = layout(found)
    try:
        return write_pdf(sections, found, target, f"Brief — {heading}")
    except OSError as error:
        raise write_failure(target, error) from None
    finally:
        del application


def save_sections(sections: list[str], found: list[Brief], target: Path, title: str) -> int:
    """Sections already laid out on screen, printed as they are."""
    check_target(target, ours("pdf"), force=False)
    try:
        return write_pdf(sections, found, target, f"Brief — {title}")
    except OSError as error:
        raise write_failure(target, error) from None
