"""Contacts as CSV, one row each, in columns any spreadsheet or address book understands."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from sqlmodel import Session

from relationship_journal.domain import ledger
from relationship_journal.store import clock
from relationship_journal.store.contacts import draft_of, get_contact

COLUMNS = (
    "Name",
    "Given Name",
    "Family Name",
    "Organisation",
    "Title",
    "Emails",
    "Phones",
    "Birthday",
    "Tier",
    "Relationship",
    "Stage",
    "Balance",
    "Last Contact",
    "Tags",
    "Notes",
)


def export_csv(session: Session, contact_ids: Iterable[int]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    now = clock.now()
    for contact_id in contact_ids:
        contact = get_contact(session, contact_id)
        draft = draft_of(session, contact)
        last = contact.last_contact_at
        writer.writerow(
            (
                draft.display_name,
                draft.given_name,
                draft.family_name,
                draft.organisation,
                draft.title,
                " ; ".join(e.value for e in draft.emails),
                " ; ".join(p.value for p in draft.phones),
                draft.birthday.iso() if draft.birthday else "",
                draft.tier,
                draft.relationship_type,
                contact.stage,
                f"{ledger.balance_from_sum(contact.balance_sum, now):.2f}",
                last.astimezone().date().isoformat() if last else "",
                ", ".join(draft.tags),
                draft.notes,
            )
        )
    return buffer.getvalue()
