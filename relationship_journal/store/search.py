"""Search everything: contacts, organisations, promises, reminders, profile answers and
journal entries, grouped by kind, contacts first.

Names are found inside words, accents aside and with a typo or two forgiven
(``store.name_search``); everything else through the FTS5 index that triggers keep in step
(migrations 0003, 0006), by word prefix, accent- and case-insensitive. Results are not ranked
by relevance: scoring every match is what makes FTS queries slow on large journals; each
kind is capped instead. Each hit has a title and a readable subtitle, with the matching
words between ``MARK_START`` and ``MARK_END``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from relationship_journal.domain.highlight import MARK_END, MARK_START, excerpt, mark, plain
from relationship_journal.domain.profile import TOPICS_BY_KEY
from relationship_journal.domain.text import fold
from relationship_journal.store.name_search import (
    CONTACT_NAMES,
    ORGANISATION_NAMES,
    NameMatch,
    names_matching,
)

__all__ = ["MARK_END", "MARK_START", "plain"]

_WORD = re.compile(r"\w+", re.UNICODE)


class HitKind(StrEnum):
    """In the order results are shown."""

    CONTACT = "contact"
    ORGANISATION = "organisation"
    PROMISE = "promise"
    REMINDER = "reminder"
    PROFILE = "profile"
    ENTRY = "entry"

    @property
    def label(self) -> str:
        return {
            HitKind.CONTACT: "Contacts",
            HitKind.ORGANISATION: "Organisations",
            HitKind.PROMISE: "Promises",
            HitKind.REMINDER: "Reminders",
            HitKind.PROFILE: "Profile answers",
            HitKind.ENTRY: "Journal entries",
        }[self]


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    ref_id: int
    contact_id: int | None
    title: str  # with MARK_START/MARK_END around matched words
    detail: str  # likewise
    day: date | None = None  # the day written in ``detail`` as YYYY-MM-DD, if any


def match_query(user_text: str) -> str:
    """An FTS5 query: every word of the text as a quoted prefix term, all required."""
    words = _WORD.findall(fold(user_text))
    return " ".join(f'"{word}"*' for word in words)


def _rows(session: Session, sql: str, params: dict[str, Any]) -> list[Any]:
    return list(session.execute(text(sql), params=params).all())


def _by_id(session: Session, sql: str, ids: list[int]) -> dict[int, Any]:
    """The rows of ``sql`` (its ``{ids}`` filled with ``ids``), by their first column."""
    listed = ",".join(str(int(i)) for i in ids)
    return {row[0]: row for row in _rows(session, sql.format(ids=listed), {})}


# One full-text index per kind (migration 0008): a search for one kind reads its own index,
# not the entries' millions of rows. People (contacts and their e-mail addresses) share one,
# each row keyed by ``code × 2⁴⁰ + id``; elsewhere the row id is the id of what is indexed.
KIND_BITS = 40
PEOPLE_CODES = {"contact": 1, "email": 2}
# Results of each kind found at most (the first ones): a search as you type never reads all.
PER_KIND = 8

INDEXES = {
    "contact": "search_index_people",
    "email": "search_index_people",
    "organisation": "search_index_organisations",
    "profile": "search_index_profiles",
    "promise": "search_index_promises",
    "reminder": "search_index_reminders",
    "entry": "search_index_entries",
}


def _on(kind: str, sql: str) -> str:
    """``sql`` reading the index of ``kind``: its ``{fts}`` named, its ``{match}`` the
    condition that every word typed is found."""
    index = INDEXES[kind]
    return sql.format(fts=index, match=f"{index} MATCH '{{title body}} : (' || :q || ')'")


_CONTACT_TEXTS = _on(
    "contact",
    """
    SELECT s.contact_id, s.kind, highlight({fts}, 3, :a, :b)
    FROM {fts} s JOIN contact c ON c.id = s.contact_id AND c.deleted_at IS NULL
    WHERE {match} LIMIT :n
    """,
)
_CONTACT_FACTS = """
    SELECT c.id, c.display_name, c.title, o.name, c.nickname, c.met_how, c.notes FROM contact c
    LEFT JOIN organisation o ON o.id = c.organisation_id
    WHERE c.deleted_at IS NULL AND c.id IN ({ids})
"""


def _where(title: str, organisation: str | None) -> str:
    if title and organisation:
        return f"{title} at {organisation}"
    return title or organisation or ""


def _said(texts: list[str], words: list[str], wanted: bool) -> str:
    """Where a contact found by what was written about them matched: nickname, how we
    met, notes; each quoted on its own, never run together."""
    if not wanted:
        return ""
    nickname, met_how, notes = texts
    if nickname and excerpt(nickname, words):
        return f"“{mark(nickname, words)}”"
    return excerpt(met_how, words) or excerpt(notes, words)


def _contacts(session: Session, words: list[str], params: dict[str, Any]) -> list[SearchHit]:
    limit = int(params["n"])
    by_name: dict[int, NameMatch] = {
        m.ref_id: m for m in names_matching(session, CONTACT_NAMES, words, limit)
    }
    extra: dict[int, str] = {}
    for contact_id, kind, title in _rows(session, _CONTACT_TEXTS, params):
        extra.setdefault(contact_id, f"e-mail {title}" if kind == "email" else "")
    ids = [*by_name, *(i for i in extra if i not in by_name)][:limit]
    facts = _by_id(session, _CONTACT_FACTS, ids)
    hits = []
    for contact_id in ids:
        if contact_id not in facts:
            continue
        _, name, title, organisation, *texts = facts[contact_id]
        needles = by_name[contact_id].words if contact_id in by_name else words
        said = extra.get(contact_id) or _said(texts, words, contact_id not in by_name)
        where = mark(_where(title, organisation), words)
        detail = " · ".join(part for part in (where, said) if part)
        hits.append(SearchHit(HitKind.CONTACT, contact_id, contact_id, mark(name, needles), detail))
    return hits


_ORGANISATION_TEXTS = _on("organisation", "SELECT s.ref_id FROM {fts} s WHERE {match} LIMIT :n")
_ORGANISATION_FACTS = """
    SELECT o.id, o.name, o.industry,
           (SELECT count(*) FROM contact c WHERE c.organisation_id = o.id
            AND c.deleted_at IS NULL)
    FROM organisation o WHERE o.id IN ({ids})
