"""The calendar files the user chose, and the meetings read from them. A calendar is only
ever read: nothing here opens one for writing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session

from relationship_journal.domain.meetings import TO_LOG_DAYS, Meeting, own_addresses, without
from relationship_journal.operations.input_files import open_input
from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store import meeting_people as store
from relationship_journal.store.errors import InvalidInputError, NotFoundError

CALENDAR_LIMIT = 512 * 2**20
DAYS_AHEAD = 3  # tomorrow, and a day either side for time zones


@dataclass(frozen=True)
class CalendarRead:
    """The meetings from ``first`` up to ``after_last`` from every calendar that could be
    read; ``problems`` says, file by file, why one could not."""

    first: date
    after_last: date
    meetings: list[Meeting] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)


def calendar_files(ws: Workspace) -> list[str]:
    return ws.read(store.calendar_files)


def _normal(path: Path) -> str:
    return str(path.expanduser().absolute())


def add_calendar(ws: Workspace, path: Path) -> Done[str]:
    """Add a calendar file once it is known to read; a file that does not changes nothing."""
    name = _normal(path)
    read_calendar(Path(name), ws.clock.today())

    def save(session: Session) -> str:
        files = store.calendar_files(session)
        if name in files:
            raise InvalidInputError(f"the calendar {name} is already read")
        store.set_calendar_files(session, [*files, name])
        return name

    return ws.write(f"Add calendar {Path(name).name}", save)


def remove_calendar(ws: Workspace, path: str) -> Done[None]:
    name = path if path in calendar_files(ws) else _normal(Path(path))

    def save(session: Session) -> None:
        files = store.calendar_files(session)
        if name not in files:
            raise NotFoundError(f"{path} is not one of the calendars read")
        store.set_calendar_files(session, [f for f in files if f != name])

    return ws.write(f"Remove calendar {Path(name).name}", save)


def window(around: date) -> tuple[date, date]:
    """The days read: a meeting waits that long to be logged, and tomorrow is briefed."""
    return around - timedelta(days=TO_LOG_DAYS + 1), around + timedelta(days=DAYS_AHEAD)


def read_calendar(path: Path, around: date) -> list[Meeting]:
    return _read(path, *window(around))


def _read(path: Path, first: date, after_last: date) -> list[Meeting]:
    # The calendar reader and its libraries (a quarter of a second to import) are loaded
    # when a calendar is first read, not while the window starts.
    from relationship_journal.exchange.calendar_read import meetings_between

    with open_input(path, "calendar", CALENDAR_LIMIT) as handle:
        data = handle.read(CALENDAR_LIMIT + 1)
    return meetings_between(data, str(path), first, after_last)


def read_calendars(files: list[str], first: date, after_last: date) -> CalendarRead:
    """Every calendar's meetings in a span of days; one that cannot be read is named in
    ``problems`` and the others still count."""
    read = CalendarRead(first, after_last)
    for name in files:
        try:
            read.meetings.extend(_read(Path(name), first, after_last))
        except InvalidInputError as error:
            read.problems[name] = str(error)
    unique = {m.key: m for m in read.meetings}  # one meeting in two calendars counts once
    own = own_addresses(list(unique.values()))
    found = [without(m, own) for m in unique.values()]
    read.meetings[:] = sorted(found, key=lambda m: (m.start, m.title))
    return read


def read_around(ws: Workspace, around: date | None = None) -> CalendarRead:
    """The user's calendars over the days Today needs (see ``window``)."""
    return read_calendars(calendar_files(ws), *window(around or ws.clock.today()))
