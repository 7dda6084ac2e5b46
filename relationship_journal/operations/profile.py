"""What the user knows of a person: answers to the profile questions, kept with their history."""

from __future__ import annotations

from sqlmodel import Session

from relationship_journal.domain import profile
from relationship_journal.domain.records import FactRecord
from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store.facts import fact_history, record_fact
from relationship_journal.store.records import fact_record


def record_answer(ws: Workspace, contact_id: int, topic_key: str, text: str) -> Done[None]:
    """A new answer; the earlier one stays in the history (unchanged text is no news)."""
    topic = profile.topic(topic_key)
    now = ws.clock.now()

    def save(session: Session) -> None:
        record_fact(session, contact_id, topic_key, text, now)

    return ws.write(f"Edit {topic.label}", save)


def answers_over_time(ws: Workspace, contact_id: int, topic_key: str) -> list[FactRecord]:
    """What was known when, newest first."""
    return [fact_record(f) for f in ws.read(lambda s: fact_history(s, contact_id, topic_key))]
