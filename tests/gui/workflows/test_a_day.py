"""The whole day as one test, on a fresh journal, through the real window."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from relationship_journal.domain.moments import MomentKind
from relationship_journal.store import clock
from relationship_journal.ui.brief.dialog import BriefDialog
from relationship_journal.ui.contact.fact_dialogs import FactDialog
from relationship_journal.ui.ledger.log_dialog import LogDialog
from relationship_journal.ui.transfer.preview_dialog import ImportPreviewDialog
from tests.gui.conftest import WindowFactory, import_file, open_by_name, wait_for_agenda

pytestmark = pytest.mark.slow


def _phone_export(folder: Path) -> Path:
    """A vCard as a phone writes it, with a birthday in two days."""
    soon = clock.today() + timedelta(days=2)
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Hernández;Sofía;;;\r\nFN:Sofía Hernández\r\n"
        "ORG:Helix Pharma;Procurement\r\nTITLE:Head of Procurement\r\n"
        "item1.EMAIL;type=INTERNET:sofia.hernandez@helixpharma.example\r\n"
        "item1.X-ABLabel:_$!<Work>!$_\r\n"
        f"BDAY;X-APPLE-OMIT-YEAR=1604:1604-{soon:%m-%d}\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Becker;Tom;;;\r\nFN:Tom Becker\r\n"
        "ORG:Northwind Logistics\r\nEND:VCARD\r\n"
    )
    path = folder / "contacts.vcf"
    path.write_text(card, encoding="utf-8")
    return path


def _accepting(monkeypatch: pytest.MonkeyPatch, cls: type, fill=None) -> None:  # type: ignore[no-untyped-def]
    def run(dialog) -> int:  # type: ignore[no-untyped-def]
        if fill is not None:
            fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", run)


def test_a_day_with_the_journal(
    open_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = open_window()

    # Morning: bring the contacts in from the phone.
    _accepting(monkeypatch, ImportPreviewDialog)
    imported = import_file(window, qtbot, monkeypatch, _phone_export(tmp_path))
    assert imported.created == 2

    # Open Today and act on the birthday: send wishes, logged as a deposit.
    window.go(0)
    wait_for_agenda(qtbot, window)
    birthday = next(r for r in window.today_page.rows() if r.moment.kind is MomentKind.BIRTHDAY)
    assert birthday.moment.contact_name == "Sofía Hernández"
    _accepting(monkeypatch, LogDialog)
    birthday.log_button.click()  # wishes logged: the birthday is dealt with
    wait_for_agenda(qtbot, window)
    assert all(r.moment.kind is not MomentKind.BIRTHDAY for r in window.today_page.rows())

    # Open the contact and add what keeps her up at night.
    sofia_id = birthday.moment.contact_id
    assert sofia_id is not None
    open_by_name(window, qtbot, "sofia")
    _accepting(monkeypatch, FactDialog, lambda d: d.text.setPlainText("Invoice errors in billing"))
    window.contact_page.findChild(QPushButton, "edit_keeps_up_at_night").click()

    # After the meeting: log a deposit with a promise.
    def meeting(dialog: LogDialog) -> None:
        dialog.summary.setText("Fixed the invoice process with her team")
        dialog.deposit.setChecked(True)
        dialog.weight.setValue(3)
        dialog.promise_text.setText("Send the corrected invoices")

    _accepting(monkeypatch, LogDialog, meeting)
    window.contact_page.log_button.click()
    page = window.contact_page
    balance_before_restart = page.balance.text()
    assert "+" in balance_before_restart
    timeline = [page.timeline_model.item(i) for i in range(page.timeline_model.rowCount())]
    assert any("Send the corrected invoices" in item.summary for item in timeline)
    assert len(page.file.open_promises) == 1  # type: ignore[union-attr]

    # Before the next meeting: the brief, on screen and as a PDF.
    briefs: list[BriefDialog] = []
    monkeypatch.setattr(BriefDialog, "exec", lambda d: briefs.append(d) or 0)
    page.brief_button.click()
    pdf = tmp_path / "sofia.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    briefs[0].pdf_button.click()
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Invoice errors in billing" in text
        assert "Send the corrected invoices" in text

    # Evening: quit, start again, and find everything as it was.
    window.close()
    again = open_window()
    open_by_name(again, qtbot, "sofia")
    page = again.contact_page
    assert page.balance.text() == balance_before_restart
    worry = page.profile_sections["professional"].answers["keeps_up_at_night"].text()
    assert "Invoice errors in billing" in worry
    assert [p.text for p in page.file.open_promises] == ["Send the corrected invoices"]  # type: ignore[union-attr]
    assert all(r.moment.kind is not MomentKind.BIRTHDAY for r in again.today_page.rows())
    summaries = [e.summary for e in page.file.entries]  # type: ignore[union-attr]
    assert summaries == ["Fixed the invoice process with her team", "Birthday wishes"]
