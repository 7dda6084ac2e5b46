"""Contacts that are likely one person, found among those already in the journal.

Three signs, each read from an index: the same e-mail address, the same phone number (by
its national digits, so "+44 20 7946 0958" and "020 7946 0958" agree) and the same name; and
one compared in memory: a similar name at the same organisation ("Jon Smith" and "John
Smith" at Northwind), scored by rapidfuzz over the people of one organisation at a time.
Pairs the user called two people (``DistinctPair``) are not offered again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz, process
from sqlalchemy import text
from sqlmodel import Session

from relationship_journal.domain.text import fold
from relationship_journal.store.errors import InvalidInputError, NotFoundError
from relationship_journal.store.models import Contact, DistinctPair

# Shorter numbers (extensions, short codes) say little about who holds them.
MIN_PHONE_DIGITS = 6
# token_sort_ratio (0-100) from which two names at one organisation count as similar:
# "Jon Smith"/"John Smith" score 95, "Smith, John"/"John Smith" 100, "Anna Berg"/"Anne
# Borg" 78.
SIMILAR_NAMES = 85
# An organisation with more people than this is compared by exact names only: the pairwise
# comparison grows with the square of its size.
LARGEST_GROUP = 3000


@dataclass(frozen=True)
class LikelyPair:
    first_id: int
    first_name: str
    second_id: int
    second_name: str
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


_LIVE = (
    "JOIN contact ca ON ca.id = a.contact_id AND ca.deleted_at IS NULL "
    "JOIN contact cb ON cb.id = b.contact_id AND cb.deleted_at IS NULL"
)

_SAME_EMAIL = f"""
    SELECT a.contact_id, b.contact_id, min(a.address) FROM contact_email a
    JOIN contact_email b ON b.address_key = a.address_key AND b.contact_id > a.contact_id
    {_LIVE}
    WHERE a.address_key != '' GROUP BY a.contact_id, b.contact_id
"""
_SAME_PHONE = f"""
    SELECT a.contact_id, b.contact_id, min(a.number) FROM contact_phone a
    JOIN contact_phone b ON b.digits = a.digits AND b.contact_id > a.contact_id
    {_LIVE}
    WHERE length(a.digits) >= {MIN_PHONE_DIGITS} GROUP BY a.contact_id, b.contact_id
"""
_SAME_NAME = """
    SELECT a.id, b.id, a.display_name FROM contact a
    JOIN contact b ON b.name_key = a.name_key AND b.id > a.id AND b.deleted_at IS NULL
    WHERE a.deleted_at IS NULL AND a.name_key != ''
"""
_AT_ORGANISATIONS = """
    SELECT c.id, c.name_key, c.organisation_id, o.name FROM contact c
    JOIN organisation o ON o.id = c.organisation_id
    WHERE c.deleted_at IS NULL AND c.organisation_id IN (
        SELECT organisation_id FROM contact WHERE deleted_at IS NULL
        GROUP BY organisation_id HAVING count(*) BETWEEN 2 AND :largest)
"""


def _similar_at_organisations(session: Session) -> Iterable[tuple[int, int, str]]:
    groups: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for contact_id, key, organisation_id, name in session.execute(
        text(_AT_ORGANISATIONS), params={"largest": LARGEST_GROUP}
    ).all():
        groups[organisation_id].append((contact_id, key, name))
    for people in groups.values():
        keys = [key for _, key, _ in people]
        for i, key in enumerate(keys[:-1]):
            later = keys[i + 1 :]
            for _match, _score, offset in process.extract(
                key, later, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR_NAMES, limit=None
            ):
                if later[offset] != key:
                    low, high = sorted((people[i][0], people[i + 1 + offset][0]))
                    yield low, high, f"similar name at {people[i][2]}"


def likely_pairs(session: Session, limit: int = 500) -> list[LikelyPair]:
    """Pairs of live contacts that may be one person, with why; the most reasons first."""
    reasons: dict[tuple[int, int], list[str]] = defaultdict(list)
    for sql, label in ((_SAME_EMAIL, "same e-mail"), (_SAME_PHONE, "same phone")):
        for low, high, value in session.execute(text(sql)).all():
            reasons[(low, high)].append(f"{label} {value}")
    for low, high, _name in session.execute(text(_SAME_NAME)).all():
        reasons[(low, high)].append("same name")
    for low, high, why in _similar_at_organisations(session):
        reasons[(low, high)].append(why)
    dismissed = set(session.execute(text("SELECT first_id, second_id FROM distinct_pair")).all())
    pairs = [pair for pair in reasons if pair not in dismissed]
    names = _names(session, {cid for pair in pairs for cid in pair})
    found = [
        LikelyPair(low, names[low], high, names[high], tuple(reasons[(low, high)]))
        for low, high in pairs
    ]
    found.sort(key=lambda p: (-len(p.reasons), fold(p.first_name), p.first_id, p.second_id))
    return found[:limit]


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        marks = ",".join(str(int(i)) for i in chunk)
        for cid, name in session.execute(
            text(f"SELECT id, display_name FROM contact WHERE id IN ({marks})")
        ).all():
            found[cid] = name
    return found


def mark_distinct(session: Session, one: int, other: int, now: datetime) -> None:
    """Remember that ``one`` and ``other`` are two people."""
    if one == other:
        raise InvalidInputError("a contact is always the same person as itself")
    for contact_id in (one, other):
        if session.get(Contact, contact_id) is None:
            raise NotFoundError(f"no contact with id {contact_id}")
    low, high = sorted((one, other))
    if session.get(DistinctPair, (low, high)) is None:
        session.add(DistinctPair(first_id=low, second_id=high, decided_at=now))
        session.flush()
