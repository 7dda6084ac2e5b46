"""The contacts list as SQL: filtering, sorting and paging happen in the database."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy
from sqlalchemy import String, exists, func, or_, type_coerce
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from relationship_journal.domain import ledger, moments
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.moments import Upcoming
from relationship_journal.domain.text import fold
from relationship_journal.store.balances import recent_sums
from relationship_journal.store.models import (
    Contact,
    ContactAnniversary,
    ContactEmail,
    ContactPhone,
    ContactTag,
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
    """One contact as lists show it, with the account's standing worked out."""

    id: int
    name: str
    organisation: str
    title: str
    stage: str
    tier: str
    standing: ledger.Standing
    last_contact: datetime | None
    known: int
    cadence_days: int | None
    birth_year: int | None
    birth_month: int | None
    birth_day: int | None

    @property
    def balance(self) -> float:
        return self.standing.balance


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
                col(ContactTag.contact_id) == Contact.id,
                col(ContactTag.tag_id) == Tag.id,
                col(Tag.name_key) == fold(flt.tag),
            )
        )
    if flt.stage:
        conditions.append(col(Contact.stage) == flt.stage)
    if flt.tier:
        conditions.append(col(Contact.tier) == flt.tier)
    if flt.drifting:
        # Drifting: last interaction longer ago than the contact's cadence (or the default).
        # The kept lapse (see migration 0006) makes this a range of an index.
        now_utc = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        conditions.append(col(Contact.lapse_at) < type_coerce(now_utc, String))
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
    query = select(func.count()).select_from(Contact)
    if fold(flt.text):  # only a text filter reads the organisation; else the count is
        # a read of one index, not a lookup of every contact row for its organisation
        query = query.outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
    return session.exec(query.where(*_conditions(flt, now))).one()


# Selected with SQLAlchemy's select(): SQLModel's is typed for up to four columns.
_ROW_COLUMNS = (
    col(Contact.id),
    col(Contact.display_name),
    col(Organisation.name),
    col(Contact.title),
    col(Contact.stage),
    col(Contact.tier),
    col(Contact.balance_sum),
    col(Contact.last_contact_at),
    col(Contact.known_score),
    col(Contact.cadence_days),
    col(Contact.birth_year),
    col(Contact.birth_month),
    col(Contact.birth_day),
)


def _contact_rows(session: Session, records: Sequence[Any], now: datetime) -> list[ContactRow]:
    """List rows from the selected columns, each with its standing (one query for the
    recent part of every running sum)."""
    recents = recent_sums(session, [record[0] for record in records], now)
    return [
        ContactRow(
            id=record[0],
            name=record[1],
            organisation=record[2] or "",
            title=record[3],
            stage=record[4],
            tier=record[5],
            standing=ledger.standing_from_sums(
                record[6], recents.get(record[0], 0.0), record[7], record[9], now
            ),
            last_contact=record[7],
            known=record[8],
            cadence_days=record[9],
            birth_year=record[10],
            birth_month=record[11],
            birth_day=record[12],
        )
        for record in records
    ]


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
        sqlalchemy.select(*_ROW_COLUMNS)
        .outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
        .where(*_conditions(flt, now))
        .order_by(*_order(sort, descending))
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    return _contact_rows(session, session.execute(query).all(), now)


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
        sqlalchemy.select(*_ROW_COLUMNS)
        .outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
        .where(col(Contact.id).in_(ids))
    )
    by_id = {row.id: row for row in _contact_rows(session, session.execute(query).all(), now)}
    return [by_id[contact_id] for contact_id in ids if contact_id in by_id]


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


def upcoming_for(session: Session, rows: Sequence[ContactRow], today: date) -> dict[int, Upcoming]:
    """Each listed contact's next moment, by the agenda's rules (``moments.next_for_contact``),
    in a few queries for the whole page."""
    ids = [row.id for row in rows]
    if not ids:
        return {}
    dues = next_promise_due(session, ids)
    yearly: dict[int, list[tuple[PartialDate, str]]] = {cid: [] for cid in ids}
    for cid, met_on in session.exec(
        select(col(Contact.id), col(Contact.met_on)).where(
            col(Contact.id).in_(ids), col(Contact.met_on).is_not(None)
        )
    ).all():
        if cid is not None and met_on is not None:
            yearly[cid].append((PartialDate(met_on.month, met_on.day), "Anniversary"))
    for cid, label, month, day in session.exec(
        select(
            ContactAnniversary.contact_id,
            ContactAnniversary.label,
            ContactAnniversary.month,
            ContactAnniversary.day,
        ).where(col(ContactAnniversary.contact_id).in_(ids))
    ).all():
        with contextlib.suppress(ValueError):
            yearly[cid].append((PartialDate(month, day), (label or "anniversary").capitalize()))
    found: dict[int, Upcoming] = {}
    for row in rows:
        birthday = (
            PartialDate(row.birth_month, row.birth_day)
            if row.birth_month and row.birth_day
            else None
        )
        cadence_due = None
        if row.last_contact is not None and (row.cadence_days or row.tier == "key"):
            days = row.cadence_days or ledger.DEFAULT_CADENCE_DAYS
            last = row.last_contact
            last = last if last.tzinfo else last.replace(tzinfo=UTC)
            cadence_due = last.astimezone().date() + timedelta(days=days)
        upcoming = moments.next_for_contact(
            today, birthday, yearly[row.id], dues.get(row.id), cadence_due
        )
        if upcoming is not None:
            found[row.id] = upcoming
    return found
