"""Contacts as vCard 4.0 (RFC 6350), folded at 75 octets, readable by any address book."""

from __future__ import annotations

import base64
from collections.abc import Iterable

from sqlmodel import Session

from relationship_journal.domain.dates import PartialDate
from relationship_journal.store.contacts import current_facts, draft_of, get_contact


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


def _birthday(value: PartialDate) -> str:
    if value.year is None:
        return f"BDAY:--{value.month:02d}{value.day:02d}"
    return f"BDAY:{value.year:04d}{value.month:02d}{value.day:02d}"


def contact_card(session: Session, contact_id: int) -> str:
    contact = get_contact(session, contact_id)
    draft = draft_of(session, contact)
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{escape(draft.display_name)}"]
    lines.append(f"N:{escape(draft.family_name)};{escape(draft.given_name)};;;")
    if draft.nickname:
        lines.append(f"NICKNAME:{escape(draft.nickname)}")
    if draft.organisation:
        lines.append(f"ORG:{escape(draft.organisation)}")
    if draft.title:
        lines.append(f"TITLE:{escape(draft.title)}")
    for email in draft.emails:
        kind = f";TYPE={email.label}" if email.label in ("work", "home") else ""
        lines.append(f"EMAIL{kind}:{escape(email.value)}")
    for phone in draft.phones:
        kind = {"mobile": ";TYPE=cell", "work": ";TYPE=work", "home": ";TYPE=home"}.get(
            phone.label, ""
        )
        lines.append(f"TEL;VALUE=uri{kind}:tel:{phone.value.replace(' ', '-')}")
    if draft.birthday is not None:
        lines.append(_birthday(draft.birthday))
    if draft.tags:
        lines.append("CATEGORIES:" + ",".join(escape(tag) for tag in draft.tags))
    home = current_facts(session, contact_id).get("home")
    if home is not None:
        lines.append(f"ADR;TYPE=home:;;;{escape(home.text)};;;")
    if draft.notes:
        lines.append(f"NOTE:{escape(draft.notes)}")
    if contact.photo:
        encoded = base64.b64encode(contact.photo).decode("ascii")
        lines.append(f"PHOTO:data:image/jpeg;base64,{encoded}")
    lines.append(f"UID:urn:relationship-journal:contact:{contact_id}")
    lines.append("END:VCARD")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def export_vcards(session: Session, contact_ids: Iterable[int]) -> str:
    return "".join(contact_card(session, contact_id) for contact_id in contact_ids)
