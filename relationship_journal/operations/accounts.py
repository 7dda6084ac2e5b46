"""Organisations as accounts: the list with its figures, and one organisation's page."""

from __future__ import annotations

from relationship_journal.operations.workspace import Workspace
from relationship_journal.store.accounts import (
    Account,
    AccountEntry,
    AccountPromise,
    AccountRow,
    account,
    accounts,
)

__all__ = ["Account", "AccountEntry", "AccountPromise", "AccountRow"]


def organisations(ws: Workspace) -> list[AccountRow]:
    now = ws.clock.now()
    return ws.read(lambda s: accounts(s, now))


def organisation(ws: Workspace, organisation_id: int) -> Account:
    now = ws.clock.now()
    return ws.read(lambda s: account(s, organisation_id, now))
