"""vCards (2.1, 3.0, 4.0) into import records: everything the card knows about the person
comes in; a value that cannot be understood is kept as written or left out with a warning,
and only a card with nothing to know the person by is refused."""

from __future__ import annotations

from relationship_journal.domain.contact import (
    Address,
    ContactDraft,
    DatedMoment,
    FieldError,
    Labelled,
    check_email,
    compose_name,
)
from relationship_journal.domain.dates import DateError, PartialDate
from relationship_journal.domain.text import clean_block, clean_line
from relationship_journal.exchange.date_values import DateValue, parse_iso_date
from relationship_journal.exchange.labels import label_from_types, web_note
from relationship_journal.exchange.phone_values import from_tel_uri
from relationship_journal.exchange.photos import MAX_PHOTO_BYTES, from_data_uri, media_type
from relationship_journal.exchange.records import ImportFileError, ImportRecord
from relationship_journal.exchange.vcard_parse import Card, Property, VCardSyntaxError, parse_cards

WEB_PROPERTIES = frozenset({"URL", "X-SOCIALPROFILE"})
ANNIVERSARY_PROPERTIES = frozenset(
    {"ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-ABDATE"}
)


def _label(card: Card, prop: Property) -> str:
    label = card.label_for(prop)
    return clean_line(label).lower() if label else label_from_types(prop.types())


def _date(record: ImportRecord, prop: Property, what: str) -> DateValue | None:
    """The date of ``prop``, or None with a warning naming what was left out."""
    text = prop.value.strip()
    omit = prop.param("X-APPLE-OMIT-YEAR")
    try:
        return parse_iso_date(text, int(omit) if omit.isdigit() else None)
    except DateError:
        record.warn(what, f"{what} '{text[:40]}' is not a date: left out")
        return None


def _names(card: Card, record: ImportRecord) -> None:
    draft = record.draft
    n = card.first("N")
    if n is not None:
        values = n.component_values()
        parts = [" ".join(v) for v in values[:3]] + [", ".join(v) for v in values[3:5]]
        family, given, middle, prefix, suffix = [*parts, "", "", "", "", ""][:5]
        draft.family_name = record.line("family name", clean_line(family))
        draft.given_name = record.line("given name", clean_line(given))
        draft.middle_name = record.line("middle name", clean_line(middle))
        draft.name_prefix = record.line("name prefix", clean_line(prefix))
        draft.name_suffix = record.line("name suffix", clean_line(suffix))
    fn = card.first("FN")
    name = clean_line(fn.value) if fn is not None else ""
    name = name or compose_name(draft.given_name, draft.middle_name, draft.family_name)
    org = card.first("ORG")
    if org is not None:
        units = [clean_line(part) for part in org.components()]
        draft.organisation = record.line("organisation", units[0] if units else "")
        draft.org_unit = record.line("department", "; ".join(u for u in units[1:] if u))
    draft.display_name = record.line("name", name)


def _emails(card: Card, record: ImportRecord) -> None:
    for prop in card.all("EMAIL"):
        address = prop.value.strip()
        if not address:
            continue
        try:
            record.draft.emails.append(Labelled(check_email(address), _label(card, prop)))
        except FieldError:
            kind = "an Exchange internal address" if address.startswith("/") else "not an email"
            record.warn("email", f"email '{address[:60]}' is {kind}: left out")


def _phones(card: Card, record: ImportRecord) -> None:
    for prop in card.all("TEL"):
        number = prop.value.strip()
        if number[:4].lower() == "tel:":
            number = from_tel_uri(number)
        number = record.line("phone", clean_line(number))
        if number:
            record.draft.phones.append(Labelled(number, _label(card, prop)))


def _addresses(card: Card, record: ImportRecord) -> None:
    for prop in card.all("ADR"):
        parts = [clean_block(p).replace("\n", ", ") for p in [*prop.components(), *[""] * 7]]
        street = ", ".join(p for p in parts[:3] if p)
        address = Address(_label(card, prop), street, *parts[3:7])
        if not address.is_empty():
            record.draft.addresses.append(address)
    home = [a for a in record.draft.addresses if a.label == "home"]
    untyped = [a for a in record.draft.addresses if not a.label]
    # Where they live: the home address, or an address that says nothing of its kind;
    # never a work address.
    chosen = (home or untyped)[:1]
    if chosen and chosen[0].place():
        record.facts["home"] = record.line("home", chosen[0].place())


