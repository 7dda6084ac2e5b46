"""Promises: which are due soon, which are overdue."""

from __future__ import annotations

from datetime import date, timedelta

# A promise due within this many days is "due soon": on the brief's talking points and in
# the Promises page's view of that name.
DUE_SOON_DAYS = 7


def is_due_soon(due_on: date | None, today: date) -> bool:
    return due_on is not None and today <= due_on <= today + timedelta(days=DUE_SOON_DAYS)


def is_overdue(due_on: date | None, today: date, status: str = "open") -> bool:
    return status == "open" and due_on is not None and due_on < today
