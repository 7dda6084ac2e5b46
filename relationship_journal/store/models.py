"""The journal's tables. The schema changes only through migrations in ``migrations/``.

Per-contact figures the lists show (balance sum, last contact, stage, how well known) are
kept on the contact row and updated in the same transaction as whatever changes them, so a
list of 100,000 contacts never aggregates on the fly.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, Protocol

from sqlalchemy import Index, LargeBinary, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlmodel import Column, Field, SQLModel

__all__ = ["SQLModel"]

# Named constraints, so that batch migrations on SQLite can find and alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CASCADE: Final = "CASCADE"
SET_NULL: Final = "SET NULL"


class Organisation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(index=True)
    industry: str = ""
    notes: str = ""
    created_at: datetime


class Contact(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    display_name: str
    name_key: str = Field(index=True)
    given_name: str = ""
    family_name: str = ""
    nickname: str = ""
    # The rest of the structured name, the department and the role (migration 0005).
    name_prefix: str = ""
    middle_name: str = ""
    name_suffix: str = ""
    org_unit: str = ""
    role: str = ""
    title: str = ""
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete=SET_NULL, index=True
    )
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    relationship_type: str = ""
    tier: str = Field(default="standard", index=True)
    cadence_days: int | None = None
    met_on: date | None = None
    met_how: str = ""
    notes: str = ""
    photo: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = Field(default=None, index=True)
    # Maintained with the rows that change them (see module docstring).
    balance_sum: float = Field(default=0.0, index=True)
    last_contact_at: datetime | None = Field(default=None, index=True)
    known_score: int = Field(default=0, index=True)
    stage: str = Field(default="", index=True)
    # When the stay-in-touch cadence lapses: kept by the journal's triggers (migration 0006).
    lapse_at: datetime | None = None

    __table_args__ = (
        Index("ix_contact_birthday", "birth_month", "birth_day"),
        # The contacts list in its usual orders: live contacts only, so the ordered list of
        # ids comes from the index alone (see migration 0004).
        Index("ix_contact_live_name", "name_key", sqlite_where=sql_text("deleted_at IS NULL")),
        Index(
            "ix_contact_live_balance",
            "balance_sum",
            "name_key",
            sqlite_where=sql_text("deleted_at IS NULL"),
        ),
        Index(
            "ix_contact_live_last_contact",
            "last_contact_at",
            "name_key",
            sqlite_where=sql_text("deleted_at IS NULL"),
        ),
        # The agenda's range reads (migration 0006; it also indexes the month and day of
        # met_on, which the models cannot declare).
        Index("ix_contact_live_lapse", "lapse_at", sqlite_where=sql_text("deleted_at IS NULL")),
        Index(
            "ix_contact_cadence_lapse",
            "lapse_at",
            "display_name",
            "last_contact_at",
            sqlite_where=sql_text(
                "deleted_at IS NULL AND (cadence_days IS NOT NULL OR tier = 'key')"
            ),
        ),
        Index(
            "ix_contact_live_birthday",
            "birth_month",
            "birth_day",
            "birth_year",
            "display_name",
            sqlite_where=sql_text("deleted_at IS NULL"),
        ),
    )


class ContactEmail(SQLModel, table=True):
    __tablename__ = "contact_email"
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, index=True)
    address: str
    address_key: str = Field(index=True)
    label: str = ""


class ContactPhone(SQLModel, table=True):
    __tablename__ = "contact_phone"
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, index=True)
    number: str
    digits: str = Field(index=True)
    label: str = ""


class ContactAddress(SQLModel, table=True):
    """A postal address of a contact, by type (home, work, …), as vCard's ADR has it."""

    __tablename__ = "contact_address"
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, index=True)
    label: str = ""
    street: str = ""
    locality: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""


class ContactAnniversary(SQLModel, table=True):
    """A yearly day that matters besides the birthday (a wedding, a company's founding)."""

    __tablename__ = "contact_anniversary"
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, index=True)
    label: str = ""
    year: int | None = None
    month: int
    day: int

    __table_args__ = (Index("ix_contact_anniversary_day", "month", "day"),)


class Employment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, index=True)
    organisation_id: int = Field(foreign_key="organisation.id", ondelete=CASCADE, index=True)
    title: str = ""
    started_on: date | None = None
    ended_on: date | None = None


class ProfileFact(SQLModel, table=True):
    """One answer about a contact; older answers stay as history, the newest is current."""

    __tablename__ = "profile_fact"
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE)
    topic: str
    text: str
    recorded_at: datetime

    __table_args__ = (Index("ix_profile_fact_contact_topic", "contact_id", "topic", "recorded_at"),)


class Entry(SQLModel, table=True):
    """An interaction: a deposit (value > 0), a withdrawal (value < 0) or a note (0)."""

    id: int | None = Field(default=None, primary_key=True)
    occurred_at: datetime = Field(index=True)
    kind: str = "note"
    summary: str
    notes: str = ""
    value: int = 0
    category: str = ""
    follow_up_on: date | None = Field(default=None, index=True)
    created_at: datetime
    updated_at: datetime


