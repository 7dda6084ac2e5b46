"""Ways of looking across the journal: every entry, the organisations, the portfolio, and
search everything."""

from __future__ import annotations

from relationship_journal.operations.workspace import Workspace
from relationship_journal.store.journal_list import (
    EntryFilter,
    EntryRow,
    count_entries,
    list_entries,
)
from relationship_journal.store.ledger import contacts_of_entry
from relationship_journal.store.organisations import (
    OrganisationRow,
    PersonThere,
    list_organisations,
    people_at,
)
from relationship_journal.store.portfolio import PortfolioPoint, portfolio
from relationship_journal.store.search import (
    MARK_END,
    MARK_START,
    PER_KIND,
    HitKind,
    SearchHit,
    plain,
    search,
)

SEARCH_PER_KIND = PER_KIND  # results of each kind found at most

__all__ = [
    "MARK_END",
    "MARK_START",
    "SEARCH_PER_KIND",
    "EntryFilter",
    "EntryRow",
    "HitKind",
    "OrganisationRow",
    "PersonThere",
    "PortfolioPoint",
    "SearchHit",
    "plain",
]


def entry_count(ws: Workspace, flt: EntryFilter | None = None) -> int:
    return ws.read(lambda s: count_entries(s, flt))


def entries(
    ws: Workspace, offset: int, limit: int, flt: EntryFilter | None = None
) -> list[EntryRow]:
    """A stretch of the journal, newest first, perhaps narrowed by ``flt``."""
    return ws.read(lambda s: list_entries(s, offset, limit, flt))


def people_of_entry(ws: Workspace, entry_id: int) -> list[int]:
    return ws.read(lambda s: contacts_of_entry(s, entry_id))


def organisations(ws: Workspace, text: str = "") -> list[OrganisationRow]:
    return ws.read(lambda s: list_organisations(s, text))


def people_at_organisation(ws: Workspace, organisation_id: int) -> list[PersonThere]:
    return ws.read(lambda s: people_at(s, organisation_id))


def relationships(ws: Workspace, tiers: tuple[str, ...]) -> list[PortfolioPoint]:
    now = ws.clock.now()
    return ws.read(lambda s: portfolio(s, tiers, now))


def find(ws: Workspace, text: str) -> list[SearchHit]:
    """Search everything: contacts, organisations, promises, reminders, profile answers and
    entries, in that order; names inside words and with a typo or two forgiven."""
    return ws.read(lambda s: search(s, text)) if text.strip() else []
