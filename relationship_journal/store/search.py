"""Full-text search over contacts, organisations, profile answers and journal entries.

Prefix matching, accent- and case-insensitive, through the FTS5 index that triggers keep
in step (migration 0003). Results are not ranked by relevance: scoring every match is what
makes FTS queries slow on large journals; each kind is capped instead, newest first where
that means something.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import text
from sqlmodel import Session

from relationship_journal.domain.profile import TOPICS_BY_KEY
from relationship_journal.domain.text import fold

MARK_START = "\x02"
MARK_END = "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


class HitKind(StrEnum):
    CONTACT = "contact"
    ORGANISATION = "organisation"
    PROFILE = "profile"
    ENTRY = "entry"

    @property
    def label(self) -> str:
        return {
            HitKind.CONTACT: "Contacts",
            HitKind.ORGANISATION: "Organisations",
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


def match_query(user_text: str) -> str:
    """An FTS5 query: every word of the text as a quoted prefix term, all required."""
    words = _WORD.findall(fold(user_text))
    return " ".join(f'"{word}"*' for word in words)


_SQL = {
    HitKind.CONTACT: """
        SELECT s.ref_id, s.contact_id,
               CASE s.kind WHEN 'contact' THEN highlight(search_index, 3, :a, :b)
                           ELSE c.display_name END,
               CASE s.kind WHEN 'contact' THEN snippet(search_index, 4, :a, :b, '…', 12)
                           ELSE 'email: ' || highlight(search_index, 3, :a, :b) END,
               s.kind
        FROM search_index s
        JOIN contact c ON c.id = s.contact_id AND c.deleted_at IS NULL
        WHERE search_index MATCH 'kind : (contact OR email) AND {title body} : (' || :q || ')'
        LIMIT :n
    """,
    HitKind.ORGANISATION: """
        SELECT s.ref_id, NULL, highlight(search_index, 3, :a, :b),
               snippet(search_index, 4, :a, :b, '…', 12), s.kind
        FROM search_index s
        WHERE search_index MATCH 'kind : organisation AND {title body} : (' || :q || ')'
        LIMIT :n
    """,
    HitKind.PROFILE: """
        SELECT s.ref_id, s.contact_id, s.title, snippet(search_index, 4, :a, :b, '…', 14),
               c.display_name
        FROM search_index s
        JOIN contact c ON c.id = s.contact_id AND c.deleted_at IS NULL
        WHERE search_index MATCH 'kind : profile AND {title body} : (' || :q || ')'
        LIMIT :n
    """,
    HitKind.ENTRY: """
        SELECT s.ref_id,
               (SELECT ec.contact_id FROM entry_contact ec WHERE ec.entry_id = s.ref_id LIMIT 1),
               highlight(search_index, 3, :a, :b), snippet(search_index, 4, :a, :b, '…', 12),
               (SELECT group_concat(c.display_name, ', ') FROM entry_contact ec
                JOIN contact c ON c.id = ec.contact_id WHERE ec.entry_id = s.ref_id)
        FROM search_index s
        WHERE search_index MATCH 'kind : entry AND {title body} : (' || :q || ')'
        LIMIT :n
    """,
}


def search(session: Session, user_text: str, per_kind: int = 8) -> list[SearchHit]:
    query = match_query(user_text)
    if not query:
        return []
    hits: list[SearchHit] = []
    params = {"q": query, "a": MARK_START, "b": MARK_END, "n": per_kind}
    for kind, sql in _SQL.items():
        seen: set[int] = set()
        for ref_id, contact_id, title, snippet, extra in session.exec(  # type: ignore[call-overload]
            text(sql), params=params
        ).all():
            if kind is HitKind.CONTACT:
                if contact_id in seen:
                    continue
                seen.add(contact_id)
                hits.append(
                    SearchHit(
                        kind,
                        contact_id,
                        contact_id,
                        title,
                        snippet,
                    )
                )
            elif kind is HitKind.PROFILE:
                topic = TOPICS_BY_KEY.get(title)
                hits.append(
                    SearchHit(
                        kind,
                        ref_id,
                        contact_id,
                        f"{extra} — {topic.label if topic else title}",
                        snippet,
                    )
                )
            elif kind is HitKind.ENTRY:
                hits.append(
                    SearchHit(kind, ref_id, contact_id, title, f"{extra or ''} {snippet}".strip())
                )
            else:
                hits.append(SearchHit(kind, ref_id, None, title, snippet))
    return hits


def plain(marked: str) -> str:
    return marked.replace(MARK_START, "").replace(MARK_END, "")
