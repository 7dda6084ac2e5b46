"""phone numbers' digits worked out again, as matching works them out now

Each phone number keeps the digits it is matched by (``contact_phone.digits``), so that an
import and the duplicates finder find a number by an index rather than by reading every
number of the journal. How the digits are worked out has changed since some journals were
written (the country code and a trunk prefix's zeros are now left out, so "+44 20 7946 0958"
and "020 7946 0958" agree): the digits of every number are worked out again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 07:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from relationship_journal.domain.contact import phone_key

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000


def upgrade() -> None:
    connection = op.get_bind()
    after = 0
    while rows := connection.exec_driver_sql(
        "SELECT id, number, digits FROM contact_phone WHERE id > ? ORDER BY id LIMIT ?",
        (after, BATCH),
    ).all():
        changed = [
            (phone_key(number), ident)
            for ident, number, digits in rows
            if phone_key(number) != digits
        ]
        if changed:
            connection.exec_driver_sql("UPDATE contact_phone SET digits = ? WHERE id = ?", changed)
        after = rows[-1][0]


def downgrade() -> None:
    """The digits worked out now are as good for the revision before."""
