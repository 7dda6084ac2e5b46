"""Talking points for a meeting, derived from what the journal knows about a contact.

Each rule looks at plain facts (no Qt, no SQL) and may produce one point. The brief lists
them most urgent first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.ledger import Health
from relationship_journal.domain.profile import TOPICS_BY_KEY
from relationship_journal.domain.promises import DUE_SOON_DAYS
from relationship_journal.domain.stages import is_critical
from relationship_journal.domain.wording import day_month

RECENT_WORRY_DAYS = 90
RECENT_JOB_DAYS = 120
BIRTHDAY_WINDOW_DAYS = 7


@dataclass(frozen=True)
class PromiseFact:
    owner: str  # "me" or "them"
    text: str
    due_on: date | None


@dataclass(frozen=True)
class JobFact:
    organisation: str
    title: str
    started_on: date | None
    ended_on: date | None


@dataclass
class BriefFacts:
    """What the rules need to know about one contact."""

    name: str
    today: date
    open_promises: list[PromiseFact] = field(default_factory=list)
    worry: str = ""
    worry_recorded: date | None = None
    last_interaction: date | None = None
    unknown_professional: list[str] = field(default_factory=list)  # topic keys
    jobs: list[JobFact] = field(default_factory=list)  # newest first
    birthday: PartialDate | None = None
    stage: str = ""
    health: Health = Health.NEW
    balance: float = 0.0


@dataclass(frozen=True)
class TalkingPoint:
    rule: str
    text: str
    urgency: int  # lower comes first


def promise_due_soon(facts: BriefFacts) -> TalkingPoint | None:
    soon = [
        p
        for p in facts.open_promises
        if p.due_on is not None and p.due_on <= facts.today + timedelta(days=DUE_SOON_DAYS)
    ]
    if not soon:
        return None
    first = min(soon, key=lambda p: p.due_on or facts.today)
    assert first.due_on is not None
    late = first.due_on < facts.today
    when = "was due" if late else "is due"
    if first.owner == "me":
        text = f"Your promise {when} {day_month(first.due_on)}: {first.text}. Deliver or reset it."
    else:
        text = (
            f"{facts.name} promised, and it {when} {day_month(first.due_on)}: "
            f"{first.text}. Ask kindly."
        )
    return TalkingPoint("promise-due", text, 0 if late else 1)


def worry_not_followed_up(facts: BriefFacts) -> TalkingPoint | None:
    if not facts.worry or facts.worry_recorded is None:
        return None
    if facts.today - facts.worry_recorded > timedelta(days=RECENT_WORRY_DAYS):
        return None
    if facts.last_interaction is not None and facts.last_interaction > facts.worry_recorded:
        return None
    return TalkingPoint(
        "worry",
        f"Ask how it is going with what keeps them up at night: {facts.worry}",
        2,
    )


def unknown_question(facts: BriefFacts) -> TalkingPoint | None:
    if not facts.unknown_professional:
        return None
    topic = TOPICS_BY_KEY[facts.unknown_professional[0]]
    return TalkingPoint("unknown", f"Find out: {topic.prompt}", 5)


def recent_job_change(facts: BriefFacts) -> TalkingPoint | None:
    current = next((job for job in facts.jobs if job.ended_on is None), None)
    previous = [job for job in facts.jobs if job.ended_on is not None]
    if current is None or current.started_on is None or not previous:
        return None
    if facts.today - current.started_on > timedelta(days=RECENT_JOB_DAYS):
        return None
    role = f"{current.title} at {current.organisation}" if current.title else current.organisation
    return TalkingPoint(
        "job-change",
        f"New role since {current.started_on:%b %Y}: {role}. Ask how the first months are going.",
        3,
    )


def birthday_this_week(facts: BriefFacts) -> TalkingPoint | None:
    if facts.birthday is None:
        return None
    day = facts.birthday.next_occurrence(facts.today - timedelta(days=2))
    if not -2 <= (day - facts.today).days <= BIRTHDAY_WINDOW_DAYS:
        return None
    when = "today" if day == facts.today else f"on {day:%A} {day_month(day)}"
    past = day < facts.today
    return TalkingPoint(
        "birthday",
        f"Birthday {'was ' if past else ''}{when}"
        + (": belated wishes." if past else ": wish them well."),
        1,
    )


def critical_stage(facts: BriefFacts) -> TalkingPoint | None:
    if not is_critical(facts.stage):
        return None
    return TalkingPoint(
        "storming",
        "The relationship is storming: listen first, acknowledge the issue, agree the next step.",
        0,
    )


def account_state(facts: BriefFacts) -> TalkingPoint | None:
    if facts.health is Health.OVERDRAWN:
        return TalkingPoint(
            "overdrawn", "The account is overdrawn: make a deposit; ask no favours today.", 1
        )
    if facts.health is Health.DRIFTING:
        return TalkingPoint(
            "drifting", "You have drifted apart: reconnect before you discuss business.", 2
        )
    return None


RULES = (
    critical_stage,
    promise_due_soon,
    birthday_this_week,
    account_state,
    worry_not_followed_up,
    recent_job_change,
    unknown_question,
)


def talking_points(facts: BriefFacts) -> list[TalkingPoint]:
    found = [point for rule in RULES if (point := rule(facts)) is not None]
    return sorted(found, key=lambda point: point.urgency)
