"""Edit → Find duplicates: the pairs with why, merging side by side, undo, and pairs kept
apart for good."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot
from sqlmodel import Session, select

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.domain.dates import PartialDate
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.models import Contact
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.dates import birthday_text
from relationship_journal.ui.duplicates.dialog import DuplicatesDialog
from relationship_journal.ui.duplicates.merge_dialog import MergeDialog
from tests.gui.conftest import ShowWidget, peek, seed, undo

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _two_cards(session: Session) -> tuple[int, int]:
    one = create_contact(
        session,
        ContactDraft("Jürgen Müller", title="VP Operations", emails=[Labelled("jm@nw.example")]),
        NOW,
    )
    two = create_contact(
        session,
        ContactDraft(
            "J. Mueller", title="COO", nickname="Jogi", emails=[Labelled("JM@nw.example")]
        ),
        NOW,
    )
    assert one.id is not None and two.id is not None
    return one.id, two.id


def _titles(session: Session) -> list[tuple[str, str, str]]:
    rows = session.exec(select(Contact).where(Contact.deleted_at == None)).all()  # noqa: E711
    return sorted((c.display_name, c.title, c.nickname) for c in rows)


def _find_duplicates(context: JournalContext, show: ShowWidget) -> DuplicatesDialog:
    """Edit → Find duplicates: the dialog, on screen."""
    dialog = DuplicatesDialog(None, context)
    show(dialog)
    return dialog


def test_merge_from_find_duplicates_picks_a_field_and_undoes(
    context: JournalContext,
    show_widget: ShowWidget,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed(context, _two_cards)
    seen: list[str] = []

    def merge(dialog: MergeDialog) -> int:
        dialog.show()  # as exec would
        theirs = dialog.findChild(QRadioButton, "merge_title_other")
        seen.append(theirs.text())
        # A radio button takes clicks on its circle and text only.
        qtbot.mouseClick(theirs, Qt.MouseButton.LeftButton, pos=QPoint(6, theirs.height() // 2))
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(MergeDialog, "exec", merge)
    dialog = _find_duplicates(context, show_widget)
    seen.append(dialog.list.item(0).text())
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    seen.append(str(dialog.empty.isVisibleTo(dialog)))
    assert seen == [
        "Jürgen Müller  ·  J. Mueller\nsame e-mail jm@nw.example",
        "COO",
        "True",
    ]
    assert peek(context, _titles) == [("Jürgen Müller", "COO", "Jogi")]
    undo(context)
    assert peek(context, _titles) == [
        ("J. Mueller", "COO", "Jogi"),
        ("Jürgen Müller", "VP Operations", ""),
    ]


def test_not_the_same_person_is_not_offered_again(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    seed(context, _two_cards)
    counts: list[int] = []
    for _time in range(2):
        dialog = _find_duplicates(context, show_widget)
        counts.append(dialog.list.count())
        if dialog.list.count():
            qtbot.mouseClick(dialog.distinct_button, Qt.MouseButton.LeftButton)
        counts.append(dialog.list.count())
        dialog.close()
    assert counts == [1, 0, 0, 0]


def test_the_merge_dialog_writes_birthdays_as_the_window_does(
    context: JournalContext,
    show_widget: ShowWidget,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def add(session: Session) -> None:
        for birthday in (PartialDate(11, 28, 1974), PartialDate(11, 28)):
            draft = ContactDraft("Jürgen Müller", emails=[Labelled("jm@nw.example")])
            create_contact(session, replace(draft, birthday=birthday), NOW)

    seed(context, add)
    seen: list[str] = []

    def merge(dialog: MergeDialog) -> int:
        for side in ("keep", "other"):
            seen.append(dialog.findChild(QRadioButton, f"merge_birthday_{side}").text())
        return 0

    monkeypatch.setattr(MergeDialog, "exec", merge)
    qtbot.mouseClick(_find_duplicates(context, show_widget).merge_button, Qt.MouseButton.LeftButton)
    assert sorted(seen) == sorted(
        [birthday_text(PartialDate(11, 28, 1974)), birthday_text(PartialDate(11, 28))]
    )
