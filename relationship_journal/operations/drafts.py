"""Text being typed, kept as it is typed so that a crash loses none of it."""

from __future__ import annotations

from relationship_journal.store.drafts import Draft, DraftStore

__all__ = ["Draft", "DraftStore"]
