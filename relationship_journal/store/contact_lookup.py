"""Finding people by a few letters of their name or organisation, most recently met first.

Each keystroke in a picker asks for a handful of rows; the query walks the live contacts
in last-contact order (an index) and stops at the limit, so it costs the same at 100 and at
100,000 contacts for any common string.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_
from sqlmodel import Session, col, select

from relationship_journal.domain.text import fold
from relationship_journal.store.models import Contact, Organisation

PICKER_LIMIT = 8


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    organisation: str

    @property
    def label(self) -> str:
        return f"{self.name} — {self.organisation}" if self.organisation else self.name


def _query():  # type: ignore[no-untyped-def]
    return (
        select(Contact.id, Contact.display_name, Organisation.name)
        .outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
        .where(col(Contact.deleted_at).is_(None))
    )


def find_candidates(
    session: Session, text: str, limit: int = PICKER_LIMIT, exclude: Sequence[int] = ()
) -> list[Candidate]:
    """Live contacts whose name or organisation holds every word of ``text`` (accents and
    case aside), most recently in touch first."""
    words = fold(text).split()
    if not words:
        return []
    query = _query()
    for word in words:
        query = query.where(
            or_(
                col(Contact.name_key).contains(word, autoescape=True),
                col(Organisation.name_key).contains(word, autoescape=True),
            )
        )
    if exclude:
        query = query.where(col(Contact.id).not_in(list(exclude)))
    # SQLite puts never-contacted people (NULL) last in a descending order.
    query = query.order_by(col(Contact.last_contact_at).desc(), col(Contact.name_key))
    query = query.limit(limit)
    return [Candidate(cid, name, org or "") for cid, name, org in session.exec(query).all()]


def candidates_by_id(session: Session, ids: Sequence[int]) -> list[Candidate]:
    """The contacts ``ids`` (live ones), in the order given."""
    if not ids:
        return []
    rows = session.exec(_query().where(col(Contact.id).in_(list(ids)))).all()
    found = {cid: Candidate(cid, name, org or "") for cid, name, org in rows}
    return [found[i] for i in ids if i in found]
