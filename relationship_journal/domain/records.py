"""What the journal holds, as plain values: the shapes the screens, the command line and the
exports read. The store makes them from its rows; nothing above the store sees a database
row or a session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ContactRecord:
    id: int
    display_name: str
    given_name: str = ""
    family_name: str = ""
    nickname: str = ""
    name_prefix: str = ""
    middle_name: str = ""
    name_suffix: str = ""
    org_unit: str = ""
    role: str = ""
    title: str = ""
    organisation_id: int | None = None
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    relationship_type: str = ""
    tier: str = "standard"
    cadence_days: int | None = None
    met_on: date | None = None
    met_how: str = ""
    notes: str = ""
    has_photo: bool = False
    deleted_at: datetime | None = None
    last_contact_at: datetime | None = None
    known_score: int = 0
    stage: str = ""


@dataclass(frozen=True)
class EntryRecord:
    """An interaction: a deposit (value > 0), a withdrawal (value < 0) or a note (0)."""

    id: int
    occurred_at: datetime
    kind: str
    summary: str
    notes: str = ""
    value: int = 0
    category: str = ""
    follow_up_on: date | None = None


@dataclass(frozen=True)
class PromiseRecord:
    id: int
    contact_id: int
    owner: str  # "me" or "them"
    text: str
    made_on: date
    due_on: date | None = None
    status: str = "open"  # open / kept / broken
    resolved_on: date | None = None
    entry_id: int | None = None


@dataclass(frozen=True)
class FactRecord:
    """One answer to a profile question, as recorded at a moment."""

    id: int
    contact_id: int
    topic: str
    text: str
    recorded_at: datetime


@dataclass(frozen=True)
class LayerRecord:
    """A relationship layer a contact holds, with its current stage."""

    layer: str
    model_key: str
    stage: str
    since: datetime


@dataclass(frozen=True)
class StageChangeRecord:
    layer: str
    stage: str
    changed_at: datetime
    note: str = ""


@dataclass(frozen=True)
class CustomFieldRecord:
    id: int
    name: str
    field_type: str  # text / number / date / choice
    choices: tuple[str, ...] = ()
