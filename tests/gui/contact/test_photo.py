"""Faces on the contact page: choose a photo, drop one, a file that is no photo refused,
remove, undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from relationship_journal.domain.faces import colour_for
from relationship_journal.store.models import Contact
from relationship_journal.ui.contact.page import ContactPage
from relationship_journal.ui.contacts.page import ContactsPage
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.today.page import TodayPage
from tests.gui.conftest import ContextFactory, ShowWidget, contact_page, id_of, peek, undo


def _photo_of(context: JournalContext, contact_id: int) -> bytes | None:
    def read(session: Session) -> bytes | None:
        contact = session.get(Contact, contact_id)
        return contact.photo if contact else None

    return peek(context, read)


def _drop(page: ContactPage, path: Path) -> None:
    """Drag a file over the face and let go, as the desktop delivers it."""
    face = page.header.face
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(face, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(face, event)


def test_choose_drop_refuse_remove_and_undo_a_photo(
    open_context: ContextFactory,
    show_widget: ShowWidget,
    open_today: Callable[[JournalContext], TodayPage],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    context = open_context(demo=True)
    jurgen = id_of(context, "jurgen")
    page = contact_page(context, show_widget, jurgen)
    face = page.header.face
    assert face.accessibleName() == "Initials of Jürgen Müller"
    assert not face.remove_action.isEnabled()
    wide = tmp_path / "holiday.png"
    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    image.save(str(wide))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(wide), ""))
    face.choose_action.trigger()
    stored = _photo_of(context, jurgen)
    assert stored is not None and stored[:3] == b"\xff\xd8\xff"  # JPEG
    small = QImage.fromData(stored)
    assert (small.width(), small.height()) == (256, 256)
    assert len(stored) < 20_000
    assert face.accessibleName() == "Photo of Jürgen Müller"
    assert face.remove_action.isEnabled()

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    fake = tmp_path / "notes.png"
    fake.write_text("not a picture")
    _drop(page, fake)
    assert warnings and "not a photo" in warnings[0]
    assert _photo_of(context, jurgen) == stored

    face.remove_action.trigger()
    assert _photo_of(context, jurgen) is None
    undo(context)
    assert _photo_of(context, jurgen) == stored
    undo(context)
    assert _photo_of(context, jurgen) is None

    _drop(page, wide)
    assert _photo_of(context, jurgen) is not None
    _list_shows_the_photo(context, show_widget, qtbot)
    today = open_today(context)
    rows = [r for r in today.rows() if r.moment.contact_id is not None]
    assert rows and all(not r.face.pixmap().isNull() for r in rows)


def _centre_colour(context: JournalContext, list_page: ContactsPage, name: str) -> QColor:
    model = list_page.model
    contact_id = id_of(context, name)
    row = next(r for r in range(model.rowCount()) if model.contact_id(r) == contact_id)
    pixmap = model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
    image = pixmap.toImage()
    return image.pixelColor(image.width() // 5, image.height() // 2)


def _list_shows_the_photo(context: JournalContext, show: ShowWidget, qtbot: QtBot) -> None:
    list_page = ContactsPage(context)
    show(list_page)
    qtbot.waitUntil(lambda: list_page.model.rowCount() == 25, timeout=5000)
    # The photo's blue, give or take JPEG.
    photo = _centre_colour(context, list_page, "Jürgen Müller")
    assert abs(photo.red() - 0x33) + abs(photo.green() - 0x66) + abs(photo.blue() - 0xCC) < 12
    someone_else = _centre_colour(context, list_page, "Aiko Tanaka")
    assert someone_else.name() == colour_for("Aiko Tanaka")
