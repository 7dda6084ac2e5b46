"""Finding people by a few letters of their name or organisation, most recently met first.

Each keystroke in a picker asks for a handful of rows; the query walks the live contacts
in last-contact order (an index) and stops at the limit, so it costs the same at 100 and at
100,000 contacts for any common string.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from relationship_journal.domain.text import fold
from relationship_journal.store.errors import InvalidInputError, NotFoundError
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


def _query() -> Select[int | None, str, str]:
    return (
        select(col(Contact.id), Contact.display_name, Organisation.name)
        .outerjoin(Organisation, col(Organisation.id) == Contact.organisation_id)
        .where(col(Contact.deleted_at).is_(None))
    )


def _candidates(rows: Iterable[tuple[int | None, str, str]]) -> list[Candidate]:
    # An outer join's missing organisation comes back as None.
    return [Candidate(cid, name, org or "") for cid, name, org in rows if cid is not None]


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
    return _candidates(session.exec(query).all())


def candidates_by_id(session: Session, ids: Sequence[int]) -> list[Candidate]:
    """The contacts ``ids`` (live ones), in the order given."""
    if not ids:
        return []
    rows = session.exec(_query().where(col(Contact.id).in_(list(ids)))).all()
    found = {candidate.id: candidate for candidate in _candidates(rows)}
    return [found[i] for i in ids if i in found]


def resolve_contact(session: Session, text: str) -> Contact:
    """A contact named by id or by name, accent- and case-insensitively.

    An exact name wins; otherwise a unique partial match; otherwise a clear error that
    lists the candidates.
    """
    value = text.strip()
    if value.isascii() and value.isdigit():  # "²" is a digit to Python, not an id
        contact = session.get(Contact, int(value)) if len(value) <= 18 else None
        if contact is None or contact.deleted_at is not None:
            raise NotFoundError(f"no contact with id {value}")
        return contact
    key = fold(value)
    if not key:
        raise InvalidInputError("name a contact by id or name")
    live = select(Contact).where(col(Contact.deleted_at).is_(None))
    exact = session.exec(live.where(Contact.name_key == key)).all()
    matches = (
        exact
        or session.exec(
            live.where(col(Contact.name_key).contains(key, autoescape=True)).limit(20)
        ).all()
    )
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(f"no contact matches '{text}'")
    listed = "; ".join(f"{c.id}: {c.display_name}" for c in matches[:10])
    raise NotFoundError(f"'{text}' matches {len(matches)} contacts ({listed}); give the id")
