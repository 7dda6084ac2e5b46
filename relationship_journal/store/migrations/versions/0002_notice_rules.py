"""notice rules

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 15:38:58.270252
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notice_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_notice_rule_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_rule")),
        sa.UniqueConstraint("kind", "contact_id", name=op.f("uq_notice_rule_kind")),
    )
    with op.batch_alter_table("notice_rule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notice_rule_contact_id"), ["contact_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notice_rule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_rule_contact_id"))

    op.drop_table("notice_rule")
