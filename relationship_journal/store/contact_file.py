"""Everything known about one contact, read in one go: the contact page and the brief use it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from relationship_journal.domain import ledger, profile
from relationship_journal.domain.contact import Address, DatedMoment
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.links import describe
from relationship_journal.domain.records import (
    ContactRecord,
    EntryRecord,
    FactRecord,
    LayerRecord,
    PromiseRecord,
    StageChangeRecord,
)
from relationship_journal.store.balance_series import balance_series_of
from relationship_journal.store.contact_details import addresses_of, anniversaries_of
from relationship_journal.store.contacts import (
    birthday_of,
    emails_of,
    get_contact,
    organisation_name,
    phones_of,
)
from relationship_journal.store.facts import fact_history
from relationship_journal.store.ledger import entries_of, standing_of
from relationship_journal.store.models import (
    Contact,
    ContactLink,
    CustomField,
    CustomValue,
    Employment,
    Organisation,
    stored_id,
)
from relationship_journal.store.promises import promises_of
from relationship_journal.store.records import (
    contact_record,
    fact_record,
    layer_record,
    promise_record,
    stage_change_record,
)
from relationship_journal.store.stages import layers_of, stage_history
from relationship_journal.store.tags import tags_of


@dataclass(frozen=True)
class Job:
    organisation_id: int
    organisation: str
    title: str
    started_on: date | None
    ended_on: date | None


@dataclass(frozen=True)
class Link:
    id: int
    other_id: int
    other_name: str
    relation: str  # read from this contact's side: "reports to", "manages"…


@dataclass(frozen=True)
class CustomAnswer:
    field_id: int
    name: str
    field_type: str
    choices: list[str]
    value: str


@dataclass(frozen=True)
class EntryPage:
    """A contact's entries, newest first, as far as a limit; ``more`` when older ones follow."""

    entries: list[EntryRecord]
    more: bool


def entry_page(
    session: Session, contact_id: int, limit: int | None, after: EntryRecord | None = None
) -> EntryPage:
    """Up to ``limit`` entries of the contact (every one with None), newest first, starting
    after the entry ``after`` in that order."""
    older_than = None if after is None else (after.occurred_at, after.id)
    entries = entries_of(session, contact_id, None if limit is None else limit + 1, older_than)
    more = limit is not None and len(entries) > limit
    return EntryPage(entries[:limit], more)


@dataclass
class ContactFile:
    contact: ContactRecord
    organisation: str
    emails: list[str]
    phones: list[str]
    birthday: PartialDate | None
    tags: list[str]
    facts: dict[str, FactRecord]
    fact_history: list[FactRecord]
    layers: list[LayerRecord]
    stage_history: list[StageChangeRecord]
    entries: list[EntryRecord]
    promises: list[PromiseRecord]
    jobs: list[Job]
    links: list[Link]
    custom: list[CustomAnswer]
    standing: ledger.Standing
    balance_series: list[tuple[date, float]]
    today: date  # the day the file was read on: ages, overdue promises, "known for"
    # Kept from contact files (vCard ADR, ANNIVERSARY) or typed: for pages that show them.
    addresses: list[Address] = dataclasses.field(default_factory=list)
    anniversaries: list[DatedMoment] = dataclasses.field(default_factory=list)
    # Whether the contact has entries older than those in ``entries`` (read up to a limit).
    more_entries: bool = False

    @property
    def id(self) -> int:
        return self.contact.id

    @property
    def open_promises(self) -> list[PromiseRecord]:
        return [p for p in self.promises if p.status == "open"]


def load_contact_file(
    session: Session, contact_id: int, now: datetime, entry_limit: int | None = None
) -> ContactFile:
    """The contact and everything known about it; of its entries the newest ``entry_limit``
    (every one with None: an export or a test that needs them all says so)."""
    contact = get_contact(session, contact_id)
    today = now.astimezone().date()
    history_rows = [fact_record(f) for f in fact_history(session, contact_id)]
    entries = entry_page(session, contact_id, entry_limit)
    return ContactFile(
        contact=contact_record(contact),
        organisation=organisation_name(session, contact.organisation_id),
        emails=[e.address for e in emails_of(session, contact_id)],
        phones=[p.number for p in phones_of(session, contact_id)],
        birthday=birthday_of(contact),
        tags=tags_of(session, contact_id),
        facts=profile.current_facts(reversed(history_rows)),
        fact_history=history_rows,
        layers=[layer_record(row) for row in layers_of(session, contact_id)],
        stage_history=[stage_change_record(row) for row in stage_history(session, contact_id)],
        entries=entries.entries,
        promises=[promise_record(row) for row in promises_of(session, contact_id)],
        jobs=jobs_of(session, contact_id),
        links=links_of(session, contact_id),
        custom=custom_answers(session, contact_id),
        standing=standing_of(session, contact, now),
        balance_series=balance_series_of(session, contact_id, today),
        today=today,
        addresses=addresses_of(session, contact_id),
        anniversaries=anniversaries_of(session, contact_id),
        more_entries=entries.more,
    )


def jobs_of(session: Session, contact_id: int) -> list[Job]:
    rows = session.exec(
        select(Employment, Organisation.name)
        .join(Organisation, col(Organisation.id) == Employment.organisation_id)
        .where(Employment.contact_id == contact_id)
        .order_by(col(Employment.ended_on).is_not(None), col(Employment.started_on).desc())
    ).all()
    return [
        Job(job.organisation_id, name, job.title, job.started_on, job.ended_on)
        for job, name in rows
    ]


def links_of(session: Session, contact_id: int) -> list[Link]:
    """Links in both directions, each described from this contact's side."""
    found: list[Link] = []
    outgoing = session.exec(
        select(ContactLink, Contact.display_name)
        .join(Contact, col(Contact.id) == ContactLink.to_contact_id)
        .where(ContactLink.from_contact_id == contact_id, col(Contact.deleted_at).is_(None))
    ).all()
    for link, name in outgoing:
        found.append(Link(stored_id(link), link.to_contact_id, name, describe(link.kind, True)))
    incoming = session.exec(
        select(ContactLink, Contact.display_name)
        .join(Contact, col(Contact.id) == ContactLink.from_contact_id)
        .where(ContactLink.to_contact_id == contact_id, col(Contact.deleted_at).is_(None))
    ).all()
    for link, name in incoming:
        found.append(Link(stored_id(link), link.from_contact_id, name, describe(link.kind, False)))
    return sorted(found, key=lambda link: (link.relation, link.other_name))


def custom_answers(session: Session, contact_id: int) -> list[CustomAnswer]:
    fields = session.exec(select(CustomField).order_by(col(CustomField.position))).all()
    values = {
        row.field_id: row.value
        for row in session.exec(
            select(CustomValue).where(CustomValue.contact_id == contact_id)
        ).all()
    }
    return [_answer(field, values.get(stored_id(field), "")) for field in fields]


def _answer(field: CustomField, value: str) -> CustomAnswer:
    choices = [c for c in field.choices.splitlines() if c]
    return CustomAnswer(stored_id(field), field.name, field.field_type, choices, value)
