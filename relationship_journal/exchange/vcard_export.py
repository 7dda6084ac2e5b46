"""Contacts as vCard 4.0 (RFC 6350), folded at 75 octets, readable by any address book.

Every value is escaped, control characters included, so no text a user typed can end a
line or start a property of its own. Phone numbers are ``tel:`` URIs where the URI reads
back as the same number, text otherwise; labels with no TYPE travel as Apple-style groups
(``item1.TEL`` with ``item1.X-ABLabel``); photos carry their real media type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlmodel import Session

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.domain.dates import PartialDate
from relationship_journal.exchange.labels import types_for
from relationship_journal.exchange.phone_values import to_tel_uri
from relationship_journal.exchange.photos import to_data_uri
from relationship_journal.store.contacts import draft_of, get_contact
from relationship_journal.store.facts import current_facts

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def escape(text: str) -> str:
    """RFC 6350 §3.4 text escaping; line breaks of every kind become ``\\n`` and other
    control characters are dropped."""
    text = _CONTROLS.sub("", text)
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return _LINE_BREAKS.sub("\\\\n", text)


def fold_line(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character."""
    if len(line) <= 75 and line.isascii():
        return line
    out: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > 75:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n".join(out)


def _date(value: PartialDate) -> str:
    if value.year is None:
        return f"--{value.month:02d}{value.day:02d}"
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


class _Lines:
    """The card's lines, with a group number for each label that needs an X-ABLabel."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._groups = 0

    def add(self, line: str) -> None:
        self.lines.append(line)

    def labelled(self, prop: str, label: str, value: str, params: str = "") -> None:
        kinds = types_for(prop, label) if prop in ("TEL", "EMAIL", "ADR") else None
        if kinds is not None:
            types = f";TYPE={','.join(kinds)}" if kinds else ""
            self.add(f"{prop}{params}{types}:{value}")
            return
        self._groups += 1
        group = f"item{self._groups}"
        self.add(f"{group}.{prop}{params}:{value}")
        self.add(f"{group}.X-ABLabel:{escape(label)}")


def _structured(*parts: str) -> str:
    return ";".join(escape(part) for part in parts)


def _card_lines(draft: ContactDraft, home: str) -> _Lines:
    card = _Lines()
    card.add(f"FN:{escape(draft.display_name)}")
    card.add(
        "N:"
        + _structured(
            draft.family_name,
            draft.given_name,
            draft.middle_name,
            draft.name_prefix,
            draft.name_suffix,
        )
    )
    if draft.nickname:
        card.add(f"NICKNAME:{escape(draft.nickname)}")
    if draft.organisation or draft.org_unit:
        units = [u.strip() for u in draft.org_unit.split(";") if u.strip()]
        card.add("ORG:" + _structured(draft.organisation, *units))
    if draft.title:
        card.add(f"TITLE:{escape(draft.title)}")
    if draft.role:
        card.add(f"ROLE:{escape(draft.role)}")
    for email in draft.emails:
        card.labelled("EMAIL", email.label, escape(email.value))
    for phone in draft.phones:
        uri = to_tel_uri(phone.value)
        if uri is not None:
            card.labelled("TEL", phone.label, uri, ";VALUE=uri")
        else:
            card.labelled("TEL", phone.label, escape(phone.value), ";VALUE=text")
    if draft.birthday is not None:
        card.add(f"BDAY:{_date(draft.birthday)}")
    for moment in draft.anniversaries:
        if moment.label == "anniversary":
            card.add(f"ANNIVERSARY:{_date(moment.day)}")
        else:
            card.labelled("X-ABDATE", moment.label, _date(moment.day))
    for address in draft.addresses:
        value = _structured("", "", *address.parts())
        card.labelled("ADR", address.label, value)
    if home and not any(a.label == "home" for a in draft.addresses):
        card.add(f"ADR;TYPE=home:;;;{escape(home)};;;")
    if draft.tags:
        card.add("CATEGORIES:" + ",".join(escape(tag) for tag in draft.tags))
    if draft.notes:
        card.add(f"NOTE:{escape(draft.notes)}")
    return card


def contact_card(session: Session, contact_id: int) -> str:
    contact = get_contact(session, contact_id)
    draft = draft_of(session, contact)
    home = current_facts(session, contact_id).get("home")
    card = _card_lines(draft, home.text if home is not None else "")
    if contact.photo:
        card.add(f"PHOTO:{to_data_uri(contact.photo)}")
    card.add(f"UID:urn:relationship-journal:contact:{contact_id}")
    lines = ["BEGIN:VCARD", "VERSION:4.0", *card.lines, "END:VCARD"]
    return "".join(fold_line(line) + "\r\n" for line in lines)


def export_vcards(session: Session, contact_ids: Iterable[int]) -> str:
    return "".join(contact_card(session, contact_id) for contact_id in contact_ids)