def _dates(card: Card, record: ImportRecord, notes: list[str]) -> None:
    draft = record.draft
    bday = card.first("BDAY")
    if bday is not None and bday.value.strip():
        if bday.param("VALUE").upper() == "TEXT":
            # vCard 4.0 allows a birthday in words ("circa 1960"): kept as a note.
            notes.append(f"Birthday: {clean_line(bday.value)}")
        else:
            found = _date(record, bday, "birthday")
            if isinstance(found, PartialDate):
                draft.birthday = found
            elif found is not None:
                notes.append(f"Birthday: {found.label()}")
                record.warn("birthday", f"birthday '{bday.value.strip()}' has no day: in the notes")
    for prop in card.properties:  # in the file's order
        if prop.name not in ANNIVERSARY_PROPERTIES or not prop.value.strip():
            continue
        label = card.label_for(prop).lower() or "anniversary"
        if prop.param("VALUE").upper() == "TEXT":
            notes.append(f"{label.capitalize()}: {clean_line(prop.value)}")
            continue
        found = _date(record, prop, label)
        if isinstance(found, PartialDate):
            draft.anniversaries.append(DatedMoment(clean_line(label), found))
        elif found is not None:
            notes.append(f"{label.capitalize()}: {found.label()}")


def _photo(card: Card, record: ImportRecord) -> None:
    for prop in card.all("PHOTO"):
        data = prop.binary
        value = prop.value.strip()
        if data is None and value[:5].lower() == "data:":
            data = from_data_uri(value)
        if data is None:
            if value:
                record.warn("photo", f"photo is a link ({value[:60]}), not an image: left out")
            continue
        if len(data) > MAX_PHOTO_BYTES or media_type(data) is None:
            record.warn("photo", "photo is not an image this journal can show: left out")
            continue
        record.photo = data
        return


def _web_addresses(card: Card) -> list[str]:
    """Homepages (URL) and profiles (X-SOCIALPROFILE, as Apple writes them): the journal
    keeps them in the notes."""
    found = []
    for prop in card.properties:
        address = clean_line(prop.value)
        if prop.name not in WEB_PROPERTIES or not address:
            continue
        if prop.name == "X-SOCIALPROFILE":
            label = prop.param("TYPE") or prop.param("X-SERVICE-TYPE")
        else:
            label = card.label_for(prop) or label_from_types(prop.types())
        found.append(web_note(label, address))
    return found


def card_to_record(card: Card) -> ImportRecord:
    record = ImportRecord("card", card.number, ContactDraft(display_name=""))
    draft = record.draft
    _names(card, record)
    _emails(card, record)
    _phones(card, record)
    if not draft.display_name:
        fallback = draft.organisation or next(
            (item.value for item in [*draft.emails, *draft.phones]), ""
        )
        draft.display_name = fallback
    for field_name, message in card.problems:
        if field_name == "card":  # about the whole card, not one value
            record.warn(field_name, f"the card {message}")
        else:
            record.warn(field_name, f"{field_name} {message}: left out")
    if not draft.display_name:
        record.refuse("name", "has no name, organisation, email or phone")
    title = card.first("TITLE")
    draft.title = record.line("title", clean_line(title.value)) if title else ""
    role = card.first("ROLE")
    draft.role = record.line("role", clean_line(role.value)) if role else ""
    nickname = card.first("NICKNAME")
    draft.nickname = (
        record.line("nickname", clean_line(", ".join(nickname.values()))) if nickname else ""
    )
    draft.tags = [
        record.line("tag", clean_line(tag))
        for prop in card.all("CATEGORIES")
        for tag in prop.values()
        if clean_line(tag)
    ]
    notes = [prop.value.strip() for prop in card.all("NOTE") if prop.value.strip()]
    _dates(card, record, notes)
    _addresses(card, record)
    _photo(card, record)
    webs = _web_addresses(card)
    notes += ["\n".join(webs)] if webs else []
    for agent in card.agents:
        agent_name = agent.first("FN")
        if agent_name is not None:
            notes.append(f"Assistant: {clean_line(agent_name.value)}")
    draft.notes = record.block("notes", clean_block("\n\n".join(notes)))
    return record


def read_vcards(data: bytes | str) -> list[ImportRecord]:
    try:
        cards = parse_cards(data.encode("utf-8") if isinstance(data, str) else data)
    except VCardSyntaxError as error:
        raise ImportFileError(str(error)) from None
    return [card_to_record(card) for card in cards]
