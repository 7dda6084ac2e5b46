"""Organisations as accounts: the relationships the user holds there, taken together.

The figures come from those kept on each contact row (running sum, last contact), summed
by organisation in one grouped query; the combined balance is the balance of the summed
running sums, since every balance decays by the same factor. The trend needs the recent
entries of each person, so it is worked out for one organisation's page, not for the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import text
from sqlmodel import Session

from relationship_journal.domain import ledger
from relationship_journal.domain.moments import Moment
from relationship_journal.store.agenda import collect
from relationship_journal.store.balances import recent_sums
from relationship_journal.store.contact_list import ContactRow, rows_for
from relationship_journal.store.errors import NotFoundError
from relationship_journal.store.models import Organisation
from relationship_journal.store.organisations import PersonThere, people_at

RECENT_INTERACTIONS = 12
UPCOMING_DAYS = 30


@dataclass(frozen=True)
class AccountRow:
    """One organisation in the list, with the figures it can be sorted by."""

    id: int
    name: str
    industry: str
    people_now: int
    people_before: int
    balance: float  # the current people's balances together, today
    last_contact: datetime | None
    open_promises: int  # both ways, with the people there now


_ACCOUNTS = """
    SELECT o.id, o.name, o.industry,
        (SELECT count(DISTINCT e.contact_id) FROM employment e JOIN contact c
            ON c.id = e.contact_id AND c.deleted_at IS NULL
         WHERE e.organisation_id = o.id AND e.ended_on IS NULL),
        (SELECT count(DISTINCT e.contact_id) FROM employment e JOIN contact c
            ON c.id = e.contact_id AND c.deleted_at IS NULL
         WHERE e.organisation_id = o.id AND e.ended_on IS NOT NULL
           AND coalesce(c.organisation_id, -1) != o.id),
        coalesce(f.running, 0), f.last_contact, coalesce(p.open, 0)
    FROM organisation o
    LEFT JOIN (SELECT organisation_id, sum(balance_sum) AS running,
                      max(last_contact_at) AS last_contact
               FROM contact WHERE deleted_at IS NULL GROUP BY organisation_id) f
        ON f.organisation_id = o.id
    LEFT JOIN (SELECT c.organisation_id, count(*) AS open FROM promise p
               JOIN contact c ON c.id = p.contact_id AND c.deleted_at IS NULL
               WHERE p.status = 'open' GROUP BY c.organisation_id) p
        ON p.organisation_id = o.id
    ORDER BY o.name_key
"""


def _moment(value: object) -> datetime | None:
    """A moment read by plain SQL: stored in UTC, without its offset."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def accounts(session: Session, now: datetime) -> list[AccountRow]:
    """Every organisation with its figures, by name."""
    rows = session.execute(text(_ACCOUNTS)).all()
    return [
        AccountRow(
            oid,
            name,
            industry,
            now_count,
            before,
            ledger.balance_from_sum(running, now),
            _moment(last),
            open_count,
        )
        for oid, name, industry, now_count, before, running, last, open_count in rows
    ]


@dataclass(frozen=True)
class AccountPromise:
    contact_id: int
    name: str
    mine: bool  # I promised (or they did)
    text: str
    due_on: date | None


@dataclass(frozen=True)
class AccountEntry:
    entry_id: int
    occurred_at: datetime
    summary: str
    value: int
    people: str  # who of the organisation took part


@dataclass(frozen=True)
class Account:
    """One organisation's page."""

    id: int
    name: str
    industry: str
    now: list[tuple[PersonThere, ContactRow | None]]
    before: list[tuple[PersonThere, ContactRow | None]]
    standing: ledger.Standing | None  # of the people there now, together
    last_contact: datetime | None
    promises: list[AccountPromise]
    upcoming: list[Moment]
    recent: list[AccountEntry]


_PROMISES = """
    SELECT p.contact_id, c.display_name, p.owner, p.text, p.due_on FROM promise p
    JOIN contact c ON c.id = p.contact_id AND c.deleted_at IS NULL
    WHERE p.status = 'open' AND p.contact_id IN ({ids})
    ORDER BY p.due_on IS NULL, p.due_on, p.id
"""
_RECENT = """
    SELECT e.id, e.occurred_at, e.summary, e.value, group_concat(c.display_name, ', ')
    FROM entry e JOIN entry_contact ec ON ec.entry_id = e.id
    JOIN contact c ON c.id = ec.contact_id AND c.deleted_at IS NULL
    WHERE ec.contact_id IN ({ids})
    GROUP BY e.id ORDER BY e.occurred_at DESC, e.id DESC LIMIT :n
"""


def _ids(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def _together(rows: list[ContactRow], session: Session, now: datetime) -> ledger.Standing | None:
    if not rows:
        return None
    running = sum(r.standing.balance for r in rows)
    ids = [r.id for r in rows]
    recent = sum(recent_sums(session, ids, now).values())
    last = max((r.last_contact for r in rows if r.last_contact), default=None)
    sums = running / ledger.balance_from_sum(1.0, now)
    return ledger.standing_from_sums(sums, recent, last, None, now)


def account(session: Session, organisation_id: int, now: datetime) -> Account:
    found = session.get(Organisation, organisation_id)
    if found is None:
        raise NotFoundError(f"no organisation with id {organisation_id}")
    people = people_at(session, organisation_id)
    rows = {row.id: row for row in rows_for(session, [p.contact_id for p in people], now)}
    now_people = [(p, rows.get(p.contact_id)) for p in people if p.current]
    current_ids = {p.contact_id for p, _ in now_people}
    before = [(p, rows.get(p.contact_id)) for p in people if not p.current]
    before = [pair for pair in before if pair[0].contact_id not in current_ids]
    current_rows = [row for _, row in now_people if row is not None]
    everyone = sorted({p.contact_id for p in people})
    promises = [
        AccountPromise(cid, name, owner == "me", what, _day(due))
        for cid, name, owner, what, due in session.execute(
            text(_PROMISES.format(ids=_ids(sorted(current_ids))))
        ).all()
    ]
    recent = [
        AccountEntry(eid, _moment(at) or now, summary, value, names)
        for eid, at, summary, value, names in session.execute(
            text(_RECENT.format(ids=_ids(everyone))), params={"n": RECENT_INTERACTIONS}
        ).all()
    ]
    today = now.astimezone().date()
    upcoming = [m for m in collect(session, today, UPCOMING_DAYS) if m.contact_id in current_ids]
    standing = _together(current_rows, session, now)
    last = max((r.last_contact for r in current_rows if r.last_contact), default=None)
    return Account(
        organisation_id,
        found.name,
        found.industry,
        now_people,
        before,
        standing,
        last,
        promises,
        upcoming,
        recent,
    )


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
