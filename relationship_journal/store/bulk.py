"""Creating many rows at once (imports): a handful of multi-row statements per batch instead
of a dozen ORM round trips per contact. Same rows as ``create_contact`` writes.

Rows go in as multi-row ``INSERT … VALUES (…), (…)`` statements rather than one statement
per row (what a driver's ``executemany`` runs): the full-text index writes out what it has
gathered whenever a statement begins, so one statement per row costs a new index segment,
and merging them, per row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnDefault, Connection, Dialect, Table, func
from sqlmodel import Session, col, select

from relationship_journal.domain import profile
from relationship_journal.domain.contact import ContactDraft
from relationship_journal.domain.text import fold
from relationship_journal.store.contacts import contact_fields, detail_rows, set_custom_value
from relationship_journal.store.models import (
    Contact,
    ContactTag,
    Employment,
    Organisation,
    ProfileFact,
    Tag,
)
from relationship_journal.store.vocabulary import RELATIONSHIP_TYPE, remember


@dataclass
class NewContact:
    draft: ContactDraft  # cleaned
    facts: dict[str, str] = field(default_factory=dict)
    photo: bytes | None = None


def _ids_by_key(
    session: Session, model: Any, names: Iterable[str], now: datetime | None
) -> dict[str, int]:
    """Ids of organisations or tags by folded name, creating the missing ones in the order
    they are first named (the first spelling wins), as creating one by one would."""
    keys: dict[str, str] = {}
    for name in names:
        if name:
            keys.setdefault(fold(name), name)
    found = {
        key: ident
        for ident, key in session.exec(
            select(model.id, model.name_key).where(col(model.name_key).in_(list(keys)))
        ).all()
    }
    missing = [
        {"name": keys[key], "name_key": key, **({"created_at": now} if now else {})}
        for key in keys
        if key not in found
    ]
    if missing:
        _insert_model(session, model, missing)
        found.update(
            {
                key: ident
                for ident, key in session.exec(
                    select(model.id, model.name_key).where(
                        col(model.name_key).in_([row["name_key"] for row in missing])
                    )
                ).all()
            }
        )
    return found


# Values bound to one statement: at most this many (a few hundred rows), and no more than
# the driver says SQLite takes; where it cannot say, SQLite's smallest limit (before 3.32).
MAX_VALUES = 10_000
SAFE_VALUES = 999
Bind = Callable[[Any], Any] | None


@lru_cache(maxsize=256)
def _columns(
    table: Table, given: tuple[str, ...], dialect: Dialect
) -> tuple[tuple[str, ...], tuple[Any, ...], tuple[Bind, ...]]:
    """The columns to insert: those given, then those left out that have a default value
    (as SQLAlchemy's insert fills them in); the defaults; how each column's type turns a
    value into what the driver stores."""
    defaults = {
        column.name: column.default.arg
        for column in table.columns
        if column.name not in given
        and isinstance(column.default, ColumnDefault)
        and column.default.is_scalar
    }
    names = given + tuple(defaults)
    binders = tuple(
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    )
    return names, tuple(defaults.values()), binders


def _values_per_statement(connection: Connection) -> int:
    getlimit = getattr(connection.connection.dbapi_connection, "getlimit", None)
    if getlimit is None:
        return SAFE_VALUES
    return min(int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)), MAX_VALUES)


def _getter(names: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    if len(names) == 1:
        return lambda row: (row[names[0]],)
    return itemgetter(*names)


def insert_rows(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (each with the same columns, values as the model holds them) into
    ``table``, in order, a few hundred rows a statement."""
    if not rows:
        return
    names, defaults, binders = _columns(table, tuple(rows[0]), connection.dialect)
    given = _getter(names[: len(names) - len(defaults)])
    bound = [(place, bind) for place, bind in enumerate(binders) if bind is not None]
    per_statement = max(1, _values_per_statement(connection) // len(names))
    columns = ", ".join('"' + name.replace('"', '""') + '"' for name in names)
    one = "(" + ", ".join("?" * len(names)) + ")"
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        values: list[Any] = []
        for row in chunk:
            row_values = [*given(row), *defaults]
            for place, bind in bound:
                row_values[place] = bind(row_values[place])
            values += row_values
        connection.exec_driver_sql(
            f'INSERT INTO "{table.name}" ({columns}) VALUES {", ".join([one] * len(chunk))}',
            tuple(values),
        )


def _insert_model(session: Session, model: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    insert_rows(session.connection(), model.__table__, rows)


def _insert_contacts(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert contact rows in one multi-row statement; their ids, in order.

    The import holds the write lock (BEGIN IMMEDIATE), so SQLite gives the new rows the ids
    after the largest one, in order: reading them back row by row (RETURNING with a
    guaranteed order costs a statement per row) is not needed. The count is checked.
    """
    last = session.exec(select(func.max(Contact.id))).one() or 0
    _insert_model(session, Contact, rows)
    ids = list(range(last + 1, last + 1 + len(rows)))
    if session.exec(select(func.count()).where(col(Contact.id) > last)).one() != len(rows):
        raise RuntimeError("contacts were inserted with ids out of order")
    return ids


def create_contacts(session: Session, batch: Sequence[NewContact], now: datetime) -> list[int]:
    """Insert a batch of new contacts with their jobs, emails, phones, tags and facts."""
    if not batch:
        return []
    organisations = _ids_by_key(session, Organisation, (n.draft.organisation for n in batch), now)
    tags = _ids_by_key(session, Tag, (t for n in batch for t in n.draft.tags), None)
    rows = []
    for new in batch:
        row = contact_fields(new.draft, now)
        org_key = fold(new.draft.organisation)
        row |= {
            "created_at": now,
            "title": new.draft.title,
            "organisation_id": organisations.get(org_key) if org_key else None,
            "photo": new.photo,
            "known_score": profile.completeness(key for key, text in new.facts.items() if text),
        }
        rows.append(row)
    ids = _insert_contacts(session, rows)
    jobs, contact_tags, facts = [], [], []
    details: dict[Any, list[dict[str, Any]]] = {}
    for contact_id, new, row in zip(ids, batch, rows, strict=True):
        draft = new.draft
        if row["organisation_id"] is not None:
            jobs.append(
                {
                    "contact_id": contact_id,
                    "organisation_id": row["organisation_id"],
                    "title": draft.title,
                    "started_on": None,  # the file says where, not since when
                }
            )
        for model, rows_of_model in detail_rows(contact_id, draft).items():
            details.setdefault(model, []).extend(rows_of_model)
        contact_tags += [
            {"contact_id": contact_id, "tag_id": tags[fold(tag)]} for tag in draft.tags
        ]
        facts += [
            {"contact_id": contact_id, "topic": topic, "text": text, "recorded_at": now}
            for topic, text in new.facts.items()
            if text
        ]
        remember(session, RELATIONSHIP_TYPE, draft.relationship_type)
        for field_id, value in draft.custom.items():
            set_custom_value(session, contact_id, field_id, value)
    for model, values in (
        (Employment, jobs),
        *details.items(),
        (ContactTag, contact_tags),
        (ProfileFact, facts),
    ):
        _insert_model(session, model, values)
    return ids
