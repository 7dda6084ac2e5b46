"""From a file to the journal: read, match against who is already there, then apply as one
transaction (or not at all)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlmodel import Session

from relationship_journal.domain.contact import MIN_MATCH_DIGITS, Labelled, phone_key
from relationship_journal.domain.text import fold
from relationship_journal.exchange.csv_formats import ColumnMapping
from relationship_journal.exchange.csv_import import read_csv
from relationship_journal.exchange.decoding import (
    check_not_binary,
    decode_text,
    read_import_bytes,
    utf16_to_utf8,
)
from relationship_journal.exchange.records import ImportCancelled, ImportFileError, ImportRecord
from relationship_journal.exchange.vcard_import import read_vcards
from relationship_journal.store import known_people
from relationship_journal.store.bulk import NewContact, create_contacts
from relationship_journal.store.contacts import draft_of, get_contact, update_contact
from relationship_journal.store.facts import current_fact, record_fact

BATCH = 500


class Decision(StrEnum):
    NEW = "import as new"
    MERGE = "merge"
    SKIP = "skip"


@dataclass(frozen=True)
class Match:
    contact_id: int | None  # None: the duplicate is an earlier record of the same file
    name: str
    reason: str  # "same email", "same phone", "same name and organisation"
    record_number: int | None = None


@dataclass
class ImportPreview:
    path: Path
    format_name: str
    records: list[ImportRecord]
    matches: list[Match | None]
    mapping: ColumnMapping | None = None

    @property
    def valid(self) -> list[ImportRecord]:
        return [r for r in self.records if r.valid]

    @property
    def problems(self) -> list[str]:
        """Everything to tell the user: values left out or changed, records refused."""
        return [str(p) for r in self.records for p in r.problems]

    @property
    def refusals(self) -> list[str]:
        return [str(p) for r in self.records for p in r.problems if p.fatal]

    def duplicates(self) -> list[str]:
        """Records skipped as the same person as an earlier one, with the reason."""
        return [
            f"{record.what} {record.number}, {record.draft.display_name}: skipped, {match.reason}"
            for record, match in zip(self.records, self.matches, strict=True)
            if match is not None and match.contact_id is None
        ]

    def default_decisions(self) -> list[Decision]:
        decisions = []
        for record, match in zip(self.records, self.matches, strict=True):
            if not record.valid:
                decisions.append(Decision.SKIP)
            elif match is None:
                decisions.append(Decision.NEW)
            elif match.contact_id is None:
                decisions.append(Decision.SKIP)
            else:
                decisions.append(Decision.MERGE)
        return decisions


@dataclass
class ImportResult:
    created: int = 0
    merged: int = 0
    skipped: int = 0


def looks_like_json(data: bytes) -> bool:
    """Whether the bytes are a JSON document (our whole-journal export), by content."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"{") and b'"format"' in head


# The start of any JSON document holding an array or an object (no CSV starts like this).
_JSON_START = re.compile(rb"(?:\[\s*[\[{\"\]\d-]|\{\s*[\"}])")


def read_file(
    path: Path, mapping: ColumnMapping | None = None
) -> tuple[list[ImportRecord], str, ColumnMapping | None]:
    """Records of a vCard or CSV file, recognised by content rather than by name."""
    data = utf16_to_utf8(read_import_bytes(path))
    check_not_binary(data)
    if looks_like_json(data):
        raise ImportFileError(
            "this is a Relationship Journal JSON export: it restores a whole journal "
            "(relationship-journal import FILE, into an empty journal)"
        )
    if b"BEGIN:VCARD" in data[:4096].upper():
        return read_vcards(data), "vCard", None
    if _JSON_START.match(data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()):
        raise ImportFileError(
            "this is a JSON file, but not a Relationship Journal export; contacts are "
            "imported from vCard (.vcf) or CSV files, which address books, mail programs "
            "and CRMs export"
        )
    text, _charset = decode_text(data)
    del data  # the text is all the CSV reader needs: keep one copy in memory, not two
    records, chosen = read_csv(text, mapping)
    return records, chosen.format_name, chosen


def _enough(key: str) -> bool:
    return len(key) >= MIN_MATCH_DIGITS


class _Index:
    """Who is in the journal, by email, phone number and name with organisation: read for
    the keys of ``records`` only."""

    def __init__(self, session: Session, records: list[ImportRecord]) -> None:
        self.by_email: dict[str, tuple[int, str]] = {}
        self.by_phone: dict[str, tuple[int, str]] = {}
        self.by_name: dict[tuple[str, str], tuple[int, str]] = {}
        drafts = [record.draft for record in records]
        emails = {e.value.casefold() for draft in drafts for e in draft.emails}
        for cid, name, key in known_people.by_email(session, emails):
            self.by_email.setdefault(key, (cid, name))
        phones = {phone_key(p.value) for draft in drafts for p in draft.phones}
        for cid, name, digits in known_people.by_phone(session, filter(_enough, phones)):
            self.by_phone.setdefault(digits, (cid, name))
        names = {(fold(draft.display_name), fold(draft.organisation)) for draft in drafts}
        for cid, name, key, org_key in known_people.by_name(session, names):
            self.by_name.setdefault((key, org_key), (cid, name))
        named = [cid for cid, _ in self.by_name.values()]
        self.emails_of, phones_of = known_people.reached_by(session, named)
        self.phones_of = {cid: set(filter(_enough, found)) for cid, found in phones_of.items()}

    def find(self, record: ImportRecord) -> tuple[int, str, str] | None:
        emails = {e.value.casefold() for e in record.draft.emails}
        phones = {k for k in (phone_key(p.value) for p in record.draft.phones) if _enough(k)}
        for email in emails:
            found = self.by_email.get(email)
            if found:
                return (*found, "same email")
        for digits in phones:
            found = self.by_phone.get(digits)
            if found:
                return (*found, "same phone")
        key = (fold(record.draft.display_name), fold(record.draft.organisation))
        found = self.by_name.get(key)
        if found is None:
            return None
        # Two people of one name are one only if nothing they are reached by differs.
        their_phones = self.phones_of.get(found[0], set())
        their_emails = self.emails_of.get(found[0], set())
        if (phones and their_phones) or (emails and their_emails):
            return None
        return (*found, "same name and organisation")


def _keys(record: ImportRecord) -> list[str]:
    """What identifies a record within its file: its emails and phone numbers."""
    return [f"email:{e.value.casefold()}" for e in record.draft.emails] + [
        f"phone:{k}" for k in (phone_key(p.value) for p in record.draft.phones) if _enough(k)
    ]


def preview(session: Session, path: Path, mapping: ColumnMapping | None = None) -> ImportPreview:
    records, format_name, chosen = read_file(path, mapping)
    index = _Index(session, records)
    matches: list[Match | None] = []
    seen: dict[str, int] = {}
    for record in records:
        found = index.find(record)
        if found is not None:
            matches.append(Match(found[0], found[1], found[2]))
            continue
        keys = _keys(record)
        key = next((k for k in keys if k in seen), None)
        if key is not None:
            earlier = seen[key]
            reason = "same email" if key.startswith("email:") else "same phone"
            matches.append(
                Match(None, record.draft.display_name, f"{reason} as record {earlier}", earlier)
            )
        else:
            matches.append(None)
            for key in keys:
                seen[key] = record.number
    return ImportPreview(path, format_name, records, matches, chosen)


Progress = Callable[[int, int], None]


def apply(
    session: Session,
    plan: ImportPreview,
    decisions: list[Decision],
    now: datetime,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write the chosen records in the caller's transaction; raise to leave nothing behind."""
    result = ImportResult()
    total = len(plan.records)
    batch: list[NewContact] = []
    for index, (record, match, decision) in enumerate(
        zip(plan.records, plan.matches, decisions, strict=True)
    ):
        if index % BATCH == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled
            if progress is not None:
                progress(index, total)
        if decision is Decision.SKIP or not record.valid:
            result.skipped += 1
        elif decision is Decision.MERGE and match is not None and match.contact_id is not None:
            _merge(session, match.contact_id, record, now)
            result.merged += 1
        else:
            batch.append(NewContact(record.draft.cleaned(), record.facts, record.photo))
            if len(batch) >= BATCH:
                result.created += len(create_contacts(session, batch, now))
                batch = []
    result.created += len(create_contacts(session, batch, now))
    if progress is not None:
        progress(total, total)
    return result


def _add_extras(session: Session, contact_id: int, record: ImportRecord, now: datetime) -> None:
    for topic, text in record.facts.items():
        if current_fact(session, contact_id, topic) is None:
            record_fact(session, contact_id, topic, text, now)
    if record.photo:
        contact = get_contact(session, contact_id)
        if contact.photo is None:
            contact.photo = record.photo
            session.add(contact)


def _merge(session: Session, contact_id: int, record: ImportRecord, now: datetime) -> None:
    """Add what the file knows and the journal does not; never overwrite what the user wrote."""
    current = draft_of(session, get_contact(session, contact_id))
    incoming = record.draft.cleaned()
    have_emails = {e.value.casefold() for e in current.emails}
    current.emails += [e for e in incoming.emails if e.value.casefold() not in have_emails]
    have_phones = {phone_key(p.value) for p in current.phones}
    current.phones += [
        Labelled(p.value, p.label) for p in incoming.phones if phone_key(p.value) not in have_phones
    ]
    have_places = {a.parts() for a in current.addresses}
    current.addresses += [a for a in incoming.addresses if a.parts() not in have_places]
    have_days = {(m.label, m.day) for m in current.anniversaries}
    current.anniversaries += [
        m for m in incoming.anniversaries if (m.label, m.day) not in have_days
    ]
    for name in ("name_prefix", "middle_name", "name_suffix", "org_unit", "role"):
        if not getattr(current, name):
            setattr(current, name, getattr(incoming, name))
    have_tags = {t.casefold() for t in current.tags}
    current.tags += [t for t in incoming.tags if t.casefold() not in have_tags]
    if not current.organisation:
        current.organisation, current.title = incoming.organisation, incoming.title
    elif not current.title and fold(current.organisation) == fold(incoming.organisation):
        current.title = incoming.title
    current.birthday = current.birthday or incoming.birthday
    current.met_on = current.met_on or incoming.met_on
    current.met_how = current.met_how or incoming.met_how
    current.nickname = current.nickname or incoming.nickname
    if incoming.notes and incoming.notes not in current.notes:
        current.notes = f"{current.notes}\n\n{incoming.notes}".strip()
    update_contact(session, contact_id, current, now)
    _add_extras(session, contact_id, record, now)
