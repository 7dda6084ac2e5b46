"""What a desktop notification says about moments that came due, and when it may be shown.

A notice names the moment (or says how many, and never whose, while the window is locked);
its ``contact_id`` is the person a click opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time

from relationship_journal import APP_NAME
from relationship_journal.domain.moments import Moment

MAX_LINES = 5


@dataclass(frozen=True)
class Notice:
    title: str
    body: str
    contact_id: int | None = None  # whom a click opens; None: the Today page


def notice_key(moment: Moment) -> str:
    """One announcement per occurrence and notice day: a snoozed moment is told again."""
    return f"{moment.key}@{moment.notice_day.isoformat()}"


def _many(count: int) -> str:
    return "1 moment that matters" if count == 1 else f"{count:,} moments that matter"


def compose(moments: Sequence[Moment], discreet: bool) -> Notice:
    """The notice for ``moments`` (at least one); ``discreet``: a count, no names."""
    if discreet:
        return Notice(_many(len(moments)), f"Unlock {APP_NAME} to see them.")
    if len(moments) == 1:
        (moment,) = moments
        return Notice(moment.kind.label, moment.title, moment.contact_id)
    lines = [m.title for m in moments[:MAX_LINES]]
    more = len(moments) - MAX_LINES
    if more > 0:
        lines.append(f"and {more:,} more")
    people = {m.contact_id for m in moments}
    only = next(iter(people)) if len(people) == 1 else None
    return Notice(_many(len(moments)), "\n".join(lines), only)


def is_quiet(start: time, end: time, moment: datetime) -> bool:
    """Inside quiet hours from ``start`` to ``end`` (which may span midnight)."""
    now = moment.time()
    if start == end:
        return False
    if start < end:
        return start <= now < end
    return now >= start or now < end
