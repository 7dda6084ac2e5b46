"""Labels of phones, emails, addresses and dates, between vCard TYPE values and words.

A card says ``TEL;TYPE=WORK,FAX`` or ``TEL;TYPE=cell``; the journal keeps "work fax" and
"mobile". Labels with no TYPE of their own ("assistant", "office direct") travel the way
Apple writes them, as a group with an ``X-ABLabel``, which most address books read.
"""

from __future__ import annotations

from functools import cache

# The place a number or address belongs to, and what kind of line it is.
_PLACES = {"WORK": "work", "HOME": "home", "OTHER": "other"}
_KINDS = {
    "CELL": "mobile",
    "MOBILE": "mobile",
    "IPHONE": "mobile",
    "FAX": "fax",
    "PAGER": "pager",
    "MAIN": "main",
    "CAR": "car",
    "ISDN": "isdn",
    "VIDEO": "video",
    "TEXTPHONE": "textphone",
    "MSG": "message",
}
# TYPE values that say nothing the user needs to see.
_SILENT = frozenset(
    {"VOICE", "INTERNET", "PREF", "X400", "TEXT", "POSTAL", "PARCEL", "DOM", "INTL"}
)
# Words of a label that vCard 4.0 has a TYPE for, per property.
_STANDARD = {
    "TEL": {
        "work": "work",
        "home": "home",
        "mobile": "cell",
        "fax": "fax",
        "pager": "pager",
        "video": "video",
        "textphone": "textphone",
    },
    "EMAIL": {"work": "work", "home": "home"},
    "ADR": {"work": "work", "home": "home"},
}


def label_from_types(types: set[str]) -> str:
    """The label a property's TYPE values say: "work fax" from {WORK, FAX, VOICE}, "" when
    they say nothing."""
    return _label_from_types(frozenset(types))


@cache
def _label_from_types(types: frozenset[str]) -> str:
    place = next((_PLACES[t] for t in ("WORK", "HOME", "OTHER") if t in types), "")
    kind = next((_KINDS[t] for t in sorted(types) if t in _KINDS), "")
    if place and kind:
        return f"{place} {kind}"
    if place or kind:
        return place or kind
    unknown = sorted(t for t in types if t not in _SILENT and not t.startswith("X-"))
    return unknown[0].lower() if unknown else ""


def types_for(prop: str, label: str) -> list[str] | None:
    """The TYPE values that say ``label`` for property ``prop``, or None when the label
    needs an X-ABLabel ("assistant", "office direct")."""
    if not label:
        return []
    standard = _STANDARD.get(prop, {})
    words = label.split()
    if all(word in standard for word in words):
        return [standard[word] for word in words]
    return None


# How a web address's label is written in the notes, where it is not a plain word.
_WEB_LABELS = {
    "": "Web",
    "linkedin": "LinkedIn",
    "xing": "XING",
    "github": "GitHub",
    "homepage": "Homepage",
    "home page": "Homepage",
    "work": "Work web page",
    "home": "Home web page",
}


def web_note(label: str, address: str) -> str:
    """A web address (a homepage, a profile) as the line of the notes that keeps it: the
    journal has no field of its own for them."""
    key = " ".join(label.replace("_", " ").split()).lower()
    return f"{_WEB_LABELS.get(key, key.capitalize())}: {address}"
