"""The contacts list as SQL: filtering, sorting and paging happen in the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from relationship_journal.domain import ledger
from relationship_journal.domain.text import fold
from relationship_journal.store.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Entry,
    EntryContact,
    Organisation,
    Promise,
    Tag,
)

SORT_KEYS = ("name", "organisation", "stage", "balance", "last_contact", "known", "tier")


@dataclass(frozen=True)
class ContactFilter:
    text: str = ""
    tag: str | None = None
    stage: str | None = None
    tier: str | None = None
    drifting: bool = False
    trash: bool = False


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    organisation: str
    title: str
    stage: str
    tier: str
    balance: float
    last_contact: datetime | None
    known: int
    cadence_days: int | None
    birth_year: int | None
    birth_month: int | None
    birth_day: int | None
    extras: dict[str, Any] = field(default_factory=dict)


def _conditions(flt: ContactFilter, now: datetime) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        col(Contact.deleted_at).is_not(None) if flt.trash else col(Contact.deleted_at).is_(None)
    ]
    text = fold(flt.text)
    if text:
        for word in text.split():
            conditions.append(
                or_(
                    col(Contact.name_key).contains(word, autoescape=True),
                    col(Organisation.name_key).contains(word, autoescape=True),
                )
            )
    if flt.tag:
        conditions.append(
            exists().where(
                ContactTag.contact_id == Contact.id,
                ContactTag.tag_id == Tag.id,
                Tag.name_key == fold(flt.tag),
            )
        )
    if flt.stage:
        conditions.append(Contact.stage == flt.stage)
    if flt.tier:
        conditions.append(Contact.tier == flt.tier)
    if flt.drifting:
        # Drifting: last interaction longer ago than the contact's cadence (or the default).
        cadence = func.coalesce(Contact.cadence_days, ledger.DEFAULT_CADENCE_DAYS)
        now_utc = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        days_since = func.julianday(now_utc) - func.julianday(Contact.last_contact_at)
        conditions.append(and_(col(Contact.last_contact_at).is_not(None), days_since > cadence))
    return conditions


def _order(sort: str, descending: bool) -> list[Any]:
    columns: dict[str, Any] = {
        "name": Contact.name_key,
        "organisation": func.coalesce(Organisation.name_key, "~"),
        "stage": Contact.stage,
        "balance": Contact.balance_sum,
        "last_contact": Contact.last_contact_at,
        "known": Contact.known_score,
        "tier": Contact.tier,
    }
    key = columns[sort]
    ordered = key.desc() if descending else key.asc()
    tie = col(Contact.name_key).asc()
    return [ordered, tie, col(Contact.id)]


def count_contacts(session: Session, flt: ContactFilter, now: datetime) -> int:
    query = (
        select(func.count())
        .select_from(Contact)
        .outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
        .where(*_conditions(flt, now))
    )
    return session.exec(query).one()


_ROW_COLUMNS = (
    Contact.id,
    Contact.display_name,
    Organisation.name,
    Contact.title,
    Contact.stage,
    Contact.tier,
    Contact.balance_sum,
    Contact.last_contact_at,
    Contact.known_score,
    Contact.cadence_days,
    Contact.birth_year,
    Contact.birth_month,
    Contact.birth_day,
)


def _contact_row(record: Any, factor: float) -> ContactRow:
    return ContactRow(
        id=record[0],
        name=record[1],
        organisation=record[2] or "",
        title=record[3],
        stage=record[4],
        tier=record[5],
        balance=record[6] * factor,
        last_contact=record[7],
        known=record[8],
        cadence_days=record[9],
        birth_year=record[10],
        birth_month=record[11],
        birth_day=record[12],
    )


def list_contacts(
    session: Session,
    flt: ContactFilter,
    now: datetime,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[ContactRow]:
    query = (
        select(*_ROW_COLUMNS)
        .outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
        .where(*_conditions(flt, now))
        .order_by(*_order(sort, descending))
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    factor = ledger.scale(now)
    return [_contact_row(record, factor) for record in session.exec(query).all()]


def ordered_ids(
    session: Session,
    flt: ContactFilter,
    now: datetime,
    sort: str = "name",
    descending: bool = False,
) -> list[int]:
    """Every matching contact's id in list order: one pass over an index, after which any
    stretch of the list is a lookup by primary key, however far down it lies (OFFSET would
    step over every row before it)."""
    query = (
        select(Contact.id)
        .outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
        .where(*_conditions(flt, now))
        .order_by(*_order(sort, descending))
    )
    return [contact_id for (contact_id,) in session.connection().execute(query).all()]


def rows_for(session: Session, ids: list[int], now: datetime) -> list[ContactRow]:
    """The list rows of ``ids``, in that order (ids no longer there are left out)."""
    if not ids:
        return []
    query = (
        select(*_ROW_COLUMNS)
        .outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
        .where(col(Contact.id).in_(ids))
    )
    factor = ledger.scale(now)
    by_id = {row.id: row for row in (_contact_row(r, factor) for r in session.exec(query).all())}
    return [by_id[contact_id] for contact_id in ids if contact_id in by_id]


def recent_sums(session: Session, contact_ids: list[int], now: datetime) -> dict[int, float]:
    """Each contact's running-sum part from the last TREND_DAYS days, for the trend column."""
    if not contact_ids:
        return {}
    since = now - timedelta(days=ledger.TREND_DAYS)
    rows = session.exec(
        select(EntryContact.contact_id, Entry.occurred_at, Entry.value, Entry.created_at)
        .join(Entry, col(Entry.id) == EntryContact.entry_id)
        .where(
            col(EntryContact.contact_id).in_(contact_ids),
            Entry.occurred_at > since,
            Entry.value != 0,
        )
    ).all()
    sums: dict[int, float] = dict.fromkeys(contact_ids, 0.0)
    for contact_id, at, value, logged_at in rows:
        sums[contact_id] += ledger.term(value, at, logged_at)
    return sums


