"""Profile facts: each answer recorded with its date, the earlier ones kept as history."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from relationship_journal.domain import profile
from relationship_journal.domain.text import clean_block
from relationship_journal.store.contacts import get_contact
from relationship_journal.store.models import ProfileFact


def record_fact(
    session: Session, contact_id: int, topic_key: str, text: str, now: datetime
) -> ProfileFact | None:
    """Record a new answer; the earlier one stays in the history. Unchanged text is no news."""
    profile.topic(topic_key)
    contact = get_contact(session, contact_id)
    value = clean_block(text)
    current = current_fact(session, contact_id, topic_key)
    if (current.text if current else "") == value:
        return None
    fact = ProfileFact(contact_id=contact_id, topic=topic_key, text=value, recorded_at=now)
    session.add(fact)
    session.flush()
    contact.known_score = profile.completeness(current_facts(session, contact_id))
    session.add(contact)
    return fact


def current_fact(session: Session, contact_id: int, topic_key: str) -> ProfileFact | None:
    return session.exec(
        select(ProfileFact)
        .where(ProfileFact.contact_id == contact_id, ProfileFact.topic == topic_key)
        .order_by(col(ProfileFact.recorded_at).desc(), col(ProfileFact.id).desc())
    ).first()


def current_facts(session: Session, contact_id: int) -> dict[str, ProfileFact]:
    # History comes newest first; the rule wants the later record to win a tie.
    return profile.current_facts(reversed(fact_history(session, contact_id)))


def fact_history(
    session: Session, contact_id: int, topic_key: str | None = None
) -> list[ProfileFact]:
    """Every answer recorded, newest first: what I knew when."""
    query = select(ProfileFact).where(ProfileFact.contact_id == contact_id)
    if topic_key is not None:
        query = query.where(ProfileFact.topic == topic_key)
    return list(
        session.exec(
            query.order_by(col(ProfileFact.recorded_at).desc(), col(ProfileFact.id).desc())
        ).all()
    )
