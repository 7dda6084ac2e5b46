"""A contact's profile through the real window (create, answer, restart, history); the
contact dialog's dates; how far ahead to be told, from the contact page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from relationship_journal.domain.dates import PartialDate
from relationship_journal.ui.contact.dialog import ContactDialog
from relationship_journal.ui.contact.fact_dialogs import FactDialog, FactHistoryDialog
from relationship_journal.ui.context import JournalContext
from tests.gui.conftest import (
    ShowWidget,
    WindowFactory,
    contact_page,
    open_by_name,
    peek,
    seed,
    trigger,
)


def _fill_contact_dialog(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, yearless_birthday: str = "", **fields: str
) -> None:
    def fake_exec(dialog: ContactDialog) -> int:
        for name, value in fields.items():
            dialog.findChild(type(dialog.name), name).setText(value)
        if yearless_birthday:
            qtbot.keyClicks(dialog.birthday.edit, yearless_birthday)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", fake_exec)


def _click(page: QWidget, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None, name
    button.click()


def _answer(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def fake_exec(dialog: FactDialog) -> int:
        dialog.text.setPlainText(text)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(FactDialog, "exec", fake_exec)


def test_profile_answers_survive_restart_with_history(
    open_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    _fill_contact_dialog(
        monkeypatch,
        qtbot,
        yearless_birthday="29/2",
        name="Jürgen Müller",
        organisation="Northwind Logistics",
        title="VP Operations",
        email="j.mueller@northwind.example",
    )
    trigger(window, "newContact")
    page = window.contact_page
    assert window.current_page_key() == "contact"
    assert page.name.text() == "Jürgen Müller"
    assert page.role.text() == "VP Operations @ Northwind Logistics"
    assert "29 Feb" in page.about.text()  # the year-less birthday, as the locale writes it
    assert "Open question" in page.profile_sections["professional"].answers["next_job"].text()

    _answer(monkeypatch, "Sailing on the Wannsee")
    _click(page, "edit_hobbies")
    _answer(monkeypatch, "Peak-season staffing")
    _click(page, "edit_keeps_up_at_night")
    _answer(monkeypatch, "Depot automation delays")
    _click(page, "edit_keeps_up_at_night")
    worry = page.profile_sections["professional"].answers["keeps_up_at_night"]
    assert "Depot automation delays" in worry.text()
    window.close()

    window = open_window()
    open_by_name(window, qtbot, "jurgen")
    page = window.contact_page
    assert "Depot automation delays" in (
        page.profile_sections["professional"].answers["keeps_up_at_night"].text()
    )
    assert "Sailing" in page.profile_sections["personal"].answers["hobbies"].text()
    seen: list[list[str]] = []

    def fake_history_exec(dialog: FactHistoryDialog) -> int:
        seen.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        return 0

    monkeypatch.setattr(FactHistoryDialog, "exec", fake_history_exec)
    _click(page, "history_keeps_up_at_night")
    assert len(seen[0]) == 2
    assert "Depot automation delays" in seen[0][0]
    assert "Peak-season staffing" in seen[0][1]


def test_a_birthday_is_typed_in_the_local_form(app: object, qtbot: QtBot) -> None:
    dialog = ContactDialog(None, None, [], [])
    qtbot.addWidget(dialog)
    dialog.name.setText("Jane Roe")
    qtbot.keyClicks(dialog.birthday.edit, "31/12/1980")
    assert dialog.draft().birthday == PartialDate(12, 31, 1980)
    assert dialog.draft().met_on is None  # left empty: "not set"


def test_a_date_out_of_range_is_shown_beside_the_field(app: object, qtbot: QtBot) -> None:
    dialog = ContactDialog(None, None, [], [])
    qtbot.addWidget(dialog)
    dialog.resize(560, 400)
    dialog.show()
    dialog.name.setText("Jane Roe")
    qtbot.keyClicks(dialog.met_on.edit, "3 April 1850")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    message = dialog._errors["met_on"]
    assert message.isVisibleTo(dialog)
    assert "1850" in message.text()
    qtbot.waitUntil(lambda: not message.visibleRegion().isEmpty())  # scrolled into view
    # The form scrolls; Save and Cancel stay below it, never under a field.
    buttons = dialog.findChild(QDialogButtonBox)
    scroll = dialog.findChild(QScrollArea, "contactFormScroll")
    assert scroll.geometry().bottom() < buttons.geometry().top()


def test_tell_me_ahead_per_contact(
    context: JournalContext, show_widget: ShowWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relationship_journal.domain.contact import ContactDraft
    from relationship_journal.domain.moments import MomentKind
    from relationship_journal.store import clock
    from relationship_journal.store.agenda import notice_rules
    from relationship_journal.store.contacts import create_contact
    from relationship_journal.ui.contact.notice_dialog import NoticeDialog

    contact = seed(context, lambda s: create_contact(s, ContactDraft("Anna"), clock.now()))
    assert contact.id is not None
    page = contact_page(context, show_widget, contact.id)

    def week_ahead(dialog: NoticeDialog) -> int:
        dialog.boxes[MomentKind.BIRTHDAY].setValue(7)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NoticeDialog, "exec", week_ahead)
    page.notice_button.click()
    rules = peek(context, notice_rules)
    assert rules == {("birthday", contact.id): 7}
