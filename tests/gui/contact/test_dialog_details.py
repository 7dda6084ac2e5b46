"""Editing a contact keeps what the dialog does not show (addresses, anniversaries) and
lets the user change the details contact files carry."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import Address, ContactDraft, DatedMoment, Labelled
from relationship_journal.domain.dates import PartialDate
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact, draft_of, get_contact
from relationship_journal.ui.contact.dialog import ContactDialog
from relationship_journal.ui.contact_editing import ContactEditing
from relationship_journal.ui.context import JournalContext
from tests.gui.conftest import ShowWidget, contact_page, peek, seed


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
    contact = seed(context, lambda s: create_contact(s, draft, clock.now()))
    assert contact.id is not None
    seen: dict[str, str] = {}

    def change_role(dialog: ContactDialog) -> int:
        seen["prefix"] = dialog.details["name_prefix"].text()
        seen["unit"] = dialog.details["org_unit"].text()
        dialog.details["role"].setText("Budget holder")
        dialog.details["middle_name"].setText("Quincy")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", change_role)
    page = contact_page(context, show_widget, contact.id)
    # The page asks for its contact to be edited; the window hands that to ContactEditing.
    page.edit_requested.connect(ContactEditing(page, context, lambda _id: None).edit_contact)
    page.edit_button.click()
    saved = peek(context, lambda s: draft_of(s, get_contact(s, contact.id)))  # type: ignore[arg-type]
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
    contact = seed(context, lambda s: create_contact(s, draft, clock.now()))
    assert contact.id is not None

    def rename(dialog: ContactDialog) -> int:
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Dariusz Kowalczyk")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", rename)
    page = contact_page(context, show_widget, contact.id)
    page.edit_requested.connect(ContactEditing(page, context, lambda _id: None).edit_contact)
    page.edit_button.click()
    saved = peek(context, lambda s: draft_of(s, get_contact(s, contact.id)))  # type: ignore[arg-type]
    assert (saved.display_name, saved.given_name, saved.family_name) == (
        "Dariusz Kowalczyk",
        "Dariusz",
        "Kowalczyk",
    )
