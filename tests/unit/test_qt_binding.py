"""The Qt binding keeps Python's reference counts: a binding that drops a reference to None
or to a bool on each call makes a long session die at some later, unrelated moment."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton

CALLS = 2000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and bools are immortal from 3.12")
def test_calls_and_signals_keep_none_and_bools_alive() -> None:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    label, button, box = QLabel(), QPushButton("go"), QCheckBox("on")
    button.clicked.connect(lambda *_args: None)
    box.toggled.connect(lambda *_args: None)
    before = sys.getrefcount(None), sys.getrefcount(False), sys.getrefcount(True)
    for _ in range(CALLS):
        label.setText("text")
        button.click()
        box.toggle()
    after = sys.getrefcount(None), sys.getrefcount(False), sys.getrefcount(True)
    # Some drift is normal (caches, frames); a binding bug loses one per call.
    assert [b - a for a, b in zip(before, after, strict=True)] == [
        pytest.approx(0, abs=CALLS // 10)
    ] * 3
