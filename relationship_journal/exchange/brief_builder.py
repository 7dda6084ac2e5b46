"""Assembling briefs: one contact, or several people from one organisation."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from relationship_journal.exchange.brief import (
    Brief,
    brief_html,
    load_brief,
    organisation_summary_html,
)
from relationship_journal.exchange.brief_pdf import write_pdf
from relationship_journal.store.journal import Journal
from relationship_journal.store.organisations import people_at


def briefs_for(session: Session, contact_ids: list[int], now: datetime) -> list[Brief]:
    return [load_brief(session, contact_id, now) for contact_id in contact_ids]


def sections_for(briefs: list[Brief], title: str) -> list[str]:
    """One page per person, after a summary page when there are several."""
    pages = [brief_html(brief) for brief in briefs]
    if len(briefs) > 1:
        pages.insert(0, organisation_summary_html(title, briefs, briefs[0].today))
    return pages


def current_people(session: Session, organisation_id: int) -> list[int]:
    return [person.contact_id for person in people_at(session, organisation_id) if person.current]


def export_brief_pdf(
    journal: Journal, contact_ids: list[int], target: Path, now: datetime, title: str = ""
) -> int:
    """Write the brief of one or more contacts to ``target``; returns the page count."""
    with journal.reading() as session:
        briefs = briefs_for(session, contact_ids, now)
    heading = title or (
        briefs[0].file.contact.display_name if len(briefs) == 1 else briefs[0].file.organisation
    )
    return write_pdf(sections_for(briefs, heading), briefs, target, f"Brief — {heading}")
