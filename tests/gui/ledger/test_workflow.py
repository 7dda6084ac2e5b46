"""Log a deposit and a withdrawal, watch balance and health move (through the window); keep
and break promises (from the contact page)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.promises import add_promise
from relationship_journal.store.vocabulary import CATEGORY, terms
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.ledger.log_dialog import LogDialog
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.promises.page import PromisesPage
from tests.gui.conftest import ShowWidget, contact_page, peek, seed, trigger, wire_capture


def _add_contact(where: MainWindow | JournalContext, name: str) -> int:
    now = clock.now()
    contact = seed(where, lambda s: create_contact(s, ContactDraft(name), now))
    assert contact.id is not None
    return contact.id


def _script_log_dialog(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[LogDialog], None]
) -> list[LogDialog]:
    seen: list[LogDialog] = []

    def fake_exec(dialog: LogDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(LogDialog, "exec", fake_exec)
    return seen


def _health_in_list(window: MainWindow, name: str) -> tuple[str, str]:
    window.contacts_page.refresh()
    model = window.contacts_page.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == name:
            return model.index(row, 5).data(), model.index(row, 6).data()
    raise AssertionError(f"{name} not listed")


def test_deposit_then_withdrawal_moves_balance_and_health(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact_id = _add_contact(window, "Jürgen Müller")

    def deposit(dialog: LogDialog) -> None:
        dialog.picker.search.setText("jurg")
        QTest.keyClick(dialog.picker.search, Qt.Key.Key_Return)
        assert dialog.picker.selected_ids() == [contact_id]
        dialog.summary.setText("Solved the depot routing problem")
        dialog.deposit.setChecked(True)
        dialog.weight.setValue(4)
        dialog.category.setCurrentText("Solved a problem")
        dialog.promise_text.setText("Send the routing model")

    _script_log_dialog(monkeypatch, deposit)
    trigger(window, "logInteraction")
    balance, health = _health_in_list(window, "Jürgen Müller")
    assert balance == "+4.0"
    assert "Growing" in health

    window.open_contact(contact_id)
    page = window.contact_page
    assert "+4.0" in page.balance.text()
    assert page.findChild(type(page.log_button), "keepPromise_1") is not None

    def withdrawal(dialog: LogDialog) -> None:
        assert dialog.picker.selected_ids() == [contact_id]  # preselected from the page
        dialog.summary.setText("Missed the steering committee")
        dialog.withdrawal.setChecked(True)
        dialog.weight.setValue(5)
        dialog.category.setCurrentText("Missed a meeting")

    _script_log_dialog(monkeypatch, withdrawal)
    page.log_button.click()
    assert "-1.0" in page.balance.text()
    balance, health = _health_in_list(window, "Jürgen Müller")
    assert balance == "-1.0"
    assert "Overdrawn" in health
    # A category the user typed is offered next time.
    extras = peek(window, lambda s: terms(s, CATEGORY, "withdrawal"))
    assert extras == ["Missed a meeting"]


def test_keeping_a_promise_offers_a_deposit_and_breaking_one_a_withdrawal(
    context: JournalContext, show_widget: ShowWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact_id = _add_contact(context, "Sofía Hernández")
    today = clock.today()
    kept_id = seed(
        context, lambda s: add_promise(s, contact_id, "Confirm invoices", "me", today, today)
    ).id
    broken_id = seed(
        context, lambda s: add_promise(s, contact_id, "Send benchmark", "me", today, today)
    ).id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    offered: list[tuple[str, str]] = []

    def accept_offer(dialog: LogDialog) -> None:
        offered.append((dialog.chosen_polarity().value, dialog.summary.text()))

    _script_log_dialog(monkeypatch, accept_offer)
    page = contact_page(context, show_widget, contact_id)
    wire_capture(page, context)
    page.findChild(type(page.log_button), f"keepPromise_{kept_id}").click()
    page.findChild(type(page.log_button), f"breakPromise_{broken_id}").click()
    assert offered == [
        ("deposit", "Kept promise: Confirm invoices"),
        ("withdrawal", "Broke promise: Send benchmark"),
    ]
    promises = PromisesPage(context)
    show_widget(promises)
    promises.view.setCurrentText("Kept")
    assert promises.model.rowCount() == 1
    promises.view.setCurrentText("Broken")
    assert promises.model.rowCount() == 1
    promises.view.setCurrentText("Open")
    assert promises.model.rowCount() == 0
