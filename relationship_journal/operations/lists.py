"""The user's own lists: categories of deposits and withdrawals, relationship types, and
the custom fields every contact gets."""

from __future__ import annotations

from sqlmodel import Session

from relationship_journal.domain.records import CustomFieldRecord
from relationship_journal.domain.taxonomy import Polarity
from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store.custom_fields import define_field, fields, remove_field
from relationship_journal.store.records import custom_field_record
from relationship_journal.store.vocabulary import (
    CATEGORY,
    RELATIONSHIP_TYPE,
    forget,
    remember,
    terms,
)


def own_categories(ws: Workspace, polarity: Polarity) -> list[str]:
    return ws.read(lambda s: terms(s, CATEGORY, polarity.value))


def own_relationship_types(ws: Workspace) -> list[str]:
    return ws.read(lambda s: terms(s, RELATIONSHIP_TYPE))


def add_category(ws: Workspace, name: str, polarity: Polarity) -> Done[None]:
    def save(session: Session) -> None:
        remember(session, CATEGORY, name, polarity.value)

    return ws.write(f"Add category {name.strip()}", save)


def add_relationship_type(ws: Workspace, name: str) -> Done[None]:
    def save(session: Session) -> None:
        remember(session, RELATIONSHIP_TYPE, name)

    return ws.write(f"Add relationship type {name.strip()}", save)


def remove_category(ws: Workspace, name: str) -> Done[None]:
    return ws.write(f"Remove {name}", lambda s: forget(s, CATEGORY, name))


def remove_relationship_type(ws: Workspace, name: str) -> Done[None]:
    return ws.write(f"Remove {name}", lambda s: forget(s, RELATIONSHIP_TYPE, name))


def custom_fields(ws: Workspace) -> list[CustomFieldRecord]:
    return [custom_field_record(row) for row in ws.read(fields)]


def add_custom_field(ws: Workspace, name: str, field_type: str, choices: list[str]) -> Done[None]:
    def save(session: Session) -> None:
        define_field(session, name, field_type, choices)

    return ws.write(f"New field {name.strip()}", save)


def remove_custom_field(ws: Workspace, field_id: int, name: str) -> Done[None]:
    return ws.write(f"Remove field {name}", lambda s: remove_field(s, field_id))
