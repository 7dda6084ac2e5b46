"""Every write made from the window is one undoable, redoable step (Edit → Undo / Redo),
and after a restart it is simply a change that was made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlmodel import Session, select

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.domain.dates import PartialDate
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact, get_contact, live_contact_count
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.models import Entry, MomentState, ProfileFact, Promise, Reminder
from relationship_journal.store.promises import add_promise
from relationship_journal.ui.contact.dialog import ContactDialog
from relationship_journal.ui.contact.fact_dialogs import FactDialog
from relationship_journal.ui.contact.stage_dialog import StageDialog
from relationship_journal.ui.contact.timeline import EntryIdRole
from relationship_journal.ui.ledger.log_dialog import LogDialog
from relationship_journal.ui.ledger.promise_dialog import PromiseDialog
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.today.reminder_dialog import ReminderDialog
from relationship_journal.ui.transfer.preview_dialog import ImportPreviewDialog
from tests.gui.conftest import (
    WindowFactory,
    import_file,
    open_by_name,
    peek,
    seed,
    trigger,
    wait_for_agenda,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def _fill(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Callable[..., object]) -> None:
    def run(dialog: QDialog) -> int:
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", run)


def _count(model: type) -> Callable[[Session], int]:
    return lambda s: len(s.exec(select(model)).all())


def _button(window: MainWindow, name: str) -> QPushButton:
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _setup(window: MainWindow) -> int:
    now, today = clock.now(), clock.today()

    def add(session: Session) -> int:
        sofia = create_contact(
            session,
            ContactDraft(
                "Sofía Hernández",
                emails=[Labelled("sofia@helix.example")],
                birthday=PartialDate(today.month, today.day),
            ),
            now,
        ).id
        assert sofia is not None
        log_entry(session, EntryDraft([sofia], now - timedelta(days=2), "Coffee chat"), now)
        add_promise(session, sofia, "Send the benchmark", "me", today, today)
        return sofia

    return seed(window, add)


def _actions(window: MainWindow, qtbot: QtBot, mp: pytest.MonkeyPatch, sofia: int) -> list:  # type: ignore[type-arg]
    page = window.contact_page

    def log() -> None:
        def fill(d: LogDialog) -> None:
            d.summary.setText("Lunch about the renewal")

        _fill(mp, LogDialog, fill)
        page.log_button.click()

    def done_today() -> None:
        window.go(0)
        wait_for_agenda(qtbot, window)
        window.today_page.rows()[0].done_button.click()

    def promise() -> None:
        _fill(mp, PromiseDialog, lambda d: d.text.setText("Intro to our CFO"))
        page.promise_button.click()

    def kept() -> None:
        mp.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
        keep = [b for b in page.findChildren(QPushButton) if b.objectName().startswith("keep")]
        keep[0].click()

    def stage() -> None:
        def fill(d: StageDialog) -> None:
            d.layer.setCurrentText("customer")
            d.stage.setCurrentText("storming")

        _fill(mp, StageDialog, fill)
        page.stage_button.click()

    def answer() -> None:
        _fill(mp, FactDialog, lambda d: d.text.setPlainText("Board seat by 2028"))
        _button(window, "edit_career_goals").click()

    def reminder() -> None:
        _fill(mp, ReminderDialog, lambda d: d.title.setText("Ask about the audit"))
        trigger(window, "newReminder")

    def edit() -> None:
        _fill(mp, ContactDialog, lambda d: d.title.setText("CFO"))
        trigger(window, "editContact")

    def delete_entry() -> None:
        page.tabs.setCurrentIndex(3)
        model = page.timeline_model
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(EntryIdRole))
        page.timeline.setCurrentIndex(model.index(row, 0))
        page.delete_entry_button.click()

    def importing() -> None:
        _fill(mp, ImportPreviewDialog, lambda d: None)
        import_file(window, qtbot, mp, DATA / "android-2.1.vcf")

    def read(query: Callable[[Session], object]) -> Callable[[], object]:
        return lambda: peek(window, query)

    return [
        ("log", log, read(_count(Entry))),
        ("done", done_today, read(_count(MomentState))),
        ("promise", promise, read(_count(Promise))),
        (
            "kept",
            kept,
            read(lambda s: sorted(p.status for p in s.exec(select(Promise)).all())),
        ),
        ("stage", stage, read(lambda s: get_contact(s, sofia).stage)),
        ("answer", answer, read(_count(ProfileFact))),
        ("reminder", reminder, read(_count(Reminder))),
        ("edit", edit, read(lambda s: get_contact(s, sofia).title)),
        ("delete entry", delete_entry, read(_count(Entry))),
        ("import", importing, read(live_contact_count)),
    ]


def test_each_write_is_undone_and_redone_then_kept_after_a_restart(
    open_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    sofia = _setup(window)
    final: dict[str, object] = {}
    said: dict[str, str] = {}
    for name, act, observe in _actions(window, qtbot, monkeypatch, sofia):
        open_by_name(window, qtbot, "sofia")
        before = observe()
        steps = window.context.undo_stack.count()
        window.toast.text.setText("")
        act()
        said[name] = window.toast.text.text()
        after = observe()
        assert after != before, name
        assert window.context.undo_stack.count() == steps + 1, name  # one step per action
        trigger(window, "undo")
        assert observe() == before, name
        trigger(window, "redo")
        assert observe() == after, name
        final[name] = after
    # Each action says what it did, with Undo at hand.
    assert [name for name, text in said.items() if not text] == []
    window.close()

    again = open_window()
    assert again.context.undo_stack.count() == 0
    assert peek(again, live_contact_count) == final["import"]
    assert peek(again, lambda s: get_contact(s, sofia).title) == "CFO"
