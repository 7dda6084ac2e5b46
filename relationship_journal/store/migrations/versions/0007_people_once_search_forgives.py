"""pairs of contacts the user said are not the same person; names found inside words;
promises and reminders searched

The duplicates finder offers pairs that share an e-mail address, a phone number or a name;
a pair the user has looked at and called two people is not offered again. A pair is kept
with its lower id first, and goes when either contact is deleted.

A merge hands a contact's e-mail addresses and profile answers to another contact: the
search index follows such a move (and its undo) through two more triggers.

Names of contacts and organisations get a trigram index of their folded form (``name_key``,
folded by the app: accents, case and letters like Ø set aside), so that "ller" finds Müller
and "Oberg" finds Øberg; the same index offers the candidates a misspelt name is compared
with. The tables' names start with ``search_index`` so that migrations' autogenerate and
the undo log leave them alone (the triggers keep them in step, undo included). Promises and
reminders join the full-text index.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 01:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _contact(column: str) -> list[SchemaItem]:
    return [
        sa.Column(column, sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            [column],
            ["contact.id"],
            name=op.f(f"fk_distinct_pair_{column}_contact"),
            ondelete="CASCADE",
        ),
    ]


# The search index rows of e-mails and profile answers name their contact. MATCH on the
# indexed kind reads that kind's rows only, not every entry's.
_FOLLOW = [
    f"""
    CREATE TRIGGER search_{table}_moved AFTER UPDATE OF contact_id ON {table} BEGIN
        UPDATE search_index SET contact_id = NEW.contact_id
        WHERE search_index MATCH 'kind : {kind}' AND ref_id = NEW.id;
    END
    """
    for table, kind in (("contact_email", "email"), ("profile_fact", "profile"))
]


_NAMES = {"contact": "search_index_contact_names", "organisation": "search_index_org_names"}


def _name_index(table: str, index: str) -> list[str]:
    live = "NEW.deleted_at IS NULL" if table == "contact" else "1"
    where = "WHERE deleted_at IS NULL" if table == "contact" else ""
    columns = "name_key, deleted_at" if table == "contact" else "name_key"
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5(name, tokenize = 'trigram')",
        f"""CREATE TRIGGER {index}_insert AFTER INSERT ON {table} WHEN {live} BEGIN
            INSERT INTO {index} (rowid, name) VALUES (NEW.id, NEW.name_key);
        END""",
        f"""CREATE TRIGGER {index}_update AFTER UPDATE OF {columns} ON {table} BEGIN
            DELETE FROM {index} WHERE rowid = OLD.id;
            INSERT INTO {index} (rowid, name) SELECT NEW.id, NEW.name_key WHERE {live};
        END""",
        f"""CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN
            DELETE FROM {index} WHERE rowid = OLD.id;
        END""",
        f"INSERT INTO {index} (rowid, name) SELECT id, name_key FROM {table} {where}",
    ]


def _texts(table: str, kind: str, title: str, body: str) -> list[str]:
    row = f"'{kind}', NEW.id, NEW.contact_id, {title}, {body}"
    return [
        f"""CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN
            INSERT INTO search_index (kind, ref_id, contact_id, title, body) VALUES ({row});
        END""",
        f"""CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} BEGIN
            DELETE FROM search_index WHERE search_index MATCH 'kind : {kind}'
                AND ref_id = OLD.id;
            INSERT INTO search_index (kind, ref_id, contact_id, title, body) VALUES ({row});
        END""",
        f"""CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN
            DELETE FROM search_index WHERE search_index MATCH 'kind : {kind}'
                AND ref_id = OLD.id;
        END""",
        f"""INSERT INTO search_index (kind, ref_id, contact_id, title, body)
            SELECT {row.replace("NEW.", "")} FROM {table}""",
    ]


_PROMISE = _texts("promise", "promise", "NEW.text", "''")
_REMINDER = _texts("reminder", "reminder", "NEW.title", "substr(NEW.notes, 1, 20000)")


def upgrade() -> None:
    for statement in _FOLLOW:
        op.execute(statement)
    for table, index in _NAMES.items():
        for statement in _name_index(table, index):
            op.execute(statement)
    for statement in (*_PROMISE, *_REMINDER):
        op.execute(statement)
    op.create_table(
        "distinct_pair",
        *_contact("first_id"),
        *_contact("second_id"),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f("pk_distinct_pair")),
    )
    op.create_index(op.f("ix_distinct_pair_second_id"), "distinct_pair", ["second_id"])


def downgrade() -> None:
    for table in ("promise", "reminder"):
        for what in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{what}")
        op.execute(f"DELETE FROM search_index WHERE kind = '{table}'")
    for index in _NAMES.values():
        for what in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {index}_{what}")
        op.execute(f"DROP TABLE IF EXISTS {index}")
    for table in ("contact_email", "profile_fact"):
        op.execute(f"DROP TRIGGER IF EXISTS search_{table}_moved")
    op.drop_index(op.f("ix_distinct_pair_second_id"), table_name="distinct_pair")
    op.drop_table("distinct_pair")
