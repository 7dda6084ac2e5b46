"""Keeping or breaking a promise, and offering to log what that did to the relationship."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from relationship_journal.operations import promises
from relationship_journal.ui.context import JournalContext, LogRequest


def resolve_promise(
    parent: QWidget, context: JournalContext, promise_id: int, status: str, ask: bool = True
) -> None:
    """Mark a promise kept or broken; for my own promises offer the matching entry."""
    promise = context.do(promises.resolve, promise_id, status)
    context.tell(
        f"Promise {'kept' if status == 'kept' else 'broken'}: {promise.text}",
        contact_id=promise.contact_id,
    )
    if not ask or promise.owner != "me":
        return
    kind = "deposit" if status == "kept" else "withdrawal"
    answer = QMessageBox.question(
        parent,
        "Log it?",
        f"Log a {kind} for {'keeping' if status == 'kept' else 'breaking'} "
        f"this promise?\n\n{promise.text}",
    )
    if answer == QMessageBox.StandardButton.Yes:
        verb = "Kept" if status == "kept" else "Broke"
        context.request_log(
            LogRequest(
                (promise.contact_id,),
                kind,
                f"{verb} promise: {promise.text}",
                "Delivered on a promise" if status == "kept" else "Broke or was late on a promise",
            )
        )
