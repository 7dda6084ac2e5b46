"""The import preview in the real window: matches, problems, decisions, then the import."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact, live_contact_count
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.transfer.mapping_dialog import ColumnMappingDialog
from relationship_journal.ui.transfer.preview_dialog import ImportPreviewDialog
from tests.gui.conftest import import_file, peek, seed

DATA = Path(__file__).resolve().parents[2] / "data" / "import"


def test_preview_lists_matches_and_problems_and_imports_the_chosen(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    now = clock.now()
    seed(
        window,
        lambda s: create_contact(
            s, ContactDraft("Jane Roe", emails=[Labelled("jane.roe@example.com")]), now
        ),
    )
    mixed = tmp_path / "mixed.vcf"
    mixed.write_bytes(
        (DATA / "with-problems.vcf").read_bytes() + (DATA / "iphone-3.0.vcf").read_bytes()
    )
    seen: dict[str, object] = {}

    def fake_exec(dialog: ImportPreviewDialog) -> int:
        seen["summary"] = dialog.summary.text()
        seen["problems"] = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        seen["rows"] = dialog.table.rowCount()
        # Skip Margaret (the last card): the user decides per record.
        last = dialog.action_boxes[-1]
        last.setCurrentIndex(last.findText("Skip"))
        seen["button"] = dialog.import_button.text()
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ImportPreviewDialog, "exec", fake_exec)
    result = import_file(window, qtbot, monkeypatch, mixed)

    assert seen["rows"] == 6
    assert "<b>6 contacts</b> in this vCard file: 1 looks like someone" in str(seen["summary"])
    assert seen["problems"] == [
        "card 1, Jane Roe: birthday '1985-13-45' is not a date: left out",
        "card 2, John Poe: email 'john.poe(at)example.com' is not an email: left out",
        "card 3: has no name, organisation, email or phone",
    ]
    assert seen["button"] == "Import 4"  # Jane merged, John, Valid and Sofia new
    assert (result.created, result.merged, result.skipped) == (3, 1, 2)  # type: ignore[attr-defined]
    assert peek(window, live_contact_count) == 4
    assert window.current_page_key() == "contacts"
    assert "3 new" in window.statusBar().currentMessage()


def test_unknown_csv_asks_for_a_column_mapping(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text("Who,Where,Mail\nAnna Lind,Kestrel,anna@example.com\n", encoding="utf-8")

    def map_columns(dialog: ColumnMappingDialog) -> int:
        dialog._boxes["name"].setCurrentText("Who")
        dialog._boxes["organisation"].setCurrentText("Where")
        dialog.email.setCurrentText("Mail")
        dialog.accept()
        return int(dialog.result())

    def accept_preview(dialog: ImportPreviewDialog) -> int:
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ColumnMappingDialog, "exec", map_columns)
    monkeypatch.setattr(ImportPreviewDialog, "exec", accept_preview)
    assert import_file(window, qtbot, monkeypatch, odd) is not None
    window.contacts_page.refresh()
    model = window.contacts_page.model
    assert [model.index(0, c).data() for c in (0, 1)] == ["Anna Lind", "Kestrel"]
