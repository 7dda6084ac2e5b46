"""Saving what the log dialog captured: the entry and any promise, in one transaction."""

from __future__ import annotations

from sqlmodel import Session, col, select

from relationship_journal.domain import ledger
from relationship_journal.domain.taxonomy import Polarity
from relationship_journal.store import clock
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.models import Contact, Organisation
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


def picker_candidates(session: Session) -> list[tuple[int, str, str]]:
    """Every live contact, most recently in touch first, for the contact picker."""
    rows = session.exec(
        select(Contact.id, Contact.display_name, Organisation.name)
        .outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
        .where(col(Contact.deleted_at).is_(None))
        .order_by(col(Contact.last_contact_at).desc(), col(Contact.name_key))
    ).all()
    return [(cid, name, org or "") for cid, name, org in rows if cid is not None]


def extra_categories(session: Session) -> dict[str, list[str]]:
    """The categories the user added, by polarity."""
    return {polarity: terms(session, CATEGORY, polarity) for polarity in ("deposit", "withdrawal")}
