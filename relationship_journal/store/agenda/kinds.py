"""Every kind of moment the agenda reads, in one list."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from relationship_journal.store.agenda.dated import FollowUps, Promises
from relationship_journal.store.agenda.reminders import Reminders
from relationship_journal.store.agenda.rules import disabled_nudges
from relationship_journal.store.agenda.source import Reading, Source
from relationship_journal.store.agenda.touch import Cadences, StageNudges
from relationship_journal.store.agenda.yearly import Anniversaries, Birthdays

SOURCES: tuple[Source, ...] = (
    Birthdays(),
    Anniversaries(),
    Promises(),
    Cadences(),
    FollowUps(),
    StageNudges(),
    Reminders(),
)
BY_PREFIX = {source.prefix: source for source in SOURCES}


def reading(session: Session, today: date) -> Reading:
    return Reading(session, today, frozenset(disabled_nudges(session)))
