"""Saving what the log dialog captured: the entry and any promise, in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlmodel import Session

from relationship_journal.domain import ledger
from relationship_journal.domain.taxonomy import Polarity
from relationship_journal.store import clock
from relationship_journal.store.contact_lookup import Candidate, candidates_by_id, find_candidates
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.promises import add_promise
from relationship_journal.store.vocabulary import CATEGORY, remember, terms
from relationship_journal.ui.ledger.log_dialog import LoggedInteraction


def draft_from_interaction(logged: LoggedInteraction) -> EntryDraft:
    return EntryDraft(
        contact_ids=logged.contact_ids,
        occurred_at=logged.occurred_at,
        summary=logged.summary,
        kind=logged.kind,
        notes=logged.notes,
        value=ledger.signed_value(logged.polarity.value, logged.weight),
        category=logged.category if logged.polarity is not Polarity.NEUTRAL else "",
        follow_up_on=logged.follow_up_on,
    )


def save_interaction(session: Session, logged: LoggedInteraction) -> int:
    """Store the entry and any promise made with it; returns the entry's id."""
    entry = log_entry(session, draft_from_interaction(logged), clock.now())
    assert entry.id is not None
    if logged.polarity is not Polarity.NEUTRAL:
        remember(session, CATEGORY, logged.category, logged.polarity.value)
    if logged.promise_text:
        for contact_id in logged.contact_ids:
            add_promise(
                session,
                contact_id,
                logged.promise_text,
                logged.promise_owner,
                logged.occurred_at.date(),
                logged.promise_due,
                entry_id=entry.id,
            )
    return entry.id


class JournalCandidates:
    """The people a picker offers, looked up in the open journal as the user types."""

    def __init__(self, read: Callable[[Callable[[Session], Any]], Any]) -> None:
        self._read = read

    def find(self, text: str, exclude: Sequence[int]) -> list[Candidate]:
        found: list[Candidate] = self._read(lambda s: find_candidates(s, text, exclude=exclude))
        return found

    def by_id(self, ids: Sequence[int]) -> list[Candidate]:
        found: list[Candidate] = self._read(lambda s: candidates_by_id(s, ids))
        return found


def extra_categories(session: Session) -> dict[str, list[str]]:
    """The categories the user added, by polarity."""
    return {polarity: terms(session, CATEGORY, polarity) for polarity in ("deposit", "withdrawal")}
