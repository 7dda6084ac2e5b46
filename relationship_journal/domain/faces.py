"""A face for everyone without a photo: initials on a colour that the name always gives."""

from __future__ import annotations

import colorsys
import zlib

from relationship_journal.domain.text import fold


def initials(name: str) -> str:
    """Up to two letters: of the first and the last word ("Jürgen Müller" → "JM")."""
    words = [w for w in name.replace("-", " ").split() if any(ch.isalnum() for ch in w)]
    if not words:
        return "?"
    letters = [next(ch for ch in word if ch.isalnum()) for word in (words[0], words[-1])]
    return (letters[0] + (letters[1] if len(words) > 1 else "")).upper()


def colour_for(name: str) -> str:
    """A calm colour as #rrggbb, the same for the same name on every run and machine (the
    hash is CRC-32 of the folded name, not Python's salted ``hash``); white text reads on it."""
    hue = zlib.crc32(fold(name).encode("utf-8")) % 360
    red, green, blue = colorsys.hls_to_rgb(hue / 360, 0.42, 0.45)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"
