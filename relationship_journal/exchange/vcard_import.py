"""vCards (2.1, 3.0, 4.0) into import records, with a problem listed per bad field."""

from __future__ import annotations

import re

from relationship_journal.domain.contact import (
    ContactDraft,
    FieldError,
    Labelled,
    check_email,
    check_phone,
)
from relationship_journal.domain.dates import DateError, PartialDate, check_year
from relationship_journal.domain.text import clean_line
from relationship_journal.exchange.records import ImportFileError, ImportRecord
from relationship_journal.exchange.vcard_parse import Card, Property, VCardSyntaxError, parse_cards

# Apple writes a year-less birthday with this placeholder year and X-APPLE-OMIT-YEAR.
_NO_YEAR_PLACEHOLDERS = {1604, 1900}
_ISO_DAY = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_TYPE_LABELS = {
    "WORK": "work",
    "HOME": "home",
    "CELL": "mobile",
    "MOBILE": "mobile",
    "IPHONE": "mobile",
    "FAX": "fax",
    "MAIN": "main",
    "OTHER": "other",
    "PAGER": "pager",
    "VOICE": "",
    "INTERNET": "",
    "PREF": "",
    "X400": "",
}


def parse_birthday_value(prop: Property) -> PartialDate:
    """Every form phones write: 1985-04-12, 19850412, --0412, --04-12, 1604-04-12 with
    X-APPLE-OMIT-YEAR, timestamps. A text birthday raises ``DateError``."""
    text = prop.value.strip()
    if match := _NO_YEAR.match(text):
        return PartialDate(int(match.group(1)), int(match.group(2)))
    if match := _ISO_DAY.match(text):
        year, month, day = (int(part) for part in match.groups())
        omit = prop.params.get("X-APPLE-OMIT-YEAR")
        if (omit and str(year) in omit) or year in _NO_YEAR_PLACEHOLDERS:
            return PartialDate(month, day)
        check_year(year)
        return PartialDate(month, day, year)
    raise DateError(f"'{text}' is not a date")


def _label(card: Card, prop: Property) -> str:
    label = card.label_for(prop)
    if label:
        return clean_line(label).lower()
    # The most telling type first: CELL over VOICE, WORK over INTERNET.
    for kind in sorted(prop.types(), key=lambda t: _TYPE_LABELS.get(t, t.lower()) == ""):
        mapped = _TYPE_LABELS.get(kind, kind.lower())
        if mapped:
            return mapped
    return ""


def _display_name(card: Card) -> tuple[str, str, str]:
    given = family = ""
    n = card.first("N")
    if n is not None:
        parts = [*n.components(), "", ""]
        family, given = clean_line(parts[0]), clean_line(parts[1])
    fn = card.first("FN")
    name = clean_line(fn.value) if fn is not None else ""
    if not name:
        name = clean_line(f"{given} {family}")
    return name, given, family


def card_to_record(card: Card) -> ImportRecord:
    name, given, family = _display_name(card)
    org = card.first("ORG")
    organisation = clean_line(org.components()[0]) if org is not None else ""
    emails_raw = [(p.value.strip(), _label(card, p)) for p in card.all("EMAIL") if p.value.strip()]
    if not name:
        name = organisation or (emails_raw[0][0] if emails_raw else "")
    draft = ContactDraft(display_name=name, given_name=given, family_name=family)
    record = ImportRecord("card", card.number, draft)
    if not name:
        record.problem("name", "has no name, organisation or email")
    draft.organisation = organisation
    title = card.first("TITLE")
    draft.title = clean_line(title.value) if title is not None else ""
    nickname = card.first("NICKNAME")
    draft.nickname = clean_line(nickname.value) if nickname is not None else ""
    for address, label in emails_raw:
        try:
            draft.emails.append(Labelled(check_email(address), label))
        except FieldError:
            record.problem("email", f"email '{address}' is not an email address")
    for prop in card.all("TEL"):
        number = prop.value.strip()
        if number.lower().startswith("tel:"):
            number = number[4:]
        if not number:
            continue
        try:
            draft.phones.append(Labelled(check_phone(number), _label(card, prop)))
        except FieldError:
            record.problem("phone", f"phone '{number}' is not a phone number")
    bday = card.first("BDAY")
    text_birthday = ""
    if bday is not None and bday.value.strip():
        if "TEXT" in {v.upper() for v in bday.params.get("VALUE", [])}:
            # vCard 4.0 allows a birthday in words ("circa 1960"): kept as a note.
            text_birthday = f"Birthday: {clean_line(bday.value)}"
        else:
            try:
                draft.birthday = parse_birthday_value(bday)
            except DateError:
                record.problem("birthday", f"birthday '{bday.value.strip()}' is not a date")
    categories = [
        clean_line(tag)
        for prop in card.all("CATEGORIES")
        for tag in prop.value.split(",")
        if clean_line(tag)
    ]
    draft.tags = categories
    notes = [prop.value.strip() for prop in card.all("NOTE") if prop.value.strip()]
    for prop in [*card.all("ANNIVERSARY"), *card.all("X-ANNIVERSARY")]:
        notes.append(f"Anniversary: {prop.value.strip()}")
    if text_birthday:
        notes.append(text_birthday)
    draft.notes = "\n\n".join(notes)
    home = _home(card)
    if home:
        record.facts["home"] = home
    photo = card.first("PHOTO")
    if photo is not None and photo.binary:
        record.photo = photo.binary
    return record


def _home(card: Card) -> str:
    """Where they live, from the home address (or the only address): locality, region, country."""
    addresses = card.all("ADR")
    home = [a for a in addresses if "HOME" in a.types() or card.label_for(a).lower() == "home"]
    chosen = (home or addresses)[:1]
    if not chosen:
        return ""
    parts = [*chosen[0].components(), *[""] * 7]
    street, locality, region, country = parts[2], parts[3], parts[4], parts[6]
    place = ", ".join(clean_line(p) for p in (locality, region, country) if clean_line(p))
    return place or clean_line(street)


def read_vcards(text: str) -> list[ImportRecord]:
    try:
        cards = parse_cards(text)
    except VCardSyntaxError as error:
        raise ImportFileError(str(error)) from None
    return [card_to_record(card) for card in cards]
