"""The dark theme: coloured words and radio buttons stand out from the dark window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from relationship_journal.drawing import DEPOSIT as PRINTED_DEPOSIT
from relationship_journal.ui import theme


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(QColor(one)), _luminance(QColor(other))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("colour", [theme.DEPOSIT, theme.WITHDRAWAL])
def test_deposit_and_withdrawal_words_read_on_the_dark_window(
    colour: theme.ThemedColour, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(theme.THEME_VARIABLE, "dark")
    window = next(c for r, c in theme._DARK.items() if r.name == "Window")
    assert _contrast(f"{colour}", window) >= 4.5
    monkeypatch.setenv(theme.THEME_VARIABLE, "light")
    assert f"{theme.DEPOSIT}" == PRINTED_DEPOSIT  # print and the light theme unchanged


def test_radio_buttons_have_a_visible_ring_in_the_dark() -> None:
    assert f"border: 1px solid {theme.RADIO_RING_DARK}" in theme.DARK_SHEET
    window = next(c for r, c in theme._DARK.items() if r.name == "Window")
    assert _contrast(theme.RADIO_RING_DARK, window) >= 3  # the contrast asked of controls
