"""Marking what matched in a text the user sees, found in its folded form.

Search compares folded text ("muller" in "Jürgen Müller"); the marks go around the original
letters, so the user sees "Jürgen **Mül**ler" for "mul". ``fold`` may turn one letter into
two ("ß" → "ss") or none (a combining accent), hence the map of positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from relationship_journal.domain.text import fold

MARK_START = "\x02"
MARK_END = "\x03"


def folded_positions(text: str) -> tuple[str, list[int]]:
    """``text`` folded letter by letter, and for each folded letter the original's index."""
    letters: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        piece = " " if char.isspace() else fold(char)
        letters.append(piece)
        positions.extend([index] * len(piece))
    return "".join(letters), positions


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def mark(text: str, needles: Iterable[str]) -> str:
    """``text`` with each word that holds a (folded) needle between the marks: "ller"
    marks the whole of "Müller", as the word it matched."""
    folded, positions = folded_positions(text)
    spans: list[tuple[int, int]] = []
    for needle in {fold(n) for n in needles if n.strip()}:
        start = folded.find(needle)
        while start >= 0:
            end = start + len(needle)
            spans.append(_word_around(text, positions[start], positions[end - 1] + 1))
            start = folded.find(needle, end)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    out, done = [], 0
    for start, end in merged:
        out += [text[done:start], MARK_START, text[start:end], MARK_END]
        done = end
    out.append(text[done:])
    return "".join(out)


def plain(marked: str) -> str:
    return marked.replace(MARK_START, "").replace(MARK_END, "")


def excerpt(text: str, words: Iterable[str], width: int = 70) -> str:
    """The stretch of ``text`` around the first word that starts with one of ``words``,
    marked, on one line; empty when none does."""
    folded, positions = folded_positions(text)
    starts = [
        match.start()
        for word in words
        if word
        for match in re.finditer(rf"(?<!\w){re.escape(fold(word))}", folded)
    ]
    if not starts:
        return ""
    at = positions[min(starts)]
    begin = max(0, at - width // 3)
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    piece = " ".join(text[begin : begin + width].split())
    cut = begin + width < len(text)
    return ("…" if begin else "") + mark(piece, words) + ("…" if cut else "")
