"""Text folding so that people find what they type: "jurgen muller" finds "Jürgen Müller"."""

from __future__ import annotations

import re
import unicodedata

# Letters that do not decompose into a base letter plus a combining mark.
_SPECIAL_FOLDS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "ı": "i",
    }
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced form of ``text`` for matching and sorting."""
    lowered = text.casefold().translate(_SPECIAL_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()


def clean_line(text: str) -> str:
    """One line of user text: control characters removed, whitespace collapsed."""
    if text.isprintable():  # the usual case, checked in C: only plain spaces to tidy
        if "  " in text or text.startswith(" ") or text.endswith(" "):
            return _SPACES.sub(" ", text).strip()
        return text
    no_controls = "".join(ch if ch.isprintable() else " " for ch in text)
    return _SPACES.sub(" ", no_controls).strip()


def clean_block(text: str) -> str:
    """Multi-line user text: keeps newlines and tabs, drops other control characters."""
    if text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable():
        return text.strip()  # the usual case, checked in C
    kept = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    return kept.replace("\r\n", "\n").strip()
