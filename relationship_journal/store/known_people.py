"""Who in the journal an import's records may be, read by index for the records' own
e-mail addresses, phone numbers and names: the cost follows the file, not the journal.

Rows come in the order of their ids, so that where two contacts share a key, the one
written first is found, whatever the file holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlmodel import Session, col, select

from relationship_journal.store.models import Contact, ContactEmail, ContactPhone, Organisation

CHUNK = 500  # values bound to one statement, below SQLite's limit


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


_LIVE = col(Contact.deleted_at).is_(None)


def _by_detail(
    session: Session, model: Any, key: Any, keys: Iterable[str]
) -> list[tuple[int, str, str]]:
    """(contact id, name, key) of the live contacts with a ``model`` row (an e-mail
    address or a phone number) whose ``key`` is one of ``keys``."""
    found: list[tuple[int, str, str]] = []
    for chunk in _chunks(keys):
        found += session.exec(
            select(model.contact_id, Contact.display_name, key)
            .join(Contact, col(Contact.id) == model.contact_id)
            .where(_LIVE, col(key).in_(chunk))
            .order_by(col(model.id))
        ).all()
    return found


def by_email(session: Session, keys: Iterable[str]) -> list[tuple[int, str, str]]:
    """(contact id, name, address key) of the live contacts with these address keys."""
    return _by_detail(session, ContactEmail, ContactEmail.address_key, keys)


def by_phone(session: Session, digits: Iterable[str]) -> list[tuple[int, str, str]]:
    """(contact id, name, digits) of the live contacts with numbers of these digits."""
    return _by_detail(session, ContactPhone, ContactPhone.digits, digits)


def by_name(session: Session, names: Iterable[tuple[str, str]]) -> list[tuple[int, str, str, str]]:
    """(contact id, name, name key, organisation's name key or "") of the live contacts
    of these (folded name, folded organisation) pairs."""
    wanted = set(names)
    found: list[tuple[int, str, str, str]] = []
    for chunk in _chunks(key for key, _ in wanted):
        for ident, name, key, org_key in session.exec(
            select(Contact.id, Contact.display_name, Contact.name_key, Organisation.name_key)
            .outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
            .where(_LIVE, col(Contact.name_key).in_(chunk))
            .order_by(col(Contact.id))
        ).all():
            if (key, org_key or "") in wanted:
                found.append((ident or 0, name, key, org_key or ""))  # stored rows have ids
    return found


def reached_by(
    session: Session, contact_ids: Sequence[int]
) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """The address keys and the phone digits of each of these contacts."""
    emails: dict[int, set[str]] = {}
    phones: dict[int, set[str]] = {}
    for chunk in _chunks(contact_ids):
        for ident, key in session.exec(
            select(ContactEmail.contact_id, ContactEmail.address_key).where(
                col(ContactEmail.contact_id).in_(chunk)
            )
        ).all():
            emails.setdefault(ident, set()).add(key)
        for ident, digits in session.exec(
            select(ContactPhone.contact_id, ContactPhone.digits).where(
                col(ContactPhone.contact_id).in_(chunk)
            )
        ).all():
            phones.setdefault(ident, set()).add(digits)
    return emails, phones
