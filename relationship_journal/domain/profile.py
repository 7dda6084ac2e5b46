"""Knowing the person: the profile topics the app prompts for, and how well they are known."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, TypeVar


class Side(StrEnum):
    PERSONAL = "personal"
    PROFESSIONAL = "professional"


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    side: Side
    prompt: str


TOPICS: tuple[Topic, ...] = (
    Topic("family", "Family", Side.PERSONAL, "Partner, children — names and ages?"),
    Topic("home", "Where they live", Side.PERSONAL, "Which city or neighbourhood?"),
    Topic("education", "Where they studied", Side.PERSONAL, "School, university, subject?"),
    Topic("interests", "Interests", Side.PERSONAL, "What do they enjoy talking about?"),
    Topic("hobbies", "Hobbies", Side.PERSONAL, "What do they do in their free time?"),
    Topic("sports", "Sports", Side.PERSONAL, "Which sports do they play or follow?"),
    Topic(
        "important_dates",
        "Important dates",
        Side.PERSONAL,
        "Anniversaries, children's birthdays, a big race or move coming up?",
    ),
    Topic("personal_notes", "Personal notes", Side.PERSONAL, "Anything else worth remembering?"),
    Topic("current_role", "Current role", Side.PROFESSIONAL, "What is their job, really?"),
    Topic("next_job", "Next job wanted", Side.PROFESSIONAL, "What job do they want next?"),
    Topic(
        "career_goals",
        "Career goals",
        Side.PROFESSIONAL,
        "What are their career goals, and what will it take to get there?",
    ),
    Topic(
        "measured_on",
        "How they are measured",
        Side.PROFESSIONAL,
        "How are they measured, and how are they doing against it?",
    ),
    Topic(
        "keeps_up_at_night",
        "What keeps them up at night",
        Side.PROFESSIONAL,
        "What about their job keeps them up at night?",
    ),
    Topic("how_i_can_help", "How I can help", Side.PROFESSIONAL, "What could I do to help them?"),
)

TOPICS_BY_KEY: dict[str, Topic] = {topic.key: topic for topic in TOPICS}
PROFESSIONAL_KEYS: tuple[str, ...] = tuple(t.key for t in TOPICS if t.side is Side.PROFESSIONAL)
PERSONAL_KEYS: tuple[str, ...] = tuple(t.key for t in TOPICS if t.side is Side.PERSONAL)

# Professional knowledge is what sets the stronger relationship owners apart: it counts double.
_WEIGHTS: dict[Side, int] = {Side.PERSONAL: 1, Side.PROFESSIONAL: 2}


def topic(key: str) -> Topic:
    try:
        return TOPICS_BY_KEY[key]
    except KeyError:
        raise ValueError(f"unknown profile topic {key!r}") from None


class Answer(Protocol):
    """Anything recorded about a topic at a moment: a stored fact, or a plain ``Fact``."""

    @property
    def topic(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def recorded_at(self) -> datetime: ...


@dataclass(frozen=True)
class Fact:
    topic: str
    text: str
    recorded_at: datetime


A = TypeVar("A", bound=Answer)


def current_facts(history: Iterable[A]) -> dict[str, A]:
    """The newest answer per topic (the later one on a tie); an empty newest answer means
    the topic is unknown again."""
    newest: dict[str, A] = {}
    for fact in history:
        held = newest.get(fact.topic)
        if held is None or fact.recorded_at >= held.recorded_at:
            newest[fact.topic] = fact
    return {key: fact for key, fact in newest.items() if fact.text.strip()}


def completeness(known_topics: Iterable[str]) -> int:
    """How well the user knows a contact, 0–100, professional answers weighing double."""
    known = set(known_topics)
    total = sum(_WEIGHTS[t.side] for t in TOPICS)
    have = sum(_WEIGHTS[t.side] for t in TOPICS if t.key in known)
    return round(100 * have / total)


def open_questions(known_topics: Iterable[str]) -> list[Topic]:
    """Professional topics still unknown: questions to find out at the next meeting."""
    known = set(known_topics)
    return [t for t in TOPICS if t.side is Side.PROFESSIONAL and t.key not in known]
