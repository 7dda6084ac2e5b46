"""Assembling briefs: one contact, or several people from one organisation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from relationship_journal.exchange.brief import (
    FIT_STEPS,
    Brief,
    brief_html,
    load_brief,
    organisation_summary_html,
)
from relationship_journal.exchange.brief_pdf import fits_one_page, write_pdf
from relationship_journal.store.journal import Journal
from relationship_journal.store.organisations import people_at


def briefs_for(session: Session, contact_ids: list[int], now: datetime) -> list[Brief]:
    return [load_brief(session, contact_id, now) for contact_id in contact_ids]


def sections_for(
    briefs: list[Brief], title: str, fits: Callable[[str, bool], bool] | None = None
) -> list[str]:
    """One page per person, after a summary page when there are several; ``fits`` tells
    whether a person's section fits one page (in compact type or not), and parts are left
    out, or condensed, until it does."""
    several = len(briefs) > 1
    pages = []
    for brief in briefs:
        page = brief_html(brief, compact=several)
        if fits is not None:
            for omit in FIT_STEPS:
                page = brief_html(brief, compact=several, omit=omit)
                if fits(page, several):
                    break
        pages.append(page)
    if len(briefs) > 1:
        pages.insert(0, organisation_summary_html(title, briefs, briefs[0].today))
    return pages


def pack_sections(briefs: list[Brief], fits: Callable[[str], bool] | None = None) -> list[str]:
    """A day's briefs: people grouped by organisation in the order first met; where several
    come from one organisation, their summary page leads their pages."""
    groups: dict[str, list[Brief]] = {}
    for brief in briefs:
        organisation = brief.file.organisation
        groups.setdefault(organisation or f"\0{brief.file.contact.id}", []).append(brief)
    pages: list[str] = []
    for name, group in groups.items():
        pages += sections_for(group, name, fits)
    return pages


def current_people(session: Session, organisation_id: int) -> list[int]:
    return [person.contact_id for person in people_at(session, organisation_id) if person.current]


def brief_heading(briefs: list[Brief], title: str = "") -> str:
    """The brief's title: the person's name, or the organisation of several people."""
    if title:
        return title
    first = briefs[0].file
    return first.contact.display_name if len(briefs) == 1 else first.organisation


def export_brief_pdf(
    journal: Journal, contact_ids: list[int], target: Path, now: datetime, title: str = ""
) -> int:
    """Write the brief of one or more contacts to ``target``; returns the page count."""
    with journal.reading() as session:
        briefs = briefs_for(session, contact_ids, now)
    heading = brief_heading(briefs, title)
    sections = sections_for(briefs, heading, fits_one_page)
    return write_pdf(sections, briefs, target, f"Brief — {heading}")
