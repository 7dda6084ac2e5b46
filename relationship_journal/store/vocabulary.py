"""Lists the product ships that the user can extend: categories, relationship types."""

from __future__ import annotations

from sqlmodel import Session, select

from relationship_journal.domain.taxonomy import (
    DEPOSIT_CATEGORIES,
    RELATIONSHIP_TYPES,
    WITHDRAWAL_CATEGORIES,
)
from relationship_journal.domain.text import clean_line, fold
from relationship_journal.store.models import VocabularyTerm

CATEGORY = "category"
RELATIONSHIP_TYPE = "relationship_type"


def terms(session: Session, vocabulary: str, polarity: str | None = None) -> list[str]:
    query = select(VocabularyTerm.term).where(VocabularyTerm.vocabulary == vocabulary)
    if polarity is not None:
        query = query.where(VocabularyTerm.polarity == polarity)
    return list(session.exec(query.order_by(VocabularyTerm.term)).all())


def remember(session: Session, vocabulary: str, term: str, polarity: str = "") -> bool:
    """Add ``term`` unless the product or the user already has it; True when added."""
    value = clean_line(term)
    if not value:
        return False
    shipped = {
        CATEGORY: (*DEPOSIT_CATEGORIES, *WITHDRAWAL_CATEGORIES),
        RELATIONSHIP_TYPE: RELATIONSHIP_TYPES,
    }.get(vocabulary, ())
    known = {fold(t) for t in (*shipped, *terms(session, vocabulary))}
    if fold(value) in known:
        return False
    session.add(VocabularyTerm(vocabulary=vocabulary, term=value, polarity=polarity))
    return True


def forget(session: Session, vocabulary: str, term: str) -> None:
    """Remove a term the user added (the shipped ones stay)."""
    for row in session.exec(
        select(VocabularyTerm).where(
            VocabularyTerm.vocabulary == vocabulary, VocabularyTerm.term == term
        )
    ).all():
        session.delete(row)
