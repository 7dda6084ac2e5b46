"""Each talking-point rule follows from the data, and only from it."""

from __future__ import annotations

from datetime import date, timedelta

from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.ledger import Health
from relationship_journal.domain.talking_points import (
    BriefFacts,
    JobFact,
    PromiseFact,
    account_state,
    birthday_this_week,
    critical_stage,
    promise_due_soon,
    recent_job_change,
    talking_points,
    unknown_question,
    worry_not_followed_up,
)

TODAY = date(2026, 11, 24)


def facts(**changes) -> BriefFacts:  # type: ignore[no-untyped-def]
    base = BriefFacts(name="Sofía", today=TODAY)
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def test_promise_due_soon_either_way() -> None:
    mine = facts(open_promises=[PromiseFact("me", "Send the model", TODAY + timedelta(days=3))])
    point = promise_due_soon(mine)
    assert point is not None and "Your promise is due 27 Nov: Send the model" in point.text
    theirs = facts(
        open_promises=[PromiseFact("them", "Send the roadmap", TODAY - timedelta(days=1))]
    )
    point = promise_due_soon(theirs)
    assert point is not None and "Sofía promised, and it was due 23 Nov" in point.text
    later = facts(open_promises=[PromiseFact("me", "Later", TODAY + timedelta(days=30))])
    assert promise_due_soon(later) is None
    assert promise_due_soon(facts(open_promises=[PromiseFact("me", "Undated", None)])) is None


def test_recent_worry_not_followed_up() -> None:
    worried = facts(worry="Invoice errors", worry_recorded=TODAY - timedelta(days=10))
    assert worry_not_followed_up(worried) is not None
    worried.last_interaction = TODAY - timedelta(days=2)
    assert worry_not_followed_up(worried) is None  # talked since
    old = facts(worry="Old", worry_recorded=TODAY - timedelta(days=200))
    assert worry_not_followed_up(old) is None


def test_unknown_professional_question() -> None:
    point = unknown_question(facts(unknown_professional=["next_job", "measured_on"]))
    assert point is not None and point.text == "Find out: What job do they want next?"
    assert unknown_question(facts()) is None


def test_recent_job_change() -> None:
    moved = facts(
        jobs=[
            JobFact("Atlas", "COO", TODAY - timedelta(days=30), None),
            JobFact("Northwind", "VP", date(2020, 1, 1), TODAY - timedelta(days=31)),
        ]
    )
    point = recent_job_change(moved)
    assert point is not None and "COO at Atlas" in point.text
    first_job = facts(jobs=[JobFact("Atlas", "COO", TODAY - timedelta(days=30), None)])
    assert recent_job_change(first_job) is None


def test_birthday_this_week_including_belated() -> None:
    assert birthday_this_week(facts(birthday=PartialDate(11, 26))) is not None
    belated = birthday_this_week(facts(birthday=PartialDate(11, 23)))
    assert belated is not None and "belated" in belated.text
    assert birthday_this_week(facts(birthday=PartialDate(12, 20))) is None


def test_storming_and_account_state() -> None:
    assert critical_stage(facts(stage="storming")) is not None
    assert critical_stage(facts(stage="norming")) is None
    overdrawn = account_state(facts(health=Health.OVERDRAWN))
    assert overdrawn is not None and "ask no favours" in overdrawn.text
    assert account_state(facts(health=Health.GROWING)) is None


def test_points_come_most_urgent_first() -> None:
    points = talking_points(
        facts(
            stage="storming",
            unknown_professional=["next_job"],
            birthday=PartialDate(11, 25),
        )
    )
    assert [p.rule for p in points] == ["storming", "birthday", "unknown"]
