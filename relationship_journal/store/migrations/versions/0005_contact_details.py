"""what contact files hold beyond the basics: the whole name, department and role,
addresses by type, anniversaries

vCard and CSV exports carry a name prefix, middle name and suffix, the department (ORG
units), the role, several addresses each with its type, and anniversaries. They were
dropped or folded into notes on import; now each has its place and goes back out on export.
Anniversaries are read by the agenda by month and day, like birthdays.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 18:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONTACT_TEXTS = ("name_prefix", "middle_name", "name_suffix", "org_unit", "role")
ADDRESS_TEXTS = ("label", "street", "locality", "region", "postcode", "country")


def _contact_key(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f(f"fk_{table}_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        for name in CONTACT_TEXTS:
            batch_op.add_column(sa.Column(name, sa.String(), nullable=False, server_default=""))
    op.create_table(
        "contact_address",
        *_contact_key("contact_address"),
        *(sa.Column(name, sa.String(), nullable=False) for name in ADDRESS_TEXTS),
    )
    op.create_index(
        op.f("ix_contact_address_contact_id"), "contact_address", ["contact_id"], unique=False
    )
    op.create_table(
        "contact_anniversary",
        *_contact_key("contact_anniversary"),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
    )
    op.create_index(
        op.f("ix_contact_anniversary_contact_id"),
        "contact_anniversary",
        ["contact_id"],
        unique=False,
    )
    op.create_index("ix_contact_anniversary_day", "contact_anniversary", ["month", "day"])


def downgrade() -> None:
    op.drop_index("ix_contact_anniversary_day", table_name="contact_anniversary")
    op.drop_index(op.f("ix_contact_anniversary_contact_id"), table_name="contact_anniversary")
    op.drop_table("contact_anniversary")
    op.drop_index(op.f("ix_contact_address_contact_id"), table_name="contact_address")
    op.drop_table("contact_address")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        for name in reversed(CONTACT_TEXTS):
            batch_op.drop_column(name)
