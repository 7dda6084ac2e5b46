"""A contact's addresses and anniversaries: the rows they are stored in, read back."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from relationship_journal.domain.contact import Address, DatedMoment
from relationship_journal.domain.dates import PartialDate
from relationship_journal.store.models import ContactAddress, ContactAnniversary


def address_row(contact_id: int, address: Address) -> dict[str, Any]:
    return {
        "contact_id": contact_id,
        "label": address.label,
        "street": address.street,
        "locality": address.locality,
        "region": address.region,
        "postcode": address.postcode,
        "country": address.country,
    }


def anniversary_row(contact_id: int, moment: DatedMoment) -> dict[str, Any]:
    return {
        "contact_id": contact_id,
        "label": moment.label,
        "year": moment.day.year,
        "month": moment.day.month,
        "day": moment.day.day,
    }


def addresses_of(session: Session, contact_id: int) -> list[Address]:
    rows = session.exec(
        select(ContactAddress)
        .where(ContactAddress.contact_id == contact_id)
        .order_by(col(ContactAddress.id))
    ).all()
    return [Address(r.label, r.street, r.locality, r.region, r.postcode, r.country) for r in rows]


def anniversaries_of(session: Session, contact_id: int) -> list[DatedMoment]:
    rows = session.exec(
        select(ContactAnniversary)
        .where(ContactAnniversary.contact_id == contact_id)
        .order_by(col(ContactAnniversary.id))
    ).all()
    return [DatedMoment(r.label, PartialDate(r.month, r.day, r.year)) for r in rows]
