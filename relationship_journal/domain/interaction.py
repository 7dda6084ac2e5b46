"""An interaction as the user logs it: with whom, when, what happened, what it was worth,
and any promise made in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from relationship_journal.domain.ledger import EntryValue
from relationship_journal.domain.taxonomy import Polarity

# A summary says what happened in a few words; one word is too easily a name typed in the
# wrong field ("jurgen" logged under someone else).
MIN_SUMMARY_WORDS = 2


@dataclass(frozen=True)
class PromiseMade:
    text: str
    owner: str  # "me" or "them"
    due_on: date | None


@dataclass(frozen=True)
class Interaction:
    contact_ids: tuple[int, ...]
    occurred_at: datetime
    kind: str
    summary: str
    worth: EntryValue
    notes: str = ""
    category: str = ""
    follow_up_on: date | None = None
    promise: PromiseMade | None = None

    @property
    def value(self) -> int:
        return self.worth.signed

    @property
    def category_kept(self) -> str:
        """A note has no category: one chosen before switching to "just a note" is dropped."""
        return "" if self.worth.polarity is Polarity.NEUTRAL else self.category.strip()


def summary_problem(summary: str) -> str:
    """Why a summary will not do, or "" when it will."""
    if len(summary.split()) < MIN_SUMMARY_WORDS:
        return "Say in a few words what happened, for example “Lunch with the team”."
    return ""
