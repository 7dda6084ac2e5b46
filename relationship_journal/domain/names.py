"""A person's name whole and in parts (prefix, given, middle, family, suffix), kept in step.

A contact file (vCard's N) or the user may give the parts; the window shows the whole name.
When the whole name is changed while the parts still spell the old one, the parts follow,
so that a renamed contact is not exported under its old given and family names.
"""

from __future__ import annotations

from collections.abc import Sequence

NameParts = tuple[str, str, str, str, str]  # prefix, given, middle, family, suffix


def spells(whole: str, parts: Sequence[str]) -> bool:
    """Whether ``parts``, in order, are the words of ``whole`` (spacing aside)."""
    return " ".join(word for part in parts for word in part.split()) == " ".join(whole.split())


def _kept(words: list[str], part: str, at_end: bool) -> str:
    """``part`` when ``words`` still start (or end) with it and hold more besides."""
    wanted = part.split()
    if not wanted or len(words) <= len(wanted):
        return ""
    found = words[-len(wanted) :] if at_end else words[: len(wanted)]
    return part if found == wanted else ""


def split_name(whole: str, before: Sequence[str]) -> NameParts:
    """The parts of ``whole``, shaped like the parts ``before`` it changed: a prefix or
    suffix stays while the name still starts or ends with it; the first word is the given
    name; the last is the family name where there was a middle name, else every word after
    the first is (Hernández García)."""
    words = whole.split()
    prefix_before, _given, middle_before, _family, suffix_before = before
    prefix = _kept(words, prefix_before, at_end=False)
    words = words[len(prefix.split()) :]
    suffix = _kept(words, suffix_before, at_end=True)
    words = words[: len(words) - len(suffix.split())]
    if len(words) <= 1:
        return prefix, " ".join(words), "", "", suffix
    if middle_before.strip() and len(words) >= 3:
        return prefix, words[0], " ".join(words[1:-1]), words[-1], suffix
    return prefix, words[0], "", " ".join(words[1:]), suffix
