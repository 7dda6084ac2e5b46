"""Where each relationship stands: its layers and their stages, and the models of stages."""

from __future__ import annotations

from sqlmodel import Session

from relationship_journal.domain.stages import StageModel
from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store.stages import all_models, define_model, remove_model, set_stage


def models(ws: Workspace) -> tuple[StageModel, ...]:
    return ws.read(all_models)


def move(
    ws: Workspace, contact_id: int, layer: str, stage: str, model_key: str, note: str = ""
) -> Done[None]:
    """The contact's ``layer`` (customer, advocate…) is now at ``stage``."""
    now = ws.clock.now()

    def save(session: Session) -> None:
        set_stage(session, contact_id, layer, stage, now, model_key, note)

    return ws.write(f"Stage {stage}", save)


def add_model(ws: Workspace, name: str, stages: list[str], cyclic: bool) -> Done[None]:
    def save(session: Session) -> None:
        define_model(session, name, stages, cyclic)

    return ws.write(f"New stage model {name.strip()}", save)


def drop_model(ws: Workspace, key: str) -> Done[None]:
    return ws.write("Remove stage model", lambda s: remove_model(s, key))
