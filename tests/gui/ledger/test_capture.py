"""Capture never loses or misfiles a word: Ctrl+L starts in "With", Escape only closes the
suggestions, closing with typed text asks first, and a save says what happened."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.operations import capture
from relationship_journal.operations.contacts import Candidates
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.journal_list import list_entries
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.ledger.log_dialog import LogDialog
from relationship_journal.ui.main_window import MainWindow
from tests.gui.conftest import ShowWidget, open_by_name, peek, seed, trigger


def _people(window: MainWindow) -> dict[str, int]:
    now = clock.now()
    names = ("Jürgen Müller", "Anna Lind")
    ids = seed(window, lambda s: [create_contact(s, ContactDraft(n), now).id for n in names])
    return dict(zip(names, ids, strict=True))  # type: ignore[arg-type]


def _drive(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, steps: Callable[[LogDialog], None]
) -> list[LogDialog]:
    seen: list[LogDialog] = []

    def run(dialog: LogDialog) -> int:
        seen.append(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        steps(dialog)
        if dialog.isVisible():
            dialog.done(0)
        return int(dialog.result())

    monkeypatch.setattr(LogDialog, "exec", run)
    return seen


def _answer_discard_box(monkeypatch: pytest.MonkeyPatch, button: str) -> list[str]:
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        box.findChild(QPushButton, button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return asked


def _entries(window: MainWindow) -> list[tuple[str, str]]:
    return [(e.contacts, e.summary) for e in peek(window, lambda s: list_entries(s, 0, 50))]


def test_ctrl_l_on_a_contact_page_starts_in_with_and_the_person_is_removable(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _people(window)
    open_by_name(window, qtbot, "anna")

    def steps(dialog: LogDialog) -> None:
        focus = QApplication.focusWidget
        assert focus() is dialog.picker.search
        assert dialog.picker.chip(ids["Anna Lind"]) is not None  # visible, with its cross
        qtbot.keyClicks(focus(), "jurg")
        qtbot.keyClick(focus(), Qt.Key.Key_Return)
        assert dialog.picker.selected_ids() == [ids["Anna Lind"], ids["Jürgen Müller"]]
        assert focus() is dialog.summary
        qtbot.mouseClick(dialog.picker.chip(ids["Anna Lind"]), Qt.MouseButton.LeftButton)
        assert dialog.picker.selected_ids() == [ids["Jürgen Müller"]]
        dialog.summary.setFocus()
        qtbot.keyClicks(dialog.summary, "Call about the depot")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)

    _drive(monkeypatch, qtbot, steps)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert _entries(window) == [("Jürgen Müller", "Call about the depot")]


def test_the_name_of_someone_chosen_already_moves_on_and_other_text_is_not_dropped(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Jürgen's page, Ctrl+L then "jurg", Enter (out of habit) goes on to the summary;
    a name left in With that is no one chosen stops the save and says so."""
    _people(window)
    open_by_name(window, qtbot, "jurgen")
    errors: list[str] = []

    def steps(dialog: LogDialog) -> None:
        focus = QApplication.focusWidget
        qtbot.keyClicks(focus(), "jurg")
        qtbot.keyClick(focus(), Qt.Key.Key_Return)
        assert focus() is dialog.summary and not dialog.picker.search.text()
        qtbot.keyClicks(focus(), "Coffee at the trade fair")
        qtbot.keyClicks(dialog.picker.search, "Bob")  # nobody by that name
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
        errors.append(dialog.error.text())
        assert dialog.isVisible() and focus() is dialog.picker.search
        dialog.picker.search.clear()
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)

    _drive(monkeypatch, qtbot, steps)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert errors == ["No one is chosen for “Bob” in With: pick them, or clear it."]
    assert _entries(window) == [("Jürgen Müller", "Coffee at the trade fair")]


