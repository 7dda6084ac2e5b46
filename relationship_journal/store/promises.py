"""Promises both ways: what I promised them and what they promised me."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from relationship_journal.domain.text import clean_line
from relationship_journal.store.contacts import get_contact
from relationship_journal.store.errors import InvalidInputError, NotFoundError
from relationship_journal.store.models import Contact, Promise

OWNERS = ("me", "them")
STATUSES = ("open", "kept", "broken")


def add_promise(
    session: Session,
    contact_id: int,
    text: str,
    owner: str,
    made_on: date,
    due_on: date | None,
    entry_id: int | None = None,
) -> Promise:
    get_contact(session, contact_id)
    what = clean_line(text)
    if not what:
        raise InvalidInputError("a promise needs a description")
    if owner not in OWNERS:
        raise InvalidInputError(f"a promise is made by 'me' or 'them', not '{owner}'")
    promise = Promise(
        contact_id=contact_id,
        entry_id=entry_id,
        owner=owner,
        text=what,
        made_on=made_on,
        due_on=due_on,
    )
    session.add(promise)
    session.flush()
    return promise


def set_promise_status(session: Session, promise_id: int, status: str, on: date) -> Promise:
    if status not in STATUSES:
        raise InvalidInputError(f"status must be one of {', '.join(STATUSES)}")
    promise = session.get(Promise, promise_id)
    if promise is None:
        raise NotFoundError(f"no promise with id {promise_id}")
    promise.status = status
    promise.resolved_on = None if status == "open" else on
    session.add(promise)
    return promise


def open_promises(session: Session, contact_id: int | None = None) -> list[Promise]:
    query = select(Promise).where(Promise.status == "open")
    if contact_id is not None:
        query = query.where(Promise.contact_id == contact_id)
    # Undated promises last, the most urgent first.
    return list(
        session.exec(
            query.order_by(col(Promise.due_on).is_(None), col(Promise.due_on), col(Promise.id))
        ).all()
    )


def promises_of(session: Session, contact_id: int) -> list[Promise]:
    return list(
        session.exec(
            select(Promise)
            .where(Promise.contact_id == contact_id)
            .order_by(col(Promise.made_on).desc(), col(Promise.id).desc())
        ).all()
    )


def promise_list(
    session: Session, status: str, due_from: date | None, due_until: date | None
) -> list[tuple[Promise, str]]:
    """Promises of live contacts with ``status`` (and due between the dates given), with
    their contact's name; soonest due first, undated last."""
    query = (
        select(Promise, Contact.display_name)
        .join(Contact, col(Contact.id) == Promise.contact_id)
        .where(col(Contact.deleted_at).is_(None), Promise.status == status)
    )
    if due_from is not None:
        query = query.where(col(Promise.due_on) >= due_from)
    if due_until is not None:
        query = query.where(col(Promise.due_on) <= due_until)
    query = query.order_by(col(Promise.due_on).is_(None), col(Promise.due_on), col(Promise.id))
    return [(promise, name) for promise, name in session.exec(query).all()]
