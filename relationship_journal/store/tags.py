"""Tags: named once, folded for comparison, attached to contacts one by one or in bulk."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete
from sqlmodel import Session, col, select

from relationship_journal.domain.text import fold
from relationship_journal.store.models import (
    ContactTag,
    Tag,
    stored_id,
)


def tag_named(session: Session, name: str) -> Tag:
    key = fold(name)
    found = session.exec(select(Tag).where(Tag.name_key == key)).first()
    if found is not None:
        return found
    tag = Tag(name=name, name_key=key)
    session.add(tag)
    session.flush()
    return tag


def set_tags(session: Session, contact_id: int, names: Sequence[str]) -> None:
    session.exec(delete(ContactTag).where(col(ContactTag.contact_id) == contact_id))
    for name in names:
        tag = tag_named(session, name)
        session.add(ContactTag(contact_id=contact_id, tag_id=stored_id(tag)))


def add_tag(session: Session, contact_ids: Sequence[int], name: str) -> None:
    """Bulk tagging: add ``name`` to each contact that does not have it yet."""
    tag = tag_named(session, name)
    have = set(
        session.exec(
            select(ContactTag.contact_id).where(
                ContactTag.tag_id == tag.id, col(ContactTag.contact_id).in_(contact_ids)
            )
        ).all()
    )
    for contact_id in contact_ids:
        if contact_id not in have:
            session.add(ContactTag(contact_id=contact_id, tag_id=stored_id(tag)))


def tags_of(session: Session, contact_id: int) -> list[str]:
    return list(
        session.exec(
            select(Tag.name)
            .join(ContactTag, col(ContactTag.tag_id) == Tag.id)
            .where(ContactTag.contact_id == contact_id)
            .order_by(Tag.name_key)
        ).all()
    )


def all_tags(session: Session) -> list[str]:
    return list(session.exec(select(Tag.name).order_by(Tag.name_key)).all())
