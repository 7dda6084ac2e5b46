"""one full-text index per kind of thing, keyed by its id, keeping short prefixes

The one search index of every kind becomes one per kind: people (contacts and their e-mail
addresses), organisations, profile answers, promises, reminders and journal entries. Each
row's row id is the id of what it indexes (for people, ``1 × 2⁴⁰ + contact id`` or
``2 × 2⁴⁰ + e-mail id``), so that

- the triggers find the row to change or remove by its row id. Before, they looked for it
  by ``kind`` and ``ref_id``, which read the whole index: editing one journal entry took
  1.8 s on a journal of 100,000 contacts, editing a contact 1.4 s;
- a search for one kind reads that kind's index only. Before, a word common in journal
  entries ("quarterly") was matched against every entry to find the few contacts or
  promises holding it: 4 to 14 ms for each kind searched, at every keystroke.

Each index also keeps prefixes of one to three letters, which are what search as you type
asks first: "s"* no longer merges the lists of every word starting with s.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BODY_LIMIT = 20000
KIND_BITS = 40  # as store.search.KIND_BITS
COLUMNS = "kind, ref_id, contact_id, title, body"
TOKENS = "tokenize = 'unicode61 remove_diacritics 2'"


# A NamedTuple, not a dataclass: Alembic loads this file outside sys.modules.
class _Kind(NamedTuple):
    name: str
    table: str  # what it indexes
    fts: str  # the index it is in (after this revision)
    code: int  # in the row id, where kinds share an index; 0 where the id alone is the key
    contact: str  # the contact a row is about, in the trigger's NEW row
    title: str
    body: str
    trigger: str  # the prefix of the triggers' names
    updated_by: str = ""  # the columns whose change re-indexes the row, "*" for any
    only_if: str = ""  # when a row is indexed at all


_KINDS = (
    _Kind(
        "contact",
        "contact",
        "search_index_people",
        1,
        "NEW.id",
        "NEW.display_name",
        "substr(coalesce(NEW.nickname, '') || ' ' || coalesce(NEW.title, '') || ' ' || "
        f"coalesce(NEW.notes, '') || ' ' || coalesce(NEW.met_how, ''), 1, {BODY_LIMIT})",
        "search_contact",
        "display_name, nickname, title, notes, met_how, deleted_at",
        "NEW.deleted_at IS NULL",
    ),
    _Kind(
        "email",
        "contact_email",
        "search_index_people",
        2,
        "NEW.contact_id",
        "NEW.address",
        "''",
        "search_email",
    ),
    _Kind(
        "organisation",
        "organisation",
        "search_index_organisations",
        0,
        "NULL",
        "NEW.name",
        "coalesce(NEW.industry, '')",
        "search_organisation",
        "name, industry",
    ),
    _Kind(
        "profile",
        "profile_fact",
        "search_index_profiles",
        0,
        "NEW.contact_id",
        "NEW.topic",
        f"substr(NEW.text, 1, {BODY_LIMIT})",
        "search_fact",
    ),
    _Kind(
        "promise",
        "promise",
        "search_index_promises",
        0,
        "NEW.contact_id",
        "NEW.text",
        "''",
        "search_promise",
        "*",
    ),
    _Kind(
        "reminder",
        "reminder",
        "search_index_reminders",
        0,
        "NEW.contact_id",
        "NEW.title",
        f"substr(NEW.notes, 1, {BODY_LIMIT})",
        "search_reminder",
        "*",
    ),
    _Kind(
        "entry",
        "entry",
        "search_index_entries",
        0,
        "NULL",
        "NEW.summary",
        f"substr(coalesce(NEW.notes, '') || ' ' || coalesce(NEW.category, ''), 1, {BODY_LIMIT})",
        "search_entry",
        "summary, notes, category",
    ),
)
# Before this revision: one index, every row numbered as it came.
_SHARED = tuple(kind._replace(fts="search_index", code=-1) for kind in _KINDS)
# The triggers that only move a row to another contact (a merge, and its undo).
_MOVED = (("search_contact_email_moved", "email"), ("search_profile_fact_moved", "profile"))


def _key(kind: _Kind, row: str) -> str:
    if kind.code < 0:  # the shared index: found by kind and id (slowly)
        return (
            f"(SELECT rowid FROM search_index WHERE search_index MATCH 'kind : {kind.name}' "
            f"AND ref_id = {row}.id)"
        )
    return f"({kind.code << KIND_BITS} + {row}.id)" if kind.code else f"{row}.id"


def _add(kind: _Kind) -> str:
    where = f" WHERE {kind.only_if}" if kind.only_if else ""
    key = "" if kind.code < 0 else f"{_key(kind, 'NEW')}, "
    into = COLUMNS if kind.code < 0 else f"rowid, {COLUMNS}"
    return (
        f"INSERT INTO {kind.fts} ({into}) SELECT {key}'{kind.name}', NEW.id, "
        f"{kind.contact}, {kind.title}, {kind.body}{where};"
    )


def _remove(kind: _Kind) -> str:
    return f"DELETE FROM {kind.fts} WHERE rowid = {_key(kind, 'OLD')};"


def _triggers(kind: _Kind) -> list[str]:
    made = [
        f"CREATE TRIGGER {kind.trigger}_insert AFTER INSERT ON {kind.table} BEGIN {_add(kind)} END",
        f"CREATE TRIGGER {kind.trigger}_delete AFTER DELETE ON {kind.table} "
        f"BEGIN {_remove(kind)} END",
    ]
    if kind.updated_by:
        columns = "" if kind.updated_by == "*" else f" OF {kind.updated_by}"
        made.append(
            f"CREATE TRIGGER {kind.trigger}_update AFTER UPDATE{columns} ON {kind.table} "
            f"BEGIN {_remove(kind)} {_add(kind)} END"
        )
    return made


def _moved(name: str, kind: _Kind) -> str:
    return (
        f"CREATE TRIGGER {name} AFTER UPDATE OF contact_id ON {kind.table} BEGIN "
        f"UPDATE {kind.fts} SET contact_id = NEW.contact_id "
        f"WHERE rowid = {_key(kind, 'NEW')}; END"
    )


def _trigger_names() -> list[str]:
    names = [f"{k.trigger}_{what}" for k in _KINDS for what in ("insert", "delete")]
    names += [f"{k.trigger}_update" for k in _KINDS if k.updated_by]
    return names + [name for name, _kind in _MOVED]


def _move_index(source: tuple[_Kind, ...], target: tuple[_Kind, ...], options: str) -> None:
    """Every indexed row copied from the layout ``source`` to ``target``, and the triggers
    made for the new layout."""
    for name in _trigger_names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for index in dict.fromkeys(kind.fts for kind in target):
        op.execute(
            f"CREATE VIRTUAL TABLE {index} USING fts5(kind, ref_id UNINDEXED, "
            f"contact_id UNINDEXED, title, body, {TOKENS}{options})"
        )
    for old, new in zip(source, target, strict=True):
        key = (
            ""
            if new.code < 0
            else (f"{new.code << KIND_BITS} + ref_id, " if new.code else "ref_id, ")
        )
        into = COLUMNS if new.code < 0 else f"rowid, {COLUMNS}"
        where = f"{old.fts} MATCH 'kind : {old.name}'"
        op.execute(
            f"INSERT INTO {new.fts} ({into}) SELECT {key}{COLUMNS} FROM {old.fts} WHERE {where}"
        )
    for index in dict.fromkeys(kind.fts for kind in source):
        op.execute(f"DROP TABLE {index}")
    for kind in target:
        for statement in _triggers(kind):
            op.execute(statement)
    by_name = {kind.name: kind for kind in target}
    for name, kind_name in _MOVED:
        op.execute(_moved(name, by_name[kind_name]))


def upgrade() -> None:
    _move_index(_SHARED, _KINDS, ", prefix = '1 2 3'")


def downgrade() -> None:
    _move_index(_KINDS, _SHARED, "")
