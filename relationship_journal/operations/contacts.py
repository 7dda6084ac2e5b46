"""People: adding and editing them, the trash, tags, finding them, and what is known of one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.domain.moments import Upcoming
from relationship_journal.domain.records import CustomFieldRecord, EntryRecord
from relationship_journal.domain.wording import count_of
from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store import contacts as store
from relationship_journal.store import tags as stored_tags
from relationship_journal.store.contact_file import (
    ContactFile,
    EntryPage,
    entry_page,
    load_contact_file,
)
from relationship_journal.store.contact_list import (
    ContactFilter,
    ContactRow,
    contact_details,
    count_contacts,
    list_contacts,
    ordered_ids,
    rows_for,
    upcoming_for,
)
from relationship_journal.store.contact_lookup import (
    Candidate,
    candidates_by_id,
    find_candidates,
    resolve_contact,
)
from relationship_journal.store.custom_fields import fields
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.links import add_link, remove_link
from relationship_journal.store.organisations import list_organisations
from relationship_journal.store.records import custom_field_record
from relationship_journal.store.tags import add_tag
from relationship_journal.store.vocabulary import RELATIONSHIP_TYPE, terms

# A name given on the command line longer than this is no name search anyone means.
MAX_CONTACT_ARGUMENT = 1000

__all__ = ["Candidate", "ContactFile", "ContactFilter", "ContactRow", "EntryPage"]


def contact_file(ws: Workspace, contact_id: int, entry_limit: int | None = None) -> ContactFile:
    """Everything known about one contact (``NotFoundError`` when there is no such one), with
    its newest ``entry_limit`` entries (every one with None)."""
    now = ws.clock.now()
    return ws.read(lambda s: load_contact_file(s, contact_id, now, entry_limit))


def older_entries(ws: Workspace, contact_id: int, after: EntryRecord, limit: int) -> EntryPage:
    """The next ``limit`` entries of a contact's timeline after the entry ``after``."""
    return ws.read(lambda s: entry_page(s, contact_id, limit, after))


def resolve(ws: Workspace, text: str) -> int:
    """The id of the contact a user named by id or name (case and accents aside)."""
    if len(text) > MAX_CONTACT_ARGUMENT:
        raise InvalidInputError(
            f"a contact named by {len(text):,} characters matches nobody; give its id or name"
        )
    found: int | None = ws.read(lambda s: resolve_contact(s, text).id)
    assert found is not None  # a stored contact has its id
    return found


def name_of(ws: Workspace, contact_id: int) -> str:
    name: str = ws.read(lambda s: store.get_contact(s, contact_id).display_name)
    return name


def draft_for_editing(ws: Workspace, contact_id: int) -> ContactDraft:
    return ws.read(lambda s: store.draft_of(s, store.get_contact(s, contact_id)))


def create(ws: Workspace, draft: ContactDraft) -> Done[int]:
    now = ws.clock.now()
    return ws.write(
        f"New contact {draft.display_name}", lambda s: _id(store.create_contact(s, draft, now))
    )


def edit(ws: Workspace, contact_id: int, draft: ContactDraft) -> Done[None]:
    now = ws.clock.now()

    def save(session: Session) -> None:
        store.update_contact(session, contact_id, draft, now)

    return ws.write(f"Edit {draft.display_name}", save)


def trash(ws: Workspace, ids: Sequence[int]) -> Done[None]:
    now = ws.clock.now()
    return ws.write(f"Delete {_count(ids)}", lambda s: store.trash_contacts(s, ids, now))


def restore(ws: Workspace, ids: Sequence[int]) -> Done[None]:
    return ws.write(f"Restore {_count(ids)}", lambda s: store.restore_contacts(s, ids))


def purge(ws: Workspace, ids: Sequence[int]) -> Done[None]:
    return ws.write(f"Delete {_count(ids)} for ever", lambda s: store.purge_contacts(s, ids))


def tag(ws: Workspace, ids: Sequence[int], name: str) -> Done[None]:
    return ws.write(f"Tag {_count(ids)} {name.strip()}", lambda s: add_tag(s, ids, name))


def link(ws: Workspace, contact_id: int, others: Sequence[int], kind: str, note: str) -> Done[None]:
    def add(session: Session) -> None:
        for other in others:
            add_link(session, contact_id, other, kind, note)

    return ws.write("Add link", add)


def unlink(ws: Workspace, link_id: int) -> Done[None]:
    return ws.write("Remove link", lambda s: remove_link(s, link_id))


def all_tags(ws: Workspace) -> list[str]:
    return ws.read(stored_tags.all_tags)


def live_count(ws: Workspace) -> int:
    return ws.read(store.live_contact_count)


def organisation_names(ws: Workspace) -> list[str]:
    return [row.name for row in ws.read(list_organisations)]


def relationship_types(ws: Workspace) -> list[str]:
    return ws.read(lambda s: terms(s, RELATIONSHIP_TYPE))


def custom_fields(ws: Workspace) -> list[CustomFieldRecord]:
    return [custom_field_record(row) for row in ws.read(fields)]


# --- lists ---------------------------------------------------------------------------------


def count(ws: Workspace, flt: ContactFilter) -> int:
    now = ws.clock.now()
    return ws.read(lambda s: count_contacts(s, flt, now))


def ids_in_order(ws: Workspace, flt: ContactFilter, sort: str, descending: bool) -> list[int]:
    now = ws.clock.now()
    return ws.read(lambda s: ordered_ids(s, flt, now, sort, descending))


def rows(ws: Workspace, ids: list[int]) -> list[ContactRow]:
    now = ws.clock.now()
    return ws.read(lambda s: rows_for(s, ids, now))


@dataclass(frozen=True)
class ListedContact:
    row: ContactRow
    upcoming: Upcoming | None  # the next moment, by the agenda's rules
    today: date


def listed(ws: Workspace, ids: list[int]) -> list[ListedContact]:
    """The rows of ``ids`` as the contacts list shows them, in that order."""
    now, today = ws.clock.now(), ws.clock.today()

    def read(session: Session) -> list[ListedContact]:
        found = rows_for(session, ids, now)
        upcoming = upcoming_for(session, found, today)
        return [ListedContact(row, upcoming.get(row.id), today) for row in found]

    return ws.read(read)


def everyone(ws: Workspace) -> list[tuple[ContactRow, dict[str, list[str]]]]:
    """Every live contact with their e-mails, phones and tags, by name."""
    now = ws.clock.now()

    def read(session: Session) -> list[tuple[ContactRow, dict[str, list[str]]]]:
        found = list_contacts(session, ContactFilter(), now)
        details = contact_details(session, [row.id for row in found])
        return [(row, details[row.id]) for row in found]

    return ws.read(read)


# --- pickers -------------------------------------------------------------------------------


class Candidates:
    """The people a picker offers, looked up as the user types."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def find(self, text: str, exclude: Sequence[int]) -> list[Candidate]:
        return self._ws.read(lambda s: find_candidates(s, text, exclude=exclude))

    def by_id(self, ids: Sequence[int]) -> list[Candidate]:
        return self._ws.read(lambda s: candidates_by_id(s, ids))


def _id(row: object) -> int:
    value = getattr(row, "id", None)
    assert isinstance(value, int)
    return value


def _count(ids: Sequence[int]) -> str:
    return count_of(len(ids), "contact")
