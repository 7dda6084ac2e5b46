"""The brief from the contact page, on screen and as a PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage

from relationship_journal.ui.brief.dialog import BriefDialog, open_brief
from tests.gui.conftest import ContextFactory, ShowWidget, contact_page, id_of


def test_brief_opens_from_the_contact_page_and_exports(
    open_context: ContextFactory,
    show_widget: ShowWidget,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    context = open_context(demo=True)
    page = contact_page(context, show_widget, id_of(context, "Sofía"))
    # The page asks for its contact's brief; the window opens it so.
    page.brief_requested.connect(lambda contact_id: open_brief(page, context, [contact_id]))
    shown: list[BriefDialog] = []
    monkeypatch.setattr(BriefDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    page.brief_button.click()
    (dialog,) = shown
    text = dialog.view.toPlainText()
    assert "Sofía Hernández" in text
    assert "The relationship is storming" in text
    face = dialog.view.document().resource(
        dialog.view.document().ResourceType.ImageResource, QUrl(dialog.briefs[0].face_name)
    )
    assert isinstance(face, QImage) and not face.isNull()  # her initials, beside her name
    target = dialog.export_pdf(tmp_path / "sofia.pdf")
    assert target is not None and target.read_bytes().startswith(b"%PDF")
