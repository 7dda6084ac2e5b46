"""Meetings with the people in the journal: which have ended and wait to be logged, which
come tomorrow, dismissing one for good, taking its unknown attendees in as contacts, and
the brief pack for a day's meetings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlmodel import Session

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.domain.meetings import Meeting, Person, name_candidates
from relationship_journal.operations import calendars
from relationship_journal.operations.briefs import write_pack
from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store import meeting_people as store
from relationship_journal.store.agenda import mark_done
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.errors import NotFoundError


@dataclass(frozen=True)
class MeetingWith:
    """A meeting and the people in it the journal knows; ``unknown``: the attendees it does
    not; ``to_log``: ended, and neither logged nor dismissed."""

    meeting: Meeting
    contacts: tuple[tuple[int, str], ...]
    unknown: tuple[Person, ...]
    to_log: bool

    @property
    def contact_ids(self) -> tuple[int, ...]:
        return tuple(contact_id for contact_id, _name in self.contacts)


def with_known_people(ws: Workspace, meetings: list[Meeting]) -> list[MeetingWith]:
    """The meetings with at least one contact: by attendee or organiser e-mail first, by a
    contact's exact full name in the title when no address matched."""
    now = ws.clock.now()
    return ws.read(lambda s: _matched(s, meetings, now))


def _matched(session: Session, meetings: list[Meeting], now: datetime) -> list[MeetingWith]:
    by_email = store.contacts_by_email(session, {p.email_key for m in meetings for p in m.people})
    unmatched = [m for m in meetings if not any(p.email_key in by_email for p in m.people)]
    titles = {m.title: name_candidates(m.title) for m in unmatched}
    by_name = store.contacts_by_name(session, {k for keys in titles.values() for k in keys})
    found = []
    for meeting in meetings:
        known = [by_email[p.email_key] for p in meeting.people if p.email_key in by_email]
        if not known:
            known = [by_name[k] for k in sorted(titles[meeting.title]) if k in by_name]
        if known:
            unknown = tuple(p for p in meeting.people if p.email_key not in by_email)
            found.append(MeetingWith(meeting, tuple(dict.fromkeys(known)), unknown, False))
    waiting = [f for f in found if f.meeting.waits_to_be_logged(now)]
    settled = store.settled_keys(session, {f.meeting.key for f in waiting})
    logged = _logged_by_day(session, [f for f in waiting if f.meeting.key not in settled])
    open_keys = {
        f.meeting.key
        for f in waiting
        if f.meeting.key not in settled
        and not any(set(f.contact_ids) <= people for people in logged.get(f.meeting.day, []))
    }
    return [replace(f, to_log=f.meeting.key in open_keys) for f in found]


def _logged_by_day(session: Session, waiting: list[MeetingWith]) -> dict[date, list[set[int]]]:
    """The people of each entry on the days of these meetings, by day: an entry with all
    of a meeting's known people that day logged it already."""
    if not waiting:
        return {}
    days = [f.meeting.day for f in waiting]
    start = datetime.combine(min(days), time(0, 0)).astimezone()
    end = datetime.combine(max(days) + timedelta(days=1), time(0, 0)).astimezone()
    ids = {contact_id for f in waiting for contact_id in f.contact_ids}
    by_day: dict[date, list[set[int]]] = {}
    for at, people in store.people_logged_between(session, start, end, ids):
        by_day.setdefault(at.astimezone().date(), []).append(people)
    return by_day


def to_log(ws: Workspace, meetings: list[Meeting]) -> list[MeetingWith]:
    """Ended meetings with known people still waiting to be logged, the latest first."""
    waiting = [m for m in with_known_people(ws, meetings) if m.to_log]
    return sorted(waiting, key=lambda m: m.meeting.end, reverse=True)


