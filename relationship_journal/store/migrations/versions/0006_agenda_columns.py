"""the agenda reads each section's count and first rows by index

Today shows how many moments each section holds and the first few of each. Every kind of
moment is now found by an indexed range read of the days asked for, never by gathering
every moment and filtering:

- ``contact.lapse_at``: when the stay-in-touch cadence lapses (the last contact plus the
  contact's cadence, or the default 90 days), kept by triggers whenever the last contact,
  the cadence or the tier changes, in the same transaction, whoever writes; filled here for
  existing journals. Drifting contacts and stay-in-touch moments are a range of it.
- birthdays by (month, day) of live contacts; "we met" and job start days by their month
  and day ("MM-DD" of the stored date); stage nudges by stage and the day the stage began;
  first purchases by their month and day.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 01:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The default cadence (domain.ledger.DEFAULT_CADENCE_DAYS) as this revision knows it.
LAPSE = (
    "CASE WHEN NEW.last_contact_at IS NULL THEN NULL "
    "ELSE datetime(NEW.last_contact_at, '+' || coalesce(NEW.cadence_days, 90) || ' days') END"
)
TRIGGERS = (
    f"""
    CREATE TRIGGER contact_lapse_insert AFTER INSERT ON contact BEGIN
        UPDATE contact SET lapse_at = {LAPSE} WHERE id = NEW.id;
    END
    """,
    f"""
    CREATE TRIGGER contact_lapse_update AFTER UPDATE OF last_contact_at, cadence_days, lapse_at
    ON contact WHEN NEW.lapse_at IS NOT {LAPSE} BEGIN
        UPDATE contact SET lapse_at = {LAPSE} WHERE id = NEW.id;
    END
    """,
)
INDEXES = (
    "CREATE INDEX ix_contact_live_lapse ON contact (lapse_at) WHERE deleted_at IS NULL",
    "CREATE INDEX ix_contact_cadence_lapse ON contact (lapse_at, display_name, last_contact_at)"
    " WHERE deleted_at IS NULL AND (cadence_days IS NOT NULL OR tier = 'key')",
    "CREATE INDEX ix_contact_live_birthday"
    " ON contact (birth_month, birth_day, birth_year, display_name)"
    " WHERE deleted_at IS NULL",
    "CREATE INDEX ix_contact_met_day ON contact (substr(met_on, 6, 5)) WHERE met_on IS NOT NULL",
    "CREATE INDEX ix_employment_current_day ON employment (substr(started_on, 6, 5))"
    " WHERE ended_on IS NULL AND started_on IS NOT NULL",
    "CREATE INDEX ix_contact_layer_stage_since ON contact_layer (stage, since, contact_id)",
    "CREATE INDEX ix_stage_change_stage ON stage_change (stage, contact_id, changed_at)",
    "CREATE INDEX ix_stage_change_purchase_day ON stage_change (substr(changed_at, 6, 5))"
    " WHERE stage IN ('purchase', 'purchase decision')",
    "CREATE INDEX ix_moment_state_snoozed ON moment_state (status) WHERE status = 'snoozed'",
)
INDEX_NAMES = (
    "ix_contact_live_lapse",
    "ix_contact_cadence_lapse",
    "ix_contact_live_birthday",
    "ix_contact_met_day",
    "ix_employment_current_day",
    "ix_contact_layer_stage_since",
    "ix_stage_change_stage",
    "ix_stage_change_purchase_day",
    "ix_moment_state_snoozed",
)


def upgrade() -> None:
    op.add_column("contact", sa.Column("lapse_at", sa.DateTime(), nullable=True))
    for statement in TRIGGERS:
        op.execute(statement)
    op.execute(
        "UPDATE contact SET lapse_at = datetime(last_contact_at, '+' || "
        "coalesce(cadence_days, 90) || ' days') WHERE last_contact_at IS NOT NULL"
    )
    for statement in INDEXES:
        op.execute(statement)


def downgrade() -> None:
    for name in INDEX_NAMES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("DROP TRIGGER IF EXISTS contact_lapse_insert")
    op.execute("DROP TRIGGER IF EXISTS contact_lapse_update")
    op.drop_column("contact", "lapse_at")
