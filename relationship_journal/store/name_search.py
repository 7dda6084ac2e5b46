"""Finding contacts and organisations by name the way people type names: any part of a word
("ller" → Müller), accents and letters like Ø aside in both directions, and a letter or two
wrong ("jurgn" → Jürgen).

Names are matched in their folded form (``name_key``) through trigram indexes (migration
0006). A substring query reads the index alone. A misspelt name has no substring to find,
so its trigrams are looked up instead ("jur", "urg", "rgn" for "jurgn"): the names sharing
one of them, at most ``CANDIDATES`` of them, are compared by edit distance (rapidfuzz's
optimal string alignment, in C: a swapped pair of letters is one typo). The work per
keystroke is so bounded by ``CANDIDATES``, not by the size of the journal; the price is
that behind a very common trigram a misspelt name can be missed.
SQLite's own trigram index was chosen over scanning every name with rapidfuzz: a scan of
100,000 names costs about 100 ms, far above the 15 ms a keystroke may take.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

CONTACT_NAMES = "search_index_contact_names"
ORGANISATION_NAMES = "search_index_org_names"
CANDIDATES = 100
# Names holding the typed text, read to put those where it starts a word first.
SUBSTRING_CANDIDATES = 50
# A trigram index needs three letters; shorter words are checked on the names it returns.
TRIGRAM = 3


@dataclass(frozen=True)
class NameMatch:
    ref_id: int
    words: tuple[str, ...]  # the folded words of the name to mark as matching
    fuzzy: bool


def allowed_edits(word: str) -> int:
    """Typos forgiven in a word of this length: none below 4 letters, 2 from 8."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _rows(session: Session, index: str, query: str, limit: int) -> list[tuple[int, str]]:
    sql = f"SELECT rowid, name FROM {index} WHERE {index} MATCH :q LIMIT :n"
    return [
        (int(rowid), str(name))
        for rowid, name in session.execute(text(sql), params={"q": query, "n": limit}).all()
    ]


def _substring_matches(
    session: Session, index: str, words: list[str], limit: int
) -> list[NameMatch]:
    long_words = [w for w in words if len(w) >= TRIGRAM]
    if not long_words:
        return []
    query = " AND ".join(_quoted(w) for w in long_words)
    found = []
    for ref_id, name in _rows(session, index, query, SUBSTRING_CANDIDATES):
        if all(w in name for w in words):
            found.append(
                (not _all_start_words(name, words), name, NameMatch(ref_id, tuple(words), False))
            )
    found.sort(key=lambda item: (item[0], item[1]))
    return [match for _, _, match in found[:limit]]


def _all_start_words(name: str, words: list[str]) -> bool:
    parts = name.split()
    return all(any(part.startswith(w) for part in parts) for w in words)


def _word_matches(word: str, parts: list[str]) -> tuple[int, str] | None:
    """(edits, the name's word) for the closest word of the name, if close enough."""
    from rapidfuzz.distance import OSA  # loaded at the first misspelt name, not at start

    best: tuple[int, str] | None = None
    edits = allowed_edits(word)
    for part in parts:
        if word in part:
            return 0, word
        for candidate in (part, part[: len(word)]):
            distance = OSA.distance(word, candidate, score_cutoff=edits)
            if distance <= edits and (best is None or distance < best[0]):
                best = (distance, part)
    return best


def _fuzzy_matches(session: Session, index: str, words: list[str], limit: int) -> list[NameMatch]:
    trigrams = {w[i : i + TRIGRAM] for w in words if len(w) >= 4 for i in range(len(w) - 2)}
    if not trigrams:
        return []
    query = " OR ".join(_quoted(t) for t in sorted(trigrams))
    scored = []
    for ref_id, name in _rows(session, index, query, CANDIDATES):
        parts = name.split()
        matched = [_word_matches(w, parts) for w in words]
        if all(m is not None for m in matched):
            edits = sum(m[0] for m in matched if m is not None)
            marked = tuple(m[1] for m in matched if m is not None)
            scored.append((edits, name, NameMatch(ref_id, marked, True)))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [match for _, _, match in scored[:limit]]


def names_matching(session: Session, index: str, words: list[str], limit: int) -> list[NameMatch]:
    """Names holding every word, those where it starts a word first; when none does, names
    a typo or two away (a typed name that is found is taken to be spelt as meant)."""
    if not words:
        return []
    return _substring_matches(session, index, words, limit) or _fuzzy_matches(
        session, index, words, limit
    )