class EntryContact(SQLModel, table=True):
    __tablename__ = "entry_contact"
    entry_id: int = Field(foreign_key="entry.id", ondelete=CASCADE, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, primary_key=True)

    __table_args__ = (Index("ix_entry_contact_contact", "contact_id", "entry_id"),)


class Promise(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, index=True)
    entry_id: int | None = Field(default=None, foreign_key="entry.id", ondelete=SET_NULL)
    owner: str = "me"  # "me" or "them"
    text: str
    made_on: date
    due_on: date | None = Field(default=None, index=True)
    status: str = Field(default="open", index=True)  # open / kept / broken
    resolved_on: date | None = None

    __table_args__ = (
        Index("ix_promise_open_due", "due_on", sqlite_where=sql_text("status = 'open'")),
    )


class Reminder(SQLModel, table=True):
    """The user's own reminder: once at ``starts_at``, or recurring by an RFC 5545 rule."""

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int | None = Field(
        default=None, foreign_key="contact.id", ondelete=CASCADE, index=True
    )
    title: str
    notes: str = ""
    starts_at: datetime
    all_day: bool = True
    rrule: str = ""
    active: bool = True


class MomentState(SQLModel, table=True):
    """Done or snoozed state of one occurrence of a moment, keyed by a stable moment key."""

    __tablename__ = "moment_state"
    key: str = Field(primary_key=True)
    status: str  # done / snoozed
    snoozed_until: date | None = None
    acted_at: datetime

    __table_args__ = (
        Index("ix_moment_state_snoozed", "status", sqlite_where=sql_text("status = 'snoozed'")),
    )


class ContactLayer(SQLModel, table=True):
    """One relationship layer a contact holds (customer, VIP…) with its current stage."""

    __tablename__ = "contact_layer"
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, index=True)
    layer: str
    model_key: str = "six-stages"
    stage: str
    since: datetime
    position: int = 0

    __table_args__ = (
        UniqueConstraint("contact_id", "layer"),
        Index("ix_contact_layer_stage_since", "stage", "since", "contact_id"),  # stage nudges
    )


class StageChange(SQLModel, table=True):
    __tablename__ = "stage_change"
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, index=True)
    layer: str
    stage: str
    changed_at: datetime
    note: str = ""

    __table_args__ = (Index("ix_stage_change_stage", "stage", "contact_id", "changed_at"),)


class StageModelRow(SQLModel, table=True):
    """A stage model the user defined; the built-in ones live in the domain."""

    __tablename__ = "stage_model"
    key: str = Field(primary_key=True)
    name: str
    stages: str  # newline-separated, in order
    cyclic: bool = False


class Tag(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True)


class ContactTag(SQLModel, table=True):
    __tablename__ = "contact_tag"
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, primary_key=True)
    tag_id: int = Field(foreign_key="tag.id", ondelete=CASCADE, primary_key=True)

    __table_args__ = (Index("ix_contact_tag_tag", "tag_id", "contact_id"),)


class ContactLink(SQLModel, table=True):
    __tablename__ = "contact_link"
    id: int | None = Field(default=None, primary_key=True)
    from_contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, index=True)
    to_contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, index=True)
    kind: str
    note: str = ""


class CustomField(SQLModel, table=True):
    __tablename__ = "custom_field"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    field_type: str = "text"  # text / number / date / choice
    choices: str = ""  # newline-separated, for choice fields
    position: int = 0


class CustomValue(SQLModel, table=True):
    __tablename__ = "custom_value"
    contact_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, primary_key=True)
    field_id: int = Field(foreign_key="custom_field.id", ondelete=CASCADE, primary_key=True)
    value: str


class VocabularyTerm(SQLModel, table=True):
    """A term the user added to a list the product ships (categories, relationship types…)."""

    __tablename__ = "vocabulary_term"
    id: int | None = Field(default=None, primary_key=True)
    vocabulary: str = Field(index=True)
    term: str
    polarity: str = ""  # for categories: deposit / withdrawal

    __table_args__ = (UniqueConstraint("vocabulary", "term"),)


class NoticeRule(SQLModel, table=True):
    """How many days ahead the user wants to be told of a kind of moment, for everyone
    (``contact_id`` empty) or for one contact."""

    __tablename__ = "notice_rule"
    id: int | None = Field(default=None, primary_key=True)
    kind: str
    contact_id: int | None = Field(
        default=None, foreign_key="contact.id", ondelete=CASCADE, index=True
    )
    days_before: int

    __table_args__ = (UniqueConstraint("kind", "contact_id"),)


class Setting(SQLModel, table=True):
    """Journal-wide settings that belong with the data (not window preferences)."""

    key: str = Field(primary_key=True)
    value: str


class DistinctPair(SQLModel, table=True):
    """Two contacts the user said are not the same person (lower id first): the duplicates
    finder does not offer them again (migration 0006)."""

    __tablename__ = "distinct_pair"
    first_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, primary_key=True)
    second_id: int = Field(foreign_key="contact.id", ondelete=CASCADE, primary_key=True, index=True)
    decided_at: datetime


class _Row(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(row: _Row) -> int:
    """The primary key of a row read from the journal, or added and flushed: SQLite has
    given it one by then (the model's ``None`` stands only for "not inserted yet")."""
    assert row.id is not None
    return row.id