def contact_details(session: Session, contact_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """Emails, phones and tags of several contacts in three queries, for export and JSON."""
    details: dict[int, dict[str, list[str]]] = {
        cid: {"emails": [], "phones": [], "tags": []} for cid in contact_ids
    }
    for cid, address in session.exec(
        select(ContactEmail.contact_id, ContactEmail.address)
        .where(col(ContactEmail.contact_id).in_(contact_ids))
        .order_by(col(ContactEmail.id))
    ).all():
        details[cid]["emails"].append(address)
    for cid, number in session.exec(
        select(ContactPhone.contact_id, ContactPhone.number)
        .where(col(ContactPhone.contact_id).in_(contact_ids))
        .order_by(col(ContactPhone.id))
    ).all():
        details[cid]["phones"].append(number)
    for cid, name in session.exec(
        select(ContactTag.contact_id, Tag.name)
        .join(Tag, col(Tag.id) == ContactTag.tag_id)
        .where(col(ContactTag.contact_id).in_(contact_ids))
        .order_by(Tag.name_key)
    ).all():
        details[cid]["tags"].append(name)
    return details


def next_promise_due(session: Session, contact_ids: list[int]) -> dict[int, date]:
    rows = session.exec(
        select(Promise.contact_id, func.min(Promise.due_on))
        .where(
            col(Promise.contact_id).in_(contact_ids),
            Promise.status == "open",
            col(Promise.due_on).is_not(None),
        )
        .group_by(col(Promise.contact_id))
    ).all()
    return {cid: due for cid, due in rows if due is not None}


@dataclass(frozen=True)
class Drifting:
    """How many contacts drift, and the names of those drifting longest."""

    count: int
    first_names: tuple[str, ...]


def drifting(session: Session, now: datetime, named: int = 3) -> Drifting:
    flt = ContactFilter(drifting=True)
    count = count_contacts(session, flt, now)
    rows = list_contacts(session, flt, now, sort="last_contact", limit=named) if count else []
    return Drifting(count, tuple(row.name for row in rows))
