"""Links between contacts (reports to, works with, introduced by…)."""

from __future__ import annotations

from sqlmodel import Session

from relationship_journal.domain.links import LINK_KINDS_BY_KEY
from relationship_journal.domain.text import clean_line
from relationship_journal.store.contacts import get_contact
from relationship_journal.store.errors import InvalidInputError, NotFoundError
from relationship_journal.store.models import ContactLink


def add_link(session: Session, from_id: int, to_id: int, kind: str, note: str = "") -> ContactLink:
    if kind not in LINK_KINDS_BY_KEY:
        raise InvalidInputError(f"unknown link '{kind}'")
    if from_id == to_id:
        raise InvalidInputError("a contact cannot be linked to themselves")
    get_contact(session, from_id)
    get_contact(session, to_id)
    link = ContactLink(
        from_contact_id=from_id, to_contact_id=to_id, kind=kind, note=clean_line(note)
    )
    session.add(link)
    session.flush()
    return link


def remove_link(session: Session, link_id: int) -> None:
    link = session.get(ContactLink, link_id)
    if link is None:
        raise NotFoundError(f"no link with id {link_id}")
    session.delete(link)
