"""The running sums behind every balance, kept exact.

Logging an entry adds its term to each of its contacts' sums with one SQL ``UPDATE``
inside the writing transaction, which holds SQLite's write lock from its first statement
(``Journal.transaction``): the sum it adds to is the committed one, whatever other
processes are writing. Editing or deleting an entry recomputes its contacts' sums from
their entries instead of subtracting, so no rounding remainder of a large term outlives it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from itertools import groupby

from sqlalchemy import Row, case, update
from sqlmodel import Session, col, select

from relationship_journal.domain import ledger
from relationship_journal.store.models import Contact, Entry, EntryContact

# Contacts recomputed at once (each one a bound value of a statement).
BATCH = 500


def add_term(
    session: Session, contact_ids: Iterable[int], value: int, at: datetime, logged_at: datetime
) -> None:
    """Credit or debit each contact with one new entry, and move its last contact forward."""
    ids = list(contact_ids)
    if not ids:
        return
    changes: dict[str, object] = {
        "last_contact_at": case(
            (col(Contact.last_contact_at).is_(None), at),
            (col(Contact.last_contact_at) < at, at),
            else_=col(Contact.last_contact_at),
        )
    }
    if value:
        changes["balance_sum"] = col(Contact.balance_sum) + ledger.term(value, at, logged_at)
    session.execute(
        update(Contact).where(col(Contact.id).in_(ids)).values(changes),
        execution_options={"synchronize_session": "fetch"},
    )


def recompute(
    session: Session, contact_ids: Iterable[int] | None = None, keep_close: bool = False
) -> int:
    """Contacts' running sums and last contacts computed afresh from their entries: those
    of ``contact_ids``, or every contact's. With ``keep_close``, a stored sum within
    rounding of the computed one is kept as it is (an import stays byte for byte).
    Returns how many contacts changed. A batch of contacts at a time: memory does not
    grow with the journal."""
    changed = 0
    for contacts in _stored(session, contact_ids):
        changes = _changes(session, contacts, keep_close)
        if changes:
            session.execute(update(Contact), changes)
        changed += len(changes)
    for held in list(session.identity_map.values()):
        if isinstance(held, Contact):
            session.expire(held, ["balance_sum", "last_contact_at"])
    return changed


Stored = Sequence[Row[int, float, datetime | None]]


def _stored(session: Session, contact_ids: Iterable[int] | None) -> Iterator[Stored]:
    """The contacts' stored figures, in id order, a batch at a time."""
    stored = select(Contact.id, Contact.balance_sum, Contact.last_contact_at).order_by(
        col(Contact.id)
    )
    if contact_ids is not None:
        ids = sorted(set(contact_ids))
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            yield session.execute(stored.where(col(Contact.id).in_(chunk))).all()
        return
    after = -1
    while contacts := session.execute(stored.where(col(Contact.id) > after).limit(BATCH)).all():
        yield contacts
        after = contacts[-1][0]


def _changes(session: Session, contacts: Stored, keep_close: bool) -> list[dict[str, object]]:
    """The new figures of those of ``contacts`` (in id order) whose stored ones are off."""
    entries = (
        select(EntryContact.contact_id, Entry.value, Entry.occurred_at, Entry.created_at)
        .join(Entry, col(Entry.id) == EntryContact.entry_id)
        .where(col(EntryContact.contact_id).in_([row[0] for row in contacts]))
        .order_by(col(EntryContact.contact_id))
    )
    computed: dict[int, tuple[float, datetime | None]] = {}
    # The connection's plain rows: the ORM adds nothing to a few columns but time.
    for contact_id, group in groupby(session.connection().execute(entries), key=lambda r: r[0]):
        rows = list(group)
        total = math.fsum(ledger.term(v, at, made) for _, v, at, made in rows)
        computed[contact_id] = (total, max(at for _, _, at, _ in rows))
    changes: list[dict[str, object]] = []
    for contact_id, old_sum, old_last in contacts:
        total, last = computed.get(contact_id, (0.0, None))
        close = math.isclose(old_sum, total, rel_tol=1e-9, abs_tol=1e-9) and old_last == last
        if not (keep_close and close):
            changes.append({"id": contact_id, "balance_sum": total, "last_contact_at": last})
    return changes


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
