"""What kinds of interaction there are, and what counts as a deposit or a withdrawal."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Polarity(StrEnum):
    DEPOSIT = "deposit"
    WITHDRAWAL = "withdrawal"
    NEUTRAL = "neutral"


INTERACTION_KINDS: tuple[str, ...] = (
    "meeting",
    "call",
    "email",
    "message",
    "event",
    "gift",
    "favour",
    "note",
)


@dataclass(frozen=True)
class Category:
    name: str
    polarity: Polarity


DEPOSIT_CATEGORIES: tuple[str, ...] = (
    "Delivered on a promise",
    "Proved dependable",
    "Solved a problem",
    "Added value (saved time, money or effort)",
    "Helped their career",
    "Remembered something personal",
    "Anticipated an issue",
    "Responded well to an issue",
    "Showed knowledge of their business",
)

WITHDRAWAL_CATEGORIES: tuple[str, ...] = (
    "Made a mistake",
    "Broke or was late on a promise",
    "Poor response to an issue",
    "Asked a favour",
    "Failed to connect",
    "Inconsistent information",
)

BUILTIN_CATEGORIES: tuple[Category, ...] = tuple(
    [Category(name, Polarity.DEPOSIT) for name in DEPOSIT_CATEGORIES]
    + [Category(name, Polarity.WITHDRAWAL) for name in WITHDRAWAL_CATEGORIES]
)

TIERS: tuple[str, ...] = ("key", "strategic", "standard")

RELATIONSHIP_TYPES: tuple[str, ...] = (
    "client",
    "prospect",
    "partner",
    "supplier",
    "colleague",
    "former colleague",
    "mentor",
    "mentee",
    "advisor",
    "friend",
)

LAYERS: tuple[str, ...] = ("customer", "repeat buyer", "VIP", "advocate", "partner")
