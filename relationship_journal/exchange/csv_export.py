"""Contacts as CSV, one row each, that spreadsheets open safely and our import reads back
whole: each email, phone, address and anniversary in numbered columns with its label, a
byte-order mark so that spreadsheet programs read UTF-8, and every text cell that a
spreadsheet would take for a formula (=, +, -, @, tab, carriage return) prefixed with an
apostrophe, as OWASP recommends; a cell starting with an apostrophe gets one more, so the
import can take exactly one away."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from sqlmodel import Session

from relationship_journal.domain import ledger
from relationship_journal.domain.contact import ContactDraft
from relationship_journal.exchange.csv_formats import MULTI_SEPARATOR
from relationship_journal.exchange.csv_known import ADDRESS_PARTS
from relationship_journal.store import clock
from relationship_journal.store.contacts import draft_of, get_contact
from relationship_journal.store.models import Contact

BOM = "\ufeff"
NAME_COLUMNS = (
    "Name",
    "Name Prefix",
    "Given Name",
    "Middle Name",
    "Family Name",
    "Name Suffix",
    "Nickname",
    "Organisation",
    "Department",
    "Title",
    "Role",
)
TAIL_COLUMNS = (
    "Birthday",
    "Tier",
    "Relationship",
    "Stage",
    "Balance",
    "Last Contact",
    "Tags",
    "Notes",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def guard(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _header(counts: dict[str, int]) -> list[str]:
    header = list(NAME_COLUMNS)
    for n in range(1, counts["email"] + 1):
        header += [f"Email {n}", f"Email {n} Label"]
    for n in range(1, counts["phone"] + 1):
        header += [f"Phone {n}", f"Phone {n} Label"]
    for n in range(1, counts["address"] + 1):
        header += [f"Address {n} Label", *(f"Address {n} {part}" for part in ADDRESS_PARTS)]
    for n in range(1, counts["anniversary"] + 1):
        header += [f"Anniversary {n}", f"Anniversary {n} Label"]
    return header + list(TAIL_COLUMNS)


def _padded(items: list[list[str]], count: int, width: int) -> list[str]:
    cells = [cell for item in items for cell in item]
    return cells + [""] * ((count - len(items)) * width)


def _row(draft: ContactDraft, contact: Contact, counts: dict[str, int]) -> list[str]:
    now = clock.now()
    last = contact.last_contact_at
    texts = [
        draft.display_name,
        draft.name_prefix,
        draft.given_name,
        draft.middle_name,
        draft.family_name,
        draft.name_suffix,
        draft.nickname,
        draft.organisation,
        draft.org_unit,
        draft.title,
        draft.role,
    ]
    texts += _padded([[e.value, e.label] for e in draft.emails], counts["email"], 2)
    texts += _padded([[p.value, p.label] for p in draft.phones], counts["phone"], 2)
    texts += _padded(
        [[a.label, *a.parts()] for a in draft.addresses], counts["address"], 1 + len(ADDRESS_PARTS)
    )
    texts += _padded(
        [[m.day.iso(), m.label] for m in draft.anniversaries], counts["anniversary"], 2
    )
    texts += [
        draft.birthday.iso() if draft.birthday else "",
        draft.tier,
        draft.relationship_type,
        contact.stage,
    ]
    numbers = [
        f"{ledger.balance_from_sum(contact.balance_sum, now):.2f}",
        last.astimezone().date().isoformat() if last else "",
    ]
    tail = [MULTI_SEPARATOR.join(draft.tags), draft.notes]
    return [guard(text) for text in texts] + numbers + [guard(text) for text in tail]


def export_csv(session: Session, contact_ids: Iterable[int]) -> str:
    people = []
    for contact_id in contact_ids:
        contact = get_contact(session, contact_id)
        people.append((draft_of(session, contact), contact))
    counts = {
        "email": max((len(d.emails) for d, _ in people), default=0) or 1,
        "phone": max((len(d.phones) for d, _ in people), default=0) or 1,
        "address": max((len(d.addresses) for d, _ in people), default=0),
        "anniversary": max((len(d.anniversaries) for d, _ in people), default=0),
    }
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_header(counts))
    for draft, contact in people:
        writer.writerow(_row(draft, contact, counts))
    return buffer.getvalue()
