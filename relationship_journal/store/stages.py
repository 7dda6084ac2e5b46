"""Relationship layers and their stages, with the history of every change."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from relationship_journal.domain import stages
from relationship_journal.domain.text import clean_block, clean_line
from relationship_journal.store.contacts import get_contact
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.models import ContactLayer, StageChange, StageModelRow


def custom_models(session: Session) -> tuple[stages.StageModel, ...]:
    rows = session.exec(select(StageModelRow).order_by(StageModelRow.name)).all()
    return tuple(
        stages.StageModel(row.key, row.name, tuple(row.stages.splitlines()), row.cyclic)
        for row in rows
    )


def all_models(session: Session) -> tuple[stages.StageModel, ...]:
    return (*stages.BUILTIN_MODELS, *custom_models(session))


def set_stage(
    session: Session,
    contact_id: int,
    layer: str,
    stage: str,
    at: datetime,
    model_key: str = stages.DEFAULT_MODEL.key,
    note: str = "",
) -> ContactLayer:
    """Move a contact's relationship ``layer`` to ``stage``, keeping the change as history."""
    contact = get_contact(session, contact_id)
    layer_name = clean_line(layer)
    if not layer_name:
        raise InvalidInputError("a relationship layer needs a name")
    try:
        model = stages.model_by_key(model_key, custom_models(session))
    except KeyError:
        raise InvalidInputError(f"no stage model '{model_key}'") from None
    if stage not in model.stages:
        raise InvalidInputError(
            f"'{stage}' is not a stage of {model.name} ({', '.join(model.stages)})"
        )
    held = layers_of(session, contact_id)
    current = next((row for row in held if row.layer == layer_name), None)
    if current is None:
        current = ContactLayer(
            contact_id=contact_id,
            layer=layer_name,
            model_key=model.key,
            stage=stage,
            since=at,
            position=len(held),
        )
    else:
        current.model_key = model.key
        current.stage = stage
        current.since = at
    session.add(current)
    session.add(
        StageChange(
            contact_id=contact_id,
            layer=layer_name,
            stage=stage,
            changed_at=at,
            note=clean_block(note),
        )
    )
    session.flush()
    primary = layers_of(session, contact_id)[0]
    contact.stage = primary.stage
    session.add(contact)
    return current


def layers_of(session: Session, contact_id: int) -> list[ContactLayer]:
    return list(
        session.exec(
            select(ContactLayer)
            .where(ContactLayer.contact_id == contact_id)
            .order_by(col(ContactLayer.position), col(ContactLayer.id))
        ).all()
    )


def stage_history(session: Session, contact_id: int) -> list[StageChange]:
    return list(
        session.exec(
            select(StageChange)
            .where(StageChange.contact_id == contact_id)
            .order_by(col(StageChange.changed_at).desc(), col(StageChange.id).desc())
        ).all()
    )


def define_model(
    session: Session, name: str, stage_names: list[str], cyclic: bool
) -> StageModelRow:
    """A stage model of the user's own: a name and its stages in order."""
    label = clean_line(name)
    ordered = [clean_line(s) for s in stage_names if clean_line(s)]
    if not label:
        raise InvalidInputError("a stage model needs a name")
    if len(ordered) < 2:
        raise InvalidInputError("a stage model needs at least two stages")
    if len(set(ordered)) != len(ordered):
        raise InvalidInputError("each stage of a model needs its own name")
    key = "custom-" + "-".join(label.lower().split())
    if key in {model.key for model in all_models(session)}:
        raise InvalidInputError(f"there is already a stage model called '{label}'")
    row = StageModelRow(key=key, name=label, stages="\n".join(ordered), cyclic=cyclic)
    session.add(row)
    return row


def remove_model(session: Session, key: str) -> None:
    row = session.get(StageModelRow, key)
    if row is None:
        raise InvalidInputError(f"no stage model '{key}' of your own")
    in_use = session.exec(select(ContactLayer).where(ContactLayer.model_key == key)).first()
    if in_use is not None:
        raise InvalidInputError(f"'{row.name}' is in use by relationships; it stays")
    session.delete(row)
