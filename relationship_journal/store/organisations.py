"""Organisations and the people the user knows there, now and before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy
from sqlalchemy import case, func
from sqlmodel import Session, col, select

from relationship_journal.domain.text import fold
from relationship_journal.store.errors import NotFoundError
from relationship_journal.store.models import Contact, Employment, Organisation


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    industry: str
    people_now: int
    people_before: int


@dataclass(frozen=True)
class PersonThere:
    contact_id: int
    name: str
    title: str
    started_on: date | None
    ended_on: date | None

    @property
    def current(self) -> bool:
        return self.ended_on is None


def list_organisations(session: Session, text: str = "") -> list[OrganisationRow]:
    live = col(Contact.deleted_at).is_(None)
    now_count = func.count(func.distinct(case((col(Employment.ended_on).is_(None), Contact.id))))
    before_count = func.count(
        func.distinct(case((col(Employment.ended_on).is_not(None), Contact.id)))
    )
    # SQLModel's select() is typed for up to four columns; SQLAlchemy's takes five.
    query = (
        sqlalchemy.select(
            col(Organisation.id),
            col(Organisation.name),
            col(Organisation.industry),
            now_count,
            before_count,
        )
        .outerjoin(Employment, col(Employment.organisation_id) == Organisation.id)
        .outerjoin(Contact, (col(Contact.id) == Employment.contact_id) & live)
        .group_by(col(Organisation.id))
        .order_by(col(Organisation.name_key))
    )
    key = fold(text)
    if key:
        query = query.where(col(Organisation.name_key).contains(key, autoescape=True))
    return [
        OrganisationRow(oid, name, industry, now, before)
        for oid, name, industry, now, before in session.execute(query).all()
        if oid is not None
    ]


def people_at(session: Session, organisation_id: int) -> list[PersonThere]:
    """Everyone who works or worked there, current staff first."""
    rows = session.execute(
        sqlalchemy.select(
            col(Contact.id),
            col(Contact.display_name),
            col(Employment.title),
            col(Employment.started_on),
            col(Employment.ended_on),
        )
        .join(Contact, col(Contact.id) == Employment.contact_id)
        .where(
            col(Employment.organisation_id) == organisation_id, col(Contact.deleted_at).is_(None)
        )
        .order_by(col(Employment.ended_on).is_not(None), col(Contact.name_key))
    ).all()
    return [
        PersonThere(cid, name, title, start, end) for cid, name, title, start, end in rows if cid
    ]


def organisation_matching(session: Session, text: str) -> Organisation:
    """The one organisation whose name holds ``text`` (accents and case aside)."""
    key = fold(text)
    found = session.exec(
        select(Organisation).where(col(Organisation.name_key).contains(key, autoescape=True))
    ).all()
    if len(found) != 1:
        names = ", ".join(o.name for o in found[:8]) or "none"
        raise NotFoundError(f"'{text}' matches {len(found)} organisations ({names})")
    return found[0]
