"""Contacts and their organisations: creating, editing, trashing and reading them back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from relationship_journal.domain.contact import ContactDraft, Labelled, phone_key
from relationship_journal.domain.custom_fields import check_value
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.text import fold
from relationship_journal.store.contact_details import (
    address_row,
    addresses_of,
    anniversaries_of,
    anniversary_row,
)
from relationship_journal.store.errors import InvalidInputError, NotFoundError
from relationship_journal.store.models import (
    Contact,
    ContactAddress,
    ContactAnniversary,
    ContactEmail,
    ContactPhone,
    CustomField,
    CustomValue,
    Employment,
    Entry,
    EntryContact,
    Organisation,
    stored_id,
)
from relationship_journal.store.tags import set_tags, tags_of
from relationship_journal.store.vocabulary import RELATIONSHIP_TYPE, remember


def organisation_named(session: Session, name: str, now: datetime) -> Organisation:
    """The organisation called ``name`` (accent- and case-insensitively), created if new."""
    key = fold(name)
    found = session.exec(select(Organisation).where(Organisation.name_key == key)).first()
    if found is not None:
        return found
    organisation = Organisation(name=name, name_key=key, created_at=now)
    session.add(organisation)
    session.flush()
    return organisation


def get_contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFoundError(f"no contact with id {contact_id}")
    return contact


def create_contact(session: Session, draft: ContactDraft, now: datetime) -> Contact:
    contact = Contact(display_name="", name_key="", created_at=now, updated_at=now)
    session.add(contact)
    _apply_draft(session, contact, draft.cleaned(), now)
    return contact


def update_contact(
    session: Session, contact_id: int, draft: ContactDraft, now: datetime
) -> Contact:
    contact = get_contact(session, contact_id)
    _apply_draft(session, contact, draft.cleaned(), now)
    return contact


def contact_fields(draft: ContactDraft, now: datetime) -> dict[str, Any]:
    """The contact row's own columns from a cleaned draft (jobs, emails, tags are rows of
    their own)."""
    birthday = draft.birthday
    return {
        "display_name": draft.display_name,
        "name_key": fold(draft.display_name),
        "given_name": draft.given_name,
        "family_name": draft.family_name,
        "nickname": draft.nickname,
        "name_prefix": draft.name_prefix,
        "middle_name": draft.middle_name,
        "name_suffix": draft.name_suffix,
        "org_unit": draft.org_unit,
        "role": draft.role,
        "relationship_type": draft.relationship_type,
        "tier": draft.tier,
        "cadence_days": draft.cadence_days,
        "met_on": draft.met_on,
        "met_how": draft.met_how,
        "notes": draft.notes,
        "birth_year": birthday.year if birthday else None,
        "birth_month": birthday.month if birthday else None,
        "birth_day": birthday.day if birthday else None,
        "updated_at": now,
    }


def email_row(contact_id: int, email: Labelled) -> dict[str, Any]:
    return {
        "contact_id": contact_id,
        "address": email.value,
        "address_key": email.value.casefold(),
        "label": email.label,
    }


def phone_row(contact_id: int, phone: Labelled) -> dict[str, Any]:
    return {
        "contact_id": contact_id,
        "number": phone.value,
        "digits": phone_key(phone.value),
        "label": phone.label,
    }


def detail_rows(contact_id: int, draft: ContactDraft) -> dict[Any, list[dict[str, Any]]]:
    """The rows of a contact's emails, phones, addresses and anniversaries, by table."""
    return {
        ContactEmail: [email_row(contact_id, e) for e in draft.emails],
        ContactPhone: [phone_row(contact_id, p) for p in draft.phones],
        ContactAddress: [address_row(contact_id, a) for a in draft.addresses],
        ContactAnniversary: [anniversary_row(contact_id, m) for m in draft.anniversaries],
    }


def _apply_draft(session: Session, contact: Contact, draft: ContactDraft, now: datetime) -> None:
    for name, value in contact_fields(draft, now).items():
        setattr(contact, name, value)
    session.add(contact)
    session.flush()
    assert contact.id is not None
    _set_current_job(session, contact, draft.organisation, draft.title, now)
    remember(session, RELATIONSHIP_TYPE, draft.relationship_type)
    for model, rows in detail_rows(contact.id, draft).items():
        _replace_rows(session, model, contact.id, rows)
    set_tags(session, contact.id, draft.tags)
    for field_id, value in draft.custom.items():
        set_custom_value(session, contact.id, field_id, value)


def _set_current_job(
    session: Session, contact: Contact, organisation_name: str, title: str, now: datetime
) -> None:
    """Keep the employment history in step with the current organisation and title.

    A new organisation closes the current job and opens another: the relationship follows
    the person. A new title at the same organisation updates the current job in place.
    """
    assert contact.id is not None
    organisation = (
        organisation_named(session, organisation_name, now) if organisation_name else None
    )
    current = session.exec(
        select(Employment)
        .where(Employment.contact_id == contact.id, col(Employment.ended_on).is_(None))
        .order_by(col(Employment.id).desc())
    ).first()
    same_place = (
        current is not None
        and organisation is not None
        and (current.organisation_id == organisation.id)
    )
    if current is not None and not same_place:
        current.ended_on = now.date()
        session.add(current)
    if organisation is not None:
        if same_place and current is not None:
            current.title = title
            session.add(current)
        else:
            # A move from another organisation is seen the day it is recorded; the first
            # place known (a new contact, an imported one) says nothing of when they began.
            session.add(
                Employment(
                    contact_id=contact.id,
                    organisation_id=stored_id(organisation),
                    title=title,
                    started_on=now.date() if current is not None else None,
                )
            )
    contact.organisation_id = organisation.id if organisation else None
    contact.title = title
    session.add(contact)


