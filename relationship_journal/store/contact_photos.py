"""Contacts' photos: set, removed, and read for the faces a list shows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from relationship_journal.store.contacts import get_contact
from relationship_journal.store.models import Contact


def set_photo(session: Session, contact_id: int, photo: bytes | None, now: datetime) -> None:
    contact = get_contact(session, contact_id)
    contact.photo = photo
    contact.updated_at = now
    session.add(contact)
    session.flush()


def photos_of(session: Session, contact_ids: Sequence[int]) -> dict[int, bytes]:
    """The photos of those of ``contact_ids`` that have one."""
    found: dict[int, bytes] = {}
    ids = list(contact_ids)
    for start in range(0, len(ids), 500):
        rows = session.exec(
            select(Contact.id, Contact.photo).where(
                col(Contact.id).in_(ids[start : start + 500]), col(Contact.photo).is_not(None)
            )
        ).all()
        found.update({cid: photo for cid, photo in rows if cid is not None and photo})
    return found
