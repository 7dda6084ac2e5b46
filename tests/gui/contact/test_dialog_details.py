"""Editing a contact keeps what the dialog does not show (addresses, anniversaries) and
lets the user change the details contact files carry."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import Address, ContactDraft, DatedMoment, Labelled
from relationship_journal.domain.dates import PartialDate
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact, draft_of, get_contact
from relationship_journal.ui.contact.dialog import ContactDialog
from relationship_journal.ui.contact_editing import ContactEditing
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.main_window import MainWindow
from tests.gui.conftest import ShowWidget, contact_page, peek, seed, trigger


def test_editing_keeps_addresses_anniversaries_and_whole_numbers(
    context: JournalContext, show_widget: ShowWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = ContactDraft(
        "John Doe",
        phones=[Labelled("+44 20 7946 0958,,123#", "work"), Labelled("+1-800-MYFAX", "fax")],
        name_prefix="Mr.",
        org_unit="Accounting",
        addresses=[Address("work", "590 Madison Ave", "New York")],
        anniversaries=[DatedMoment("wedding", PartialDate(6, 16, 2001))],
    )
    seen: dict[str, str] = {}

    def change_role(dialog: ContactDialog) -> None:
        seen["prefix"] = dialog.details["name_prefix"].text()
        seen["unit"] = dialog.details["org_unit"].text()
        dialog.details["role"].setText("Budget holder")
        dialog.details["middle_name"].setText("Quincy")

    saved = _edited(context, show_widget, monkeypatch, draft, change_role)
    assert seen == {"prefix": "Mr.", "unit": "Accounting"}
    assert (saved.role, saved.middle_name, saved.name_prefix) == ("Budget holder", "Quincy", "Mr.")
    assert [(p.value, p.label) for p in saved.phones] == [
        ("+44 20 7946 0958,,123#", "work"),
        ("+1-800-MYFAX", "fax"),
    ]
    assert [(a.label, a.locality) for a in saved.addresses] == [("work", "New York")]
    assert [(m.label, m.day) for m in saved.anniversaries] == [
        ("wedding", PartialDate(6, 16, 2001))
    ]


def test_a_renamed_contact_is_not_kept_under_its_old_given_and_family_names(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = ContactDraft("Daniel Kowalski", given_name="Daniel", family_name="Kowalski")

    def rename(dialog: ContactDialog) -> None:
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Dariusz Kowalczyk")

    saved = _edited(context, show_widget, monkeypatch, draft, rename)
    assert (saved.display_name, saved.given_name, saved.family_name) == (
        "Dariusz Kowalczyk",
        "Dariusz",
        "Kowalczyk",
    )


def _edited(
    context: JournalContext,
    show_widget: ShowWidget,
    monkeypatch: pytest.MonkeyPatch,
    draft: ContactDraft,
    fill: Callable[[ContactDialog], None],
) -> ContactDraft:
    """``draft`` stored, its page's Edit clicked, the form filled by ``fill`` and saved:
    what the journal then holds."""
    contact = seed(context, lambda s: create_contact(s, draft, clock.now()))
    contact_id = contact.id
    assert contact_id is not None

    def save(dialog: ContactDialog) -> int:
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", save)
    page = contact_page(context, show_widget, contact_id)
    # The page asks for its contact to be edited; the window hands that to ContactEditing.
    page.edit_requested.connect(ContactEditing(page, context, lambda _id: None).edit_contact)
    page.edit_button.click()
    return peek(context, lambda s: draft_of(s, get_contact(s, contact_id)))


def test_a_new_contact_is_typed_straight_after_ctrl_n(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form opens with the keyboard in Name: what is typed at once is the name."""

    def type_and_save(dialog: ContactDialog) -> int:
        # Where the keyboard is once the dialog is active (offscreen never activates it).
        focused = dialog.focusWidget()
        assert focused is not None
        qtbot.keyClicks(focused, "Anna Lind")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", type_and_save)
    trigger(window, "newContact")
    assert peek(window, lambda s: get_contact(s, 1).display_name) == "Anna Lind"
