"""Faces: a contact's photo set from a file (checked and made small first) or removed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store.contact_photos import photos_of, set_photo
from relationship_journal.store.contacts import get_contact
from relationship_journal.store.errors import InvalidInputError


def photo_from_file(ws: Workspace, contact_id: int, path: Path) -> Done[None]:
    """Set (or replace) the photo from an image file; ``InvalidInputError`` when the file
    is unreadable or no usable image, and then nothing changes."""
    from relationship_journal.exchange.photo_scaling import small_photo

    try:
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInputError(f"{path.name} cannot be read: {error.strerror}") from None
    small = small_photo(data)
    now = ws.clock.now()
    name = ws.read(lambda s: get_contact(s, contact_id).display_name)
    return ws.write(f"Photo of {name}", lambda s: set_photo(s, contact_id, small, now))


def remove_photo(ws: Workspace, contact_id: int) -> Done[None]:
    now = ws.clock.now()
    name = ws.read(lambda s: get_contact(s, contact_id).display_name)
    return ws.write(f"Remove photo of {name}", lambda s: set_photo(s, contact_id, None, now))


def photos(ws: Workspace, contact_ids: Sequence[int]) -> dict[int, bytes]:
    """The photos of those contacts that have one (a page of a list, search results)."""
    if not contact_ids:
        return {}
    return ws.read(lambda s: photos_of(s, contact_ids))


def photo(ws: Workspace, contact_id: int) -> bytes | None:
    return photos(ws, [contact_id]).get(contact_id)