def _replace_rows(
    session: Session, model: Any, contact_id: int, rows: Sequence[dict[str, Any]]
) -> None:
    """Replace one contact's rows of ``model`` (emails, phones, addresses…) by ``rows``."""
    session.exec(delete(model).where(col(model.contact_id) == contact_id))
    for row in rows:
        session.add(model(**row))


def set_custom_value(session: Session, contact_id: int, field_id: int, value: str) -> None:
    """Answer one custom field for a contact, checked against the field's type."""
    field = session.get(CustomField, field_id)
    if field is None:
        raise NotFoundError(f"no custom field with id {field_id}")
    stored = check_value(
        field.name, field.field_type, [c for c in field.choices.splitlines() if c], value
    )
    row = session.get(CustomValue, (contact_id, field_id))
    if not stored:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(CustomValue(contact_id=contact_id, field_id=field_id, value=stored))
    else:
        row.value = stored
        session.add(row)


def custom_values(session: Session, contact_id: int) -> dict[int, str]:
    rows = session.exec(select(CustomValue).where(CustomValue.contact_id == contact_id)).all()
    return {row.field_id: row.value for row in rows}


def trash_contacts(session: Session, contact_ids: Sequence[int], now: datetime) -> None:
    for contact_id in contact_ids:
        contact = get_contact(session, contact_id)
        contact.deleted_at = now
        session.add(contact)


def restore_contacts(session: Session, contact_ids: Sequence[int]) -> None:
    for contact_id in contact_ids:
        contact = get_contact(session, contact_id)
        contact.deleted_at = None
        session.add(contact)


def purge_contacts(session: Session, contact_ids: Sequence[int]) -> None:
    """Delete contacts from the trash for ever, with everything that belongs to them."""
    for contact_id in contact_ids:
        contact = get_contact(session, contact_id)
        if contact.deleted_at is None:
            raise InvalidInputError(f"{contact.display_name} is not in the trash")
        entry_ids = session.exec(
            select(EntryContact.entry_id).where(EntryContact.contact_id == contact_id)
        ).all()
        session.delete(contact)
        session.flush()
        # Entries shared with other contacts stay theirs; entries about this one alone go.
        shared = select(EntryContact.entry_id).where(col(EntryContact.entry_id).in_(entry_ids))
        session.exec(
            delete(Entry).where(col(Entry.id).in_(entry_ids), col(Entry.id).not_in(shared))
        )


def emails_of(session: Session, contact_id: int) -> list[ContactEmail]:
    return list(
        session.exec(
            select(ContactEmail)
            .where(ContactEmail.contact_id == contact_id)
            .order_by(col(ContactEmail.id))
        ).all()
    )


def phones_of(session: Session, contact_id: int) -> list[ContactPhone]:
    return list(
        session.exec(
            select(ContactPhone)
            .where(ContactPhone.contact_id == contact_id)
            .order_by(col(ContactPhone.id))
        ).all()
    )


def birthday_of(contact: Contact) -> PartialDate | None:
    if contact.birth_month is None or contact.birth_day is None:
        return None
    return PartialDate(contact.birth_month, contact.birth_day, contact.birth_year)


def live_contact_count(session: Session) -> int:
    return session.exec(
        select(func.count()).select_from(Contact).where(col(Contact.deleted_at).is_(None))
    ).one()


def organisation_name(session: Session, organisation_id: int | None) -> str:
    if organisation_id is None:
        return ""
    organisation = session.get(Organisation, organisation_id)
    return organisation.name if organisation else ""


def draft_of(session: Session, contact: Contact) -> ContactDraft:
    """The editable form of a stored contact."""
    assert contact.id is not None
    return ContactDraft(
        display_name=contact.display_name,
        given_name=contact.given_name,
        family_name=contact.family_name,
        nickname=contact.nickname,
        organisation=organisation_name(session, contact.organisation_id),
        title=contact.title,
        emails=[Labelled(e.address, e.label) for e in emails_of(session, contact.id)],
        phones=[Labelled(p.number, p.label) for p in phones_of(session, contact.id)],
        birthday=birthday_of(contact),
        relationship_type=contact.relationship_type,
        tier=contact.tier,
        cadence_days=contact.cadence_days,
        met_on=contact.met_on,
        met_how=contact.met_how,
        notes=contact.notes,
        tags=tags_of(session, contact.id),
        custom=custom_values(session, contact.id),
        name_prefix=contact.name_prefix,
        middle_name=contact.middle_name,
        name_suffix=contact.name_suffix,
        org_unit=contact.org_unit,
        role=contact.role,
        addresses=addresses_of(session, contact.id),
        anniversaries=anniversaries_of(session, contact.id),
    )
