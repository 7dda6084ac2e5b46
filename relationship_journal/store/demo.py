"""The demo journal: realistic contacts and months of history, dated relative to today."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.domain.dates import PartialDate
from relationship_journal.store.contacts import create_contact, organisation_named
from relationship_journal.store.facts import record_fact
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.models import (
    ContactLink,
    Employment,
    Organisation,
    Reminder,
    stored_id,
)
from relationship_journal.store.promises import add_promise
from relationship_journal.store.stages import set_stage

DEMO_SEED = 20261124


def _birthday(spec: dict[str, Any], today: date) -> PartialDate:
    if "in_days" in spec:
        day = today + timedelta(days=spec["in_days"])
        month, dom = day.month, day.day
    else:
        month, dom = spec["month"], spec["day"]
    return PartialDate(month, dom, spec.get("year"))


def _at(today: date, days_ago: int, hour: int, tz: Any) -> datetime:
    return datetime.combine(today - timedelta(days=days_ago), time(hour, 0), tzinfo=tz)


def populate_demo(journal: Journal, data_file: Path, today: date, now: datetime) -> int:
    """Fill an empty journal with the demo; returns how many contacts it holds."""
    data = json.loads(data_file.read_text(encoding="utf-8"))
    rng = random.Random(DEMO_SEED)
    tz = now.tzinfo
    with journal.transaction() as session:
        for org in data["organisations"]:
            organisation = organisation_named(session, org["name"], now)
            organisation.industry = org.get("industry", "")
        ids: dict[str, int] = {}
        for spec in data["contacts"]:
            ids[spec["name"]] = _add_contact(session, spec, data["routine"], rng, today, now)
        for source, kind, target in data["links"]:
            session.add(
                ContactLink(from_contact_id=ids[source], to_contact_id=ids[target], kind=kind)
            )
        for name, org_name, title, started_ago, ended_ago in data["past_jobs"]:
            organisation = organisation_named(session, org_name, now)
            session.add(
                Employment(
                    contact_id=ids[name],
                    organisation_id=stored_id(organisation),
                    title=title,
                    started_on=today - timedelta(days=started_ago),
                    ended_on=today - timedelta(days=ended_ago),
                )
            )
        _add_reminders(session, ids, today, tz)
    return len(ids)


def _add_contact(
    session: Session,
    spec: dict[str, Any],
    routine: dict[str, list[str]],
    rng: random.Random,
    today: date,
    now: datetime,
) -> int:
    met = spec["met"]
    created = _at(today, met["days_ago"], 9, now.tzinfo)
    draft = ContactDraft(
        display_name=spec["name"],
        given_name=spec["given"],
        family_name=spec["family"],
        organisation=spec["org"],
        title=spec["title"],
        emails=[Labelled(spec["email"], "work")],
        phones=[Labelled(spec["phone"], "mobile")],
        birthday=_birthday(spec["birthday"], today),
        relationship_type=spec["type"],
        tier=spec["tier"],
        cadence_days=spec["cadence"],
        met_on=created.date(),
        met_how=met["how"],
        tags=spec["tags"],
    )
    contact = create_contact(session, draft, created)
    contact.created_at = created
    assert contact.id is not None
    contact_id = contact.id
    job = session.exec(select(Employment).where(Employment.contact_id == contact_id)).one()
    job.started_on = created.date()
    for topic, (text, days_ago) in spec.get("old_facts", {}).items():
        record_fact(session, contact_id, topic, text, _at(today, days_ago, 18, now.tzinfo))
    for topic, text in spec["facts"].items():
        days_ago = rng.randint(5, min(met["days_ago"], 200))
        record_fact(session, contact_id, topic, text, _at(today, days_ago, 18, now.tzinfo))
    for layer, model_key, stage, days_ago in spec["layers"]:
        set_stage(
            session, contact_id, layer, stage, _at(today, days_ago, 12, now.tzinfo), model_key
        )
    for days_ago, kind, value, category, summary in spec["entries"]:
        entry_draft = EntryDraft([contact_id], _at(today, days_ago, 11, now.tzinfo), summary, kind)
        entry_draft.value, entry_draft.category = value, category
        log_entry(session, entry_draft, now)
    _add_routine(session, contact_id, spec, routine, rng, today, now)
    for owner, text, made_ago, due_in in spec["promises"]:
        add_promise(
            session,
            contact_id,
            text,
            owner,
            today - timedelta(days=made_ago),
            today + timedelta(days=due_in),
        )
    return contact_id


def _add_routine(
    session: Session,
    contact_id: int,
    spec: dict[str, Any],
    routine: dict[str, list[str]],
    rng: random.Random,
    today: date,
    now: datetime,
) -> None:
    """Ordinary interactions over the past months; quiet contacts went silent long ago."""
    newest = spec["cadence"] + 20 if spec.get("quiet") else 3
    oldest = min(spec["met"]["days_ago"], 240)
    if oldest <= newest:
        return
    for _ in range(rng.randint(4, 9)):
        kind = rng.choice(sorted(routine))
        days_ago = rng.randint(newest, oldest)
        value = rng.choice((0, -1, -1, 0) if spec.get("troubled") else (0, 1, 1, 1, 2))
        draft = EntryDraft(
            [contact_id],
            _at(today, days_ago, rng.randint(8, 17), now.tzinfo),
            rng.choice(routine[kind]),
            kind,
        )
        draft.value = value
        draft.category = {
            1: "Proved dependable",
            2: "Proved dependable",
            -1: "Failed to connect",
        }.get(value, "")
        log_entry(session, draft, now)


def _add_reminders(session: Session, ids: dict[str, int], today: date, tz: Any) -> None:
    start = datetime.combine(today, time(9, 0), tzinfo=tz)
    session.add(
        Reminder(
            contact_id=ids["Jürgen Müller"],
            title="Monthly operations sync",
            starts_at=start,
            all_day=False,
            rrule="FREQ=MONTHLY;BYDAY=3MO",
        )
    )
    session.add(
        Reminder(
            title="Review drifting key relationships",
            starts_at=start,
            rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        )
    )


def is_empty(journal: Journal) -> bool:
    with journal.reading() as session:
        return session.exec(select(Organisation.id)).first() is None