def test_escape_closes_the_suggestions_and_then_asks_before_dropping_text(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _people(window)

    def steps(dialog: LogDialog) -> None:
        qtbot.keyClicks(dialog.summary, "Lunch at the harbour")
        dialog.picker.search.setFocus()
        qtbot.keyClicks(dialog.picker.search, "an")
        assert not dialog.picker.matches.isHidden()
        qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Escape)
        assert dialog.picker.matches.isHidden() and dialog.isVisible()
        asked = _answer_discard_box(monkeypatch, "keepEditingButton")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Escape)
        assert asked == ["Close without saving this interaction?"]
        assert dialog.isVisible() and dialog.summary.text() == "Lunch at the harbour"
        _answer_discard_box(monkeypatch, "discardButton")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Escape)
        assert not dialog.isVisible()

    seen = _drive(monkeypatch, qtbot, steps)
    trigger(window, "logInteraction")
    (dialog,) = seen
    assert dialog.result() == LogDialog.DialogCode.Rejected
    assert _entries(window) == []


def test_nothing_is_saved_without_a_person_and_a_few_words(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _people(window)
    errors: list[str] = []

    def steps(dialog: LogDialog) -> None:
        qtbot.keyClicks(dialog.picker.search, "jurgen")  # a name typed, never chosen
        dialog.summary.setFocus()
        qtbot.keyClicks(dialog.summary, "Called about the renewal")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
        errors.append(dialog.error.text())
        qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)  # now chosen
        dialog.summary.setText("jurgen")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
        errors.append(dialog.error.text())
        _answer_discard_box(monkeypatch, "discardButton")
        dialog.reject()

    _drive(monkeypatch, qtbot, steps)
    trigger(window, "logInteraction")
    assert errors == [
        "No one is chosen for “jurgen” in With: pick them, or clear it.",
        "Say in a few words what happened, for example “Lunch with the team”.",
    ]
    assert _entries(window) == []


def test_a_save_says_what_happened_with_undo_and_open(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _people(window)

    def steps(dialog: LogDialog) -> None:
        qtbot.keyClicks(dialog.picker.search, "jurg")
        qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.summary, "Solved the routing problem")
        dialog.weight.setValue(3)
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)

    _drive(monkeypatch, qtbot, steps)
    trigger(window, "logInteraction")
    assert window.toast.isVisibleTo(window)
    assert window.toast.text.text() == "Logged +3 with Jürgen Müller"
    qtbot.mouseClick(window.toast.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "contact"
    assert window.contact_page.contact_id == ids["Jürgen Müller"]

    trigger(window, "logInteraction")
    assert len(_entries(window)) == 2
    qtbot.mouseClick(window.toast.undo_button, Qt.MouseButton.LeftButton)
    assert len(_entries(window)) == 1
    assert not window.toast.isVisibleTo(window)


def test_keys_typed_before_the_dialog_appears_go_into_it(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = clock.now()
    seed(
        window,
        lambda s: [
            create_contact(s, ContactDraft(n), now) for n in ("Kwame Mensah", "Grace Whitfield")
        ],
    )

    def run(dialog: LogDialog) -> int:
        # Fast fingers: the name and Enter reach the main window before the dialog shows.
        qtbot.keyClicks(window.navigation, "gra")
        qtbot.keyClick(window.navigation, Qt.Key.Key_Return)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: dialog.picker.chosen_names() == ["Grace Whitfield"])
        assert QApplication.focusWidget() is dialog.summary
        qtbot.keyClicks(dialog.summary, "Coffee after the workshop")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
        return int(dialog.result())

    monkeypatch.setattr(LogDialog, "exec", run)
    trigger(window, "logInteraction")
    assert _entries(window) == [("Grace Whitfield", "Coffee after the workshop")]
    assert window.current_page_key() == "today"  # the keys did not move the navigation


def test_enter_in_an_empty_with_moves_on_to_the_summary(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    ws = context.ws
    dialog = LogDialog(None, Candidates(ws), [], capture.categories(ws), context.drafts)
    show_widget(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert (dialog.summary.hasFocus(), dialog.error.text()) == (True, "")


def test_down_and_up_choose_withdrawal_deposit_or_a_note(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the README says: Tab to the value, Down arrow for a withdrawal."""
    chosen: list[str] = []

    def steps(dialog: LogDialog) -> None:
        focus = QApplication.focusWidget
        dialog.summary.setFocus()
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
        assert focus() is dialog.deposit
        for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up):
            qtbot.keyClick(focus(), key)
            chosen.append(dialog.polarity.checkedButton().objectName())
        assert focus() is dialog.withdrawal

    _drive(monkeypatch, qtbot, steps)
    trigger(window, "logInteraction")
    assert chosen == ["withdrawal", "neutral", "neutral", "withdrawal"]
