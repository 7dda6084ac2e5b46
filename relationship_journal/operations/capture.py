"""Logging what happened: an interaction with its value and any promise made in it; editing
and deleting entries."""

from __future__ import annotations

from sqlmodel import Session

from relationship_journal.domain import ledger
from relationship_journal.domain.interaction import Interaction, PromiseMade
from relationship_journal.domain.ledger import EntryValue
from relationship_journal.domain.taxonomy import DEPOSIT_CATEGORIES, WITHDRAWAL_CATEGORIES, Polarity
from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store.agenda import mark_done
from relationship_journal.store.contacts import get_contact
from relationship_journal.store.ledger import EntryDraft, delete_entry, entry_draft, log_entry
from relationship_journal.store.ledger import update_entry as store_update_entry
from relationship_journal.store.promises import add_promise
from relationship_journal.store.vocabulary import CATEGORY, remember, terms


def _entry(interaction: Interaction) -> EntryDraft:
    return EntryDraft(
        contact_ids=list(interaction.contact_ids),
        occurred_at=interaction.occurred_at,
        summary=interaction.summary,
        kind=interaction.kind,
        notes=interaction.notes,
        value=interaction.value,
        category=interaction.category_kept,
        follow_up_on=interaction.follow_up_on,
    )


def log_interaction(ws: Workspace, interaction: Interaction, moment_key: str = "") -> Done[int]:
    """Store the entry, any promise made with it, the category the user typed (offered
    next time); a moment it answers (a birthday on Today) is done. Returns the entry's id."""
    now = ws.clock.now()

    def save(session: Session) -> int:
        entry = log_entry(session, _entry(interaction), now)
        assert entry.id is not None
        polarity = interaction.worth.polarity
        if polarity is not Polarity.NEUTRAL and interaction.category_kept:
            remember(session, CATEGORY, interaction.category_kept, polarity.value)
        promise = interaction.promise
        if promise is not None and promise.text.strip():
            for contact_id in interaction.contact_ids:
                add_promise(
                    session,
                    contact_id,
                    promise.text,
                    promise.owner,
                    interaction.occurred_at.date(),
                    promise.due_on,
                    entry_id=entry.id,
                )
        if moment_key:
            mark_done(session, moment_key, now)
        return entry.id

    return ws.write(f"Log “{interaction.summary}”", save)


def entry_for_editing(ws: Workspace, entry_id: int) -> Interaction:
    draft = ws.read(lambda s: entry_draft(s, entry_id))
    return Interaction(
        contact_ids=tuple(draft.contact_ids),
        occurred_at=draft.occurred_at,
        kind=draft.kind,
        summary=draft.summary,
        worth=EntryValue.of(draft.value),
        notes=draft.notes,
        category=draft.category,
        follow_up_on=draft.follow_up_on,
    )


def edit_entry(ws: Workspace, entry_id: int, interaction: Interaction) -> Done[None]:
    now = ws.clock.now()

    def save(session: Session) -> None:
        store_update_entry(session, entry_id, _entry(interaction), now)

    return ws.write("Edit entry", save)


def remove_entry(ws: Workspace, entry_id: int) -> Done[None]:
    def remove(session: Session) -> None:
        delete_entry(session, entry_id)

    return ws.write("Delete entry", remove)


def categories(ws: Workspace) -> dict[Polarity, list[str]]:
    """The categories offered for each polarity: the product's, then the user's own."""
    own = ws.read(
        lambda s: {p: terms(s, CATEGORY, p.value) for p in (Polarity.DEPOSIT, Polarity.WITHDRAWAL)}
    )
    return {
        Polarity.DEPOSIT: [*DEPOSIT_CATEGORIES, *own[Polarity.DEPOSIT]],
        Polarity.WITHDRAWAL: [*WITHDRAWAL_CATEGORIES, *own[Polarity.WITHDRAWAL]],
        Polarity.NEUTRAL: [],
    }


def balance_of(ws: Workspace, contact_id: int) -> float:
    """Today's balance of one contact."""
    now = ws.clock.now()
    running: float = ws.read(lambda s: get_contact(s, contact_id).balance_sum)
    return ledger.balance_from_sum(running, now)


__all__ = ["Interaction", "PromiseMade"]
