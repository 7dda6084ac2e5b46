"""Alembic environment: runs on the connection the app hands over, in batch mode for SQLite."""

from __future__ import annotations

from alembic import context

from relationship_journal.store import models

config = context.config
target_metadata = models.SQLModel.metadata


# Tables the migrations make by hand (the full-text index) are not in the models.
HAND_MADE_PREFIXES = ("search_index",)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    return not (type_ == "table" and bool(name) and str(name).startswith(HAND_MADE_PREFIXES))


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations run only on a connection handed over by the app")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