def for_today(
    ws: Workspace, meetings: list[Meeting]
) -> tuple[list[MeetingWith], list[MeetingWith]]:
    """What Today shows, matched in one read: the meetings waiting to be logged (latest
    first) and tomorrow's."""
    now, tomorrow = ws.clock.now(), ws.clock.today() + timedelta(days=1)
    wanted = [m for m in meetings if m.day == tomorrow or m.waits_to_be_logged(now)]
    found = with_known_people(ws, wanted)
    waiting = sorted((f for f in found if f.to_log), key=lambda f: f.meeting.end, reverse=True)
    return waiting, [f for f in found if f.meeting.day == tomorrow]


def on_day(ws: Workspace, meetings: list[Meeting], day: date) -> list[MeetingWith]:
    return with_known_people(ws, [m for m in meetings if m.day == day])


def dismiss(ws: Workspace, meeting: Meeting) -> Done[None]:
    """Not worth logging: only the meeting's key is kept, so it is never offered again."""
    now = ws.clock.now()
    return ws.write(f"Not worth logging: {meeting.title}", lambda s: mark_done(s, meeting.key, now))


def find(meetings: list[Meeting], uid: str, day: date | None, now: datetime) -> Meeting:
    """The occurrence of the meeting ``uid`` on ``day``, or else its latest that has begun."""
    same = [m for m in meetings if m.uid == uid and (day is None or m.day == day)]
    begun = [m for m in same if m.start <= now] or same
    if not begun:
        when = f" on {day:%d %b %Y}" if day else ""
        raise NotFoundError(f"no meeting with UID {uid}{when} in the calendars read")
    return max(begun, key=lambda m: m.start)


def add_people(ws: Workspace, people: list[Person]) -> Done[list[int]]:
    """Unknown attendees as contacts in one step: the name and address from the invitation,
    the organisation whose people write from the same e-mail domain."""
    now = ws.clock.now()

    def save(session: Session) -> list[int]:
        made = []
        known = store.contacts_by_email(session, {p.email_key for p in people})
        for person in people:
            if person.email_key in known:
                continue
            draft = ContactDraft(
                display_name=person.name or person.email.partition("@")[0],
                emails=[Labelled(person.email, "work")],
                organisation=store.organisation_for_domain(session, person.domain),
            )
            contact = create_contact(session, draft, now)
            assert contact.id is not None
            made.append(contact.id)
            known[person.email_key] = (contact.id, contact.display_name)
        return made

    names = ", ".join(p.shown for p in people[:3]) + (" …" if len(people) > 3 else "")
    return ws.write(f"Add {names} as contacts", save)


def between(ws: Workspace, start: date, days: int) -> tuple[list[MeetingWith], dict[str, str]]:
    """Meetings with known people from ``start`` for ``days`` days, and those ended in the
    days before still waiting to be logged; with each unreadable calendar's problem."""
    first, after_last = calendars.window(ws.clock.today())
    first, after_last = min(first, start), max(after_last, start + timedelta(days=days + 1))
    read = calendars.read_calendars(calendars.calendar_files(ws), first, after_last)
    end = start + timedelta(days=days)
    found = [
        m for m in with_known_people(ws, read.meetings) if start <= m.meeting.day <= end or m.to_log
    ]
    return found, read.problems


def people_met_on(ws: Workspace, meetings: list[Meeting], day: date) -> list[int]:
    """Everyone known met on ``day``, in the order of the meetings."""
    ids: dict[int, None] = {}
    for found in on_day(ws, meetings, day):
        ids.update(dict.fromkeys(found.contact_ids))
    return list(ids)


def write_brief_pack(
    ws: Workspace, meetings: list[Meeting], day: date, target: Path, force: bool = False
) -> int:
    """One PDF: a page for each person met on ``day`` (and a summary of an organisation
    several of them come from). Returns its page count."""
    ids = people_met_on(ws, meetings, day)
    if not ids:
        raise NotFoundError(f"no meetings with people you know on {day:%a %d %b %Y}")
    return write_pack(ws, ids, target, f"Meetings on {day:%a %d %b %Y}", force)