"""


def _organisations(session: Session, words: list[str], params: dict[str, Any]) -> list[SearchHit]:
    limit = int(params["n"])
    by_name = {m.ref_id: m for m in names_matching(session, ORGANISATION_NAMES, words, limit)}
    others = [row[0] for row in _rows(session, _ORGANISATION_TEXTS, params)]
    ids = [*by_name, *(i for i in others if i not in by_name)][:limit]
    facts = _by_id(session, _ORGANISATION_FACTS, ids)
    hits = []
    for organisation_id in ids:
        _, name, industry, people = facts[organisation_id]
        needles = by_name[organisation_id].words if organisation_id in by_name else words
        known = f"{people} {'person' if people == 1 else 'people'} you know"
        detail = " · ".join(part for part in (mark(industry, words), known) if part)
        hits.append(
            SearchHit(HitKind.ORGANISATION, organisation_id, None, mark(name, needles), detail)
        )
    return hits


_TEXT_SQL = {
    HitKind.PROMISE: _on(
        "promise",
        """
        SELECT s.ref_id, s.contact_id, highlight({fts}, 3, :a, :b),
               c.display_name, p.owner, p.due_on, p.status
        FROM {fts} s JOIN promise p ON p.id = s.ref_id
        JOIN contact c ON c.id = s.contact_id AND c.deleted_at IS NULL
        WHERE {match} LIMIT :n
        """,
    ),
    HitKind.REMINDER: _on(
        "reminder",
        """
        SELECT s.ref_id, s.contact_id, highlight({fts}, 3, :a, :b),
               c.display_name, snippet({fts}, 4, :a, :b, '…', 10), r.starts_at, ''
        FROM {fts} s JOIN reminder r ON r.id = s.ref_id
        LEFT JOIN contact c ON c.id = s.contact_id
        WHERE {match} AND c.deleted_at IS NULL LIMIT :n
        """,
    ),
    HitKind.PROFILE: _on(
        "profile",
        """
        SELECT s.ref_id, s.contact_id, s.title, c.display_name,
               snippet({fts}, 4, :a, :b, '…', 14), '', ''
        FROM {fts} s JOIN contact c ON c.id = s.contact_id AND c.deleted_at IS NULL
        WHERE {match} LIMIT :n
        """,
    ),
    HitKind.ENTRY: _on(
        "entry",
        """
        SELECT s.ref_id,
               (SELECT ec.contact_id FROM entry_contact ec WHERE ec.entry_id = s.ref_id LIMIT 1),
               highlight({fts}, 3, :a, :b),
               (SELECT group_concat(c.display_name, ', ') FROM entry_contact ec
                JOIN contact c ON c.id = ec.contact_id WHERE ec.entry_id = s.ref_id),
               snippet({fts}, 4, :a, :b, '…', 12), e.occurred_at, ''
        FROM {fts} s JOIN entry e ON e.id = s.ref_id
        WHERE {match} LIMIT :n
        """,
    ),
}


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _text_hit(kind: HitKind, row: Any) -> SearchHit:
    ref_id, contact_id, title, name, extra, when, status = row
    if kind is HitKind.PROMISE:
        who = f"You promised {name}" if extra == "me" else f"{name} promised"
        due = f"due {_iso(_day(when))}" if when else ""
        detail = " · ".join(p for p in (who, due, "" if status == "open" else status) if p)
        return SearchHit(kind, ref_id, contact_id, title, detail, _day(when))
    if kind is HitKind.PROFILE:
        topic = TOPICS_BY_KEY.get(title)
        return SearchHit(
            kind, ref_id, contact_id, f"{name} — {topic.label if topic else title}", extra
        )
    said = extra if MARK_START in (extra or "") else ""
    detail = " · ".join(p for p in (name or "", _iso(_day(when)), said) if p)
    return SearchHit(kind, ref_id, contact_id, title, detail, _day(when))


def search(session: Session, user_text: str, per_kind: int = PER_KIND) -> list[SearchHit]:
    words = _WORD.findall(fold(user_text))
    if not words:
        return []
    params = {"q": match_query(user_text), "a": MARK_START, "b": MARK_END, "n": per_kind}
    hits = _contacts(session, words, params) + _organisations(session, words, params)
    for kind, sql in _TEXT_SQL.items():
        hits += [_text_hit(kind, row) for row in _rows(session, sql, params)]
    return hits
