"""Faces on the contact page: choose a photo, drop one, a file that is no photo refused,
remove, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import Session, select

from relationship_journal.domain.faces import colour_for
from relationship_journal.store.models import Contact
from relationship_journal.ui.main_window import MainWindow
from tests.gui.conftest import open_by_name, peek, trigger, wait_for_agenda


def _photo_of(window: MainWindow) -> bytes | None:
    contact_id = window.contact_page.contact_id

    def read(session: Session) -> bytes | None:
        contact = session.get(Contact, contact_id)
        return contact.photo if contact else None

    return peek(window, read)


def _drop(window: MainWindow, path: Path) -> None:
    """Drag a file over the face and let go, as the desktop delivers it."""
    face = window.contact_page.header.face
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
    open_window, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = open_window(demo=True)
    open_by_name(window, qtbot, "jurgen")
    face = window.contact_page.header.face
    assert face.accessibleName() == "Initials of Jürgen Müller"
    assert not face.remove_action.isEnabled()
    wide = tmp_path / "holiday.png"
    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    image.save(str(wide))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(wide), ""))
    face.choose_action.trigger()
    stored = _photo_of(window)
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
    _drop(window, fake)
    assert warnings and "not a photo" in warnings[0]
    assert _photo_of(window) == stored

    face.remove_action.trigger()
    assert _photo_of(window) is None
    trigger(window, "undo")
    assert _photo_of(window) == stored
    trigger(window, "undo")
    assert _photo_of(window) is None

    _drop(window, wide)
    assert _photo_of(window) is not None
    _list_shows_the_photo(window, qtbot)
    trigger(window, "go_today")
    wait_for_agenda(qtbot, window)
    rows = [r for r in window.today_page.rows() if r.moment.contact_id is not None]
    assert rows and all(not r.face.pixmap().isNull() for r in rows)


def _centre_colour(window: MainWindow, name: str) -> QColor:
    model = window.contacts_page.model
    row = next(r for r in range(model.rowCount()) if model.contact_id(r) == _id(window, name))
    pixmap = model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
    image = pixmap.toImage()
    return image.pixelColor(image.width() // 5, image.height() // 2)


def _id(window: MainWindow, name: str) -> int:
    def read(session: Session) -> int:
        found = session.exec(select(Contact.id).where(Contact.display_name == name)).first()
        assert found is not None
        return found

    return peek(window, read)


def _list_shows_the_photo(window: MainWindow, qtbot: QtBot) -> None:
    trigger(window, "go_contacts")
    window.contacts_page.search.clear()  # the name typed to find Jürgen
    qtbot.waitUntil(lambda: window.contacts_page.model.rowCount() == 25, timeout=5000)
    photo = _centre_colour(window, "Jürgen Müller")  # the photo's blue, give or take JPEG
    assert abs(photo.red() - 0x33) + abs(photo.green() - 0x66) + abs(photo.blue() - 0xCC) < 12
    someone_else = _centre_colour(window, "Aiko Tanaka")
    assert someone_else.name() == colour_for("Aiko Tanaka")
