"""The figures kept on each contact row, recomputed from the rows they summarise.

Writes keep them up to date as they go (see ``store.ledger``); this full recomputation is
for when rows come back by other means (an undo), and for checking the maintained values.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from relationship_journal.domain import ledger, profile
from relationship_journal.store.models import (
    Contact,
    ContactLayer,
    Entry,
    EntryContact,
    ProfileFact,
)


def refresh_contact_figures(session: Session, contact_ids: Sequence[int]) -> None:
    for contact_id in contact_ids:
        contact = session.get(Contact, contact_id)
        if contact is None:
            continue
        entries = session.exec(
            select(Entry.occurred_at, Entry.value)
            .join(EntryContact, col(EntryContact.entry_id) == Entry.id)
            .where(EntryContact.contact_id == contact_id)
        ).all()
        contact.balance_sum = sum(ledger.term(value, at) for at, value in entries if value)
        contact.last_contact_at = max((at for at, _ in entries), default=None)
        facts = session.exec(
            select(ProfileFact)
            .where(ProfileFact.contact_id == contact_id)
            .order_by(col(ProfileFact.recorded_at), col(ProfileFact.id))
        ).all()
        contact.known_score = profile.completeness(profile.current_facts(facts))
        primary = session.exec(
            select(ContactLayer.stage)
            .where(ContactLayer.contact_id == contact_id)
            .order_by(col(ContactLayer.position), col(ContactLayer.id))
        ).first()
        contact.stage = primary or ""
        session.add(contact)
    session.flush()
