"""Which 8-bit character set a text was written in, when the file does not say.

Address books that predate UTF-8 write their own system's code page: Windows-1252 in
western Europe and the Americas, 1250 in central Europe, 1251 for Cyrillic, Shift_JIS
(cp932) in Japan, GBK, Big5 and EUC-KR in East Asia. The bytes alone do not say which:
most of them decode under every Latin code page. So each candidate decodes the words that
hold non-ASCII bytes, and the one whose words read most like words wins: letters of one
script per word, no symbols in the middle of a name, accents a minority in Latin words.
Ties go to the most common code page first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CANDIDATES = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp932",
    "gb18030",
    "big5",
    "euc_kr",
    "cp1253",
    "cp1254",
    "cp1257",
)
_NON_ASCII_WORD = re.compile(rb"[^\s,;:\"'()<>=]*[\x80-\xff][^\s,;:\"'()<>=]*")
_SAMPLE_WORDS = 4000
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "HANGUL"})


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "?"


def _implausibility(words: list[str]) -> int:
    bad = 0
    for word in words:
        scripts: set[str] = set()
        letters = accented = 0
        previous_lower = False
        for ch in word:
            if ch.isupper() and previous_lower:
                bad += 1  # "ŽR“c", "НхРЎГч": capitals inside a word
            previous_lower = ch.islower()
            if ch.isascii():
                if ch.isalpha():
                    letters += 1
                    scripts.add("LATIN")
                continue
            if not unicodedata.category(ch).startswith(("L", "M")):
                bad += 2  # a symbol or a quotation mark inside a name
                continue
            script = _script(ch)
            letters += 1
            if script == "LATIN":
                accented += 1
            scripts.add("EAST ASIAN" if script in _EAST_ASIAN else script)
        if len(scripts) > 1:
            bad += 2
        if letters > 2 and accented * 2 > letters:
            bad += 1
    return bad


def guess_charset(data: bytes) -> str | None:
    """The code page ``data`` most likely is in, or None when it holds no 8-bit text."""
    words = _NON_ASCII_WORD.findall(data, 0, min(len(data), 4_000_000))[:_SAMPLE_WORDS]
    if not words:
        return None
    best: tuple[int, int, str] | None = None
    for rank, charset in enumerate(CANDIDATES):
        try:
            decoded = [word.decode(charset) for word in words]
        except UnicodeDecodeError:
            continue
        score = (_implausibility(decoded), rank, charset)
        if best is None or score < best:
            best = score
    return best[2] if best is not None else None
