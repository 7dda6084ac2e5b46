"""pairs of contacts the user said are not the same person

The duplicates finder offers pairs that share an e-mail address, a phone number or a name;
a pair the user has looked at and called two people is not offered again. A pair is kept
with its lower id first, and goes when either contact is deleted.

A merge hands a contact's e-mail addresses and profile answers to another contact: the
search index follows such a move (and its undo) through two more triggers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 01:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _contact(column: str) -> list[sa.SchemaItem]:
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


def upgrade() -> None:
    for statement in _FOLLOW:
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
    for table in ("contact_email", "profile_fact"):
        op.execute(f"DROP TRIGGER IF EXISTS search_{table}_moved")
    op.drop_index(op.f("ix_distinct_pair_second_id"), table_name="distinct_pair")
    op.drop_table("distinct_pair")
