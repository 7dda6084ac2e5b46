"""The agenda from a journal: done and snoozed persist, cadences lapse, the calendar reads back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.moments import MomentKind
from relationship_journal.exchange.ics_export import moments_calendar
from relationship_journal.paths import JournalPaths
from relationship_journal.store.agenda import collect, mark_done, set_notice_rule, snooze
from relationship_journal.store.contacts import create_contact, update_contact
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.models import Reminder

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def _seed(journal: Journal) -> tuple[int, int]:
    with journal.transaction() as session:
        anna = create_contact(
            session, ContactDraft("Anna", birthday=PartialDate(11, 26), cadence_days=30), NOW
        ).id
        ben = create_contact(
            session, ContactDraft("Ben", birthday=PartialDate(2, 29, 1988)), NOW
        ).id
        log_entry(session, EntryDraft([anna], NOW - timedelta(days=40), "Lunch"), NOW)  # type: ignore[list-item]
        session.add(Reminder(title="Quarter review", starts_at=NOW, rrule="FREQ=WEEKLY;BYDAY=FR"))
    return anna, ben  # type: ignore[return-value]


def _kinds(journal: Journal, today: date = TODAY) -> list[tuple[MomentKind, date]]:
    with journal.reading() as session:
        return [(m.kind, m.day) for m in collect(session, today)]


def test_birthday_cadence_and_reminders_appear(journal: Journal) -> None:
    _seed(journal)
    found = _kinds(journal)
    assert (MomentKind.BIRTHDAY, date(2026, 11, 26)) in found
    assert (MomentKind.CADENCE, date(2026, 11, 14)) in found  # 40 days since, cadence 30
    assert (MomentKind.REMINDER, date(2026, 11, 27)) in found
    leap = _kinds(journal, date(2027, 2, 10))
    assert (MomentKind.BIRTHDAY, date(2027, 2, 28)) in leap


def test_done_and_snoozed_survive_a_restart(paths: JournalPaths, journal: Journal) -> None:
    _seed(journal)
    with journal.reading() as session:
        birthday = next(m for m in collect(session, TODAY) if m.kind is MomentKind.BIRTHDAY)
        cadence = next(m for m in collect(session, TODAY) if m.kind is MomentKind.CADENCE)
    with journal.transaction() as session:
        mark_done(session, birthday.key, NOW)
        snooze(session, cadence.key, TODAY + timedelta(days=7), NOW)
    journal.close()
    reopened = open_journal(paths.journal, paths.backups)
    found = _kinds(reopened)
    assert (MomentKind.BIRTHDAY, date(2026, 11, 26)) not in found
    assert (MomentKind.CADENCE, TODAY + timedelta(days=7)) in found
    assert (MomentKind.CADENCE, date(2026, 11, 14)) not in found
    # Done this year; next year's birthday is a new moment.
    assert (MomentKind.BIRTHDAY, date(2027, 11, 26)) in _kinds(reopened, date(2027, 11, 20))
    reopened.close()


def test_a_new_interaction_resets_the_cadence(journal: Journal) -> None:
    anna, _ = _seed(journal)
    with journal.transaction() as session:
        log_entry(session, EntryDraft([anna], NOW - timedelta(days=1), "Call"), NOW)
    cadences = [day for kind, day in _kinds(journal) if kind is MomentKind.CADENCE]
    assert cadences == [date(2026, 12, 23)]


def test_notice_rules_set_when_the_user_is_told(journal: Journal) -> None:
    anna, _ = _seed(journal)
    with journal.transaction() as session:
        set_notice_rule(session, "birthday", 7)
        set_notice_rule(session, "birthday", 1, anna)
    with journal.reading() as session:
        birthday = next(m for m in collect(session, TODAY) if m.kind is MomentKind.BIRTHDAY)
    assert birthday.notice_day == date(2026, 11, 25)


def test_calendar_export_parses_back_with_stable_uids(journal: Journal) -> None:
    _seed(journal)
    with journal.reading() as session:
        first = collect(session, TODAY)
    text = moments_calendar(first, NOW)
    again = moments_calendar(first, NOW + timedelta(hours=1))
    calendar = Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert len(events) == len(first)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in Calendar.from_ical(again).walk("VEVENT")]
    birthday = next(e for e in events if "birthday" in str(e["SUMMARY"]))
    assert birthday.decoded("DTSTART") == date(2026, 11, 26)  # an all-day event


def test_anniversaries_of_a_new_job_and_of_the_first_purchase(journal: Journal) -> None:
    from relationship_journal.store.stages import set_stage

    year_ago = NOW - timedelta(days=365)
    with journal.transaction() as session:
        # Where she worked when first recorded says nothing of when she began there; her
        # move to Atlas Retail was recorded the day it happened.
        contact = create_contact(
            session,
            ContactDraft("Chloé", organisation="Northwind"),
            year_ago - timedelta(days=363),
        )
        assert contact.id is not None
        moved = ContactDraft("Chloé", organisation="Atlas Retail")
        update_contact(session, contact.id, moved, year_ago + timedelta(days=2))
        set_stage(session, contact.id, "customer", "purchase", year_ago + timedelta(days=5))
    titles = []
    with journal.reading() as session:
        titles = [m.title for m in collect(session, TODAY) if m.kind is MomentKind.ANNIVERSARY]
    assert "1 year since starting at Atlas Retail — Chloé" in titles
    assert "1 year since the first purchase — Chloé" in titles
    assert not [title for title in titles if "Northwind" in title]
