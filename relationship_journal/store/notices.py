"""Which moments were announced on the desktop, kept in the journal's settings so that the
window and the command line (``notify``) never announce one twice."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlmodel import Session

from relationship_journal.store.settings import put, read

ANNOUNCED = "notifications.announced"
LAST_CHECK = "notifications.last_check"
# An announcement is remembered this long: older notice days never come due again.
KEEP_DAYS = 400


def announced(session: Session) -> dict[str, str]:
    """Notice key -> the day it was announced (ISO)."""
    try:
        found = json.loads(read(session, ANNOUNCED) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def remember(session: Session, keys: Iterable[str], day: date) -> None:
    """Adds ``keys`` as announced on ``day``; forgets what is too old to come due again."""
    record = announced(session)
    record.update(dict.fromkeys(keys, day.isoformat()))
    oldest = (day - timedelta(days=KEEP_DAYS)).isoformat()
    kept = {k: v for k, v in record.items() if v >= oldest}
    put(session, ANNOUNCED, json.dumps(kept, sort_keys=True))


def last_check(session: Session) -> datetime | None:
    value = read(session, LAST_CHECK)
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def set_last_check(session: Session, at: datetime) -> None:
    put(session, LAST_CHECK, at.isoformat())
