"""Custom fields: defined for the journal, answered per contact."""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from relationship_journal.domain.custom_fields import FIELD_TYPES
from relationship_journal.domain.text import clean_line
from relationship_journal.store.errors import InvalidInputError, NotFoundError
from relationship_journal.store.models import CustomField


def define_field(session: Session, name: str, field_type: str, choices: list[str]) -> CustomField:
    label = clean_line(name)
    if not label:
        raise InvalidInputError("a custom field needs a name")
    if field_type not in FIELD_TYPES:
        raise InvalidInputError(f"field type must be one of {', '.join(FIELD_TYPES)}")
    options = [clean_line(c) for c in choices if clean_line(c)]
    if field_type == "choice" and not options:
        raise InvalidInputError("a choice field needs at least one choice")
    existing = {f.name.casefold() for f in fields(session)}
    if label.casefold() in existing:
        raise InvalidInputError(f"there is already a field called '{label}'")
    position = session.exec(select(func.coalesce(func.max(CustomField.position), -1))).one() + 1
    field = CustomField(
        name=label, field_type=field_type, choices="\n".join(options), position=position
    )
    session.add(field)
    session.flush()
    return field


def remove_field(session: Session, field_id: int) -> None:
    field = session.get(CustomField, field_id)
    if field is None:
        raise NotFoundError(f"no custom field with id {field_id}")
    session.delete(field)


def fields(session: Session) -> list[CustomField]:
    return list(session.exec(select(CustomField).order_by(col(CustomField.position))).all())
