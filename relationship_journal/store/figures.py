"""The figures kept on each contact row, recomputed from the rows they summarise.

Writes keep them up to date as they go (see ``store.ledger``); this full recomputation is
for when rows come back by other means (an undo), and for checking the maintained values.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from relationship_journal.domain import profile
from relationship_journal.store import balances
from relationship_journal.store.models import Contact, ContactLayer, ProfileFact


def refresh_contact_figures(session: Session, contact_ids: Sequence[int]) -> None:
    balances.recompute(session, contact_ids)
    for contact_id in contact_ids:
        contact = session.get(Contact, contact_id)
        if contact is None:
            continue
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
