"""Which moments were announced on the desktop, kept in the journal's settings so that the
window and the command line (``notify``) never announce one twice."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlmodel import Session

from relationship_journal.store.models import Setting

ANNOUNCED = "notifications.announced"
LAST_CHECK = "notifications.last_check"
# An announcement is remembered this long: older notice days never come due again.
KEEP_DAYS = 400


def _value(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else None


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def announced(session: Session) -> dict[str, str]:
    """Notice key -> the day it was announced (ISO)."""
    try:
        found = json.loads(_value(session, ANNOUNCED) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def remember(session: Session, keys: Iterable[str], day: date) -> None:
    """Adds ``keys`` as announced on ``day``; forgets what is too old to come due again."""
    record = announced(session)
    record.update(dict.fromkeys(keys, day.isoformat()))
    oldest = (day - timedelta(days=KEEP_DAYS)).isoformat()
    kept = {k: v for k, v in record.items() if v >= oldest}
    _put(session, ANNOUNCED, json.dumps(kept, sort_keys=True))


def last_check(session: Session) -> datetime | None:
    value = _value(session, LAST_CHECK)
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def set_last_check(session: Session, at: datetime) -> None:
    _put(session, LAST_CHECK, at.isoformat())
