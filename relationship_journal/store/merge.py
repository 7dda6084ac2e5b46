"""Folding one contact into another: two cards of one person become one, nothing lost.

Every entry, promise, reminder, profile answer (with its history), stage and its history,
link, tag, address, anniversary and custom value of the contact folded in moves to the one
kept; e-mails and phones it shares with the kept contact are not doubled. Where both have a
value for a field the user picks one (``take_other``); where only one has it, that value is
kept. Notes are joined, never picked: they are the user's own words. The folded contact is
then deleted. All in the caller's transaction, so the undo log takes the whole merge back.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from relationship_journal.store.errors import InvalidInputError, NotFoundError
from relationship_journal.store.figures import refresh_contact_figures
from relationship_journal.store.models import (
    Contact,
    CustomField,
    CustomValue,
    Employment,
    stored_id,
)

# The contact's own fields a merge compares, with how the user knows them. The birthday is
# one field of three columns.
FIELDS: dict[str, str] = {
    "display_name": "Name",
    "given_name": "Given name",
    "family_name": "Family name",
    "name_prefix": "Name prefix",
    "middle_name": "Middle name",
    "name_suffix": "Name suffix",
    "nickname": "Nickname",
    "organisation_id": "Organisation",
    "org_unit": "Department",
    "title": "Title",
    "role": "Role",
    "birthday": "Birthday",
    "relationship_type": "Relationship",
    "tier": "Tier",
    "cadence_days": "Stay in touch every (days)",
    "met_on": "Met on",
    "met_how": "How we met",
    "photo": "Photo",
}
_BIRTHDAY = ("birth_year", "birth_month", "birth_day")
CUSTOM = "custom:"


@dataclass(frozen=True)
class FieldPair:
    """One field of both contacts as the merge dialog shows it side by side."""

    key: str  # a FIELDS key, or "custom:<field id>"
    label: str
    keep: str
    other: str

    @property
    def conflicting(self) -> bool:
        return bool(self.keep) and bool(self.other) and self.keep != self.other


def _value(session: Session, contact: Contact, key: str) -> Any:
    if key == "birthday":
        return tuple(getattr(contact, name) for name in _BIRTHDAY)
    if key.startswith(CUSTOM):
        row = session.get(CustomValue, (contact.id, int(key[len(CUSTOM) :])))
        return row.value if row else ""
    value = getattr(contact, key)
    return "" if key == "tier" and value == "standard" else value


def _shown(session: Session, key: str, value: Any) -> str:
    if key == "birthday":
        year, month, day = value
        if month is None or day is None:
            return ""
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    if key == "organisation_id":
        if value is None:
            return ""
        found = session.execute(
            text("SELECT name FROM organisation WHERE id = :i"), params={"i": value}
        ).first()
        return str(found[0]) if found else ""
    if key == "photo":
        return f"photo ({len(value) // 1024 or 1} KB)" if value else ""
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _pair_of(session: Session, keep_id: int, other_id: int) -> tuple[Contact, Contact]:
    if keep_id == other_id:
        raise InvalidInputError("a contact cannot be merged with itself")
    found = []
    for contact_id in (keep_id, other_id):
        contact = session.get(Contact, contact_id)
        if contact is None or contact.deleted_at is not None:
            raise NotFoundError(f"no contact with id {contact_id}")
        found.append(contact)
    return found[0], found[1]


def _keys(session: Session) -> list[tuple[str, str]]:
    fields = session.exec(select(CustomField).order_by(col(CustomField.position))).all()
    return [*FIELDS.items(), *((f"{CUSTOM}{f.id}", f.name) for f in fields)]


def compare(session: Session, keep_id: int, other_id: int) -> list[FieldPair]:
    """The fields either contact has, both values shown (the dialog's two columns)."""
    keep, other = _pair_of(session, keep_id, other_id)
    pairs = []
    for key, label in _keys(session):
        mine = _shown(session, key, _value(session, keep, key))
        theirs = _shown(session, key, _value(session, other, key))
        if mine or theirs:
            pairs.append(FieldPair(key, label, mine, theirs))
    return pairs


def merge_contacts(
    session: Session, keep_id: int, other_id: int, take_other: Collection[str], now: datetime
) -> None:
    """Fold ``other_id`` into ``keep_id``; ``take_other``: the conflicting fields whose value
    comes from the other contact (elsewhere the kept contact's value wins, when it has one)."""
    keep, other = _pair_of(session, keep_id, other_id)
    unknown = set(take_other) - {key for key, _ in _keys(session)}
    if unknown:
        raise InvalidInputError(f"no such field to merge: {', '.join(sorted(unknown))}")
    _merge_fields(session, keep, other, take_other)
    keep.notes = "\n\n".join(part for part in (keep.notes.strip(), other.notes.strip()) if part)
    keep.updated_at = now
    session.add(keep)
    session.flush()
    _move_rows(session, keep_id, other_id)
    _custom_values(session, keep_id, other_id, take_other)
    session.delete(other)
    session.flush()
    _settle_jobs(session, keep, now.date())
    refresh_contact_figures(session, [keep_id])


def _merge_fields(
    session: Session, keep: Contact, other: Contact, take_other: Collection[str]
) -> None:
    for key in FIELDS:
        mine, theirs = _value(session, keep, key), _value(session, other, key)
        empty = mine in ("", None) or mine == (None, None, None)
        if not (key in take_other or empty) or theirs in ("", None, (None, None, None)):
            continue
        if key == "birthday":
            for name, part in zip(_BIRTHDAY, theirs, strict=True):
                setattr(keep, name, part)
        else:
            setattr(keep, key, theirs)
            if key == "display_name":
                keep.name_key = other.name_key


# Rows that simply change hands; "OR IGNORE" where the kept contact already has the same
# row (a tag, a layer, an entry both attended), which then goes with the folded contact.
_MOVES = (
    "UPDATE OR IGNORE entry_contact SET contact_id = :keep WHERE contact_id = :other",
    "UPDATE promise SET contact_id = :keep WHERE contact_id = :other",
    "UPDATE reminder SET contact_id = :keep WHERE contact_id = :other",
    "UPDATE profile_fact SET contact_id = :keep WHERE contact_id = :other",
    "UPDATE employment SET contact_id = :keep WHERE contact_id = :other",
    "UPDATE stage_change SET contact_id = :keep WHERE contact_id = :other",
    "UPDATE OR IGNORE contact_layer SET contact_id = :keep WHERE contact_id = :other",
    "UPDATE OR IGNORE contact_tag SET contact_id = :keep WHERE contact_id = :other",
    "UPDATE OR IGNORE notice_rule SET contact_id = :keep WHERE contact_id = :other",
    "UPDATE contact_link SET from_contact_id = :keep WHERE from_contact_id = :other",
    "UPDATE contact_link SET to_contact_id = :keep WHERE to_contact_id = :other",
    "DELETE FROM contact_link WHERE from_contact_id = :keep AND to_contact_id = :keep",
    """UPDATE contact_email SET contact_id = :keep WHERE contact_id = :other AND address_key
       NOT IN (SELECT address_key FROM contact_email WHERE contact_id = :keep)""",
    """UPDATE contact_phone SET contact_id = :keep WHERE contact_id = :other AND (digits = ''
       OR digits NOT IN (SELECT digits FROM contact_phone WHERE contact_id = :keep))""",
    """UPDATE contact_address SET contact_id = :keep WHERE contact_id = :other AND NOT EXISTS
       (SELECT 1 FROM contact_address k WHERE k.contact_id = :keep
        AND k.street = contact_address.street AND k.locality = contact_address.locality
        AND k.postcode = contact_address.postcode
        AND k.country = contact_address.country)""",
    """UPDATE contact_anniversary SET contact_id = :keep WHERE contact_id = :other AND NOT
       EXISTS (SELECT 1 FROM contact_anniversary k WHERE k.contact_id = :keep
       AND k.month = contact_anniversary.month AND k.day = contact_anniversary.day
       AND k.label = contact_anniversary.label)""",
)


def _move_rows(session: Session, keep_id: int, other_id: int) -> None:
    params = {"keep": keep_id, "other": other_id}
    for statement in _MOVES:
        session.execute(text(statement), params=params)


def _custom_values(
    session: Session, keep_id: int, other_id: int, take_other: Collection[str]
) -> None:
    chosen = [int(key[len(CUSTOM) :]) for key in take_other if key.startswith(CUSTOM)]
    for field_id in chosen:
        theirs = session.get(CustomValue, (other_id, field_id))
        mine = session.get(CustomValue, (keep_id, field_id))
        if theirs is not None and mine is not None:
            mine.value = theirs.value
            session.add(mine)
    session.execute(
        text("UPDATE OR IGNORE custom_value SET contact_id = :keep WHERE contact_id = :other"),
        params={"keep": keep_id, "other": other_id},
    )
    session.flush()


def _settle_jobs(session: Session, keep: Contact, today: date) -> None:
    """One current job, at the organisation the merged contact is at: a job at another
    place ends today, a second current job at the same place goes."""
    current = session.exec(
        select(Employment)
        .where(Employment.contact_id == keep.id, col(Employment.ended_on).is_(None))
        .order_by(col(Employment.started_on), col(Employment.id))
    ).all()
    placed = False
    for job in current:
        if job.organisation_id == keep.organisation_id and not placed:
            placed = True
            job.title = keep.title
            session.add(job)
        elif job.organisation_id == keep.organisation_id:
            session.delete(job)
        else:
            job.ended_on = today
            session.add(job)
    if keep.organisation_id is not None and not placed:
        session.add(
            Employment(
                contact_id=stored_id(keep),
                organisation_id=keep.organisation_id,
                title=keep.title,
                started_on=today,
            )
        )
    session.flush()
