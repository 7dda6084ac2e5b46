"""What the user fills in for a contact, and the rules each field must meet."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from relationship_journal.domain.dates import DateError, PartialDate, check_year
from relationship_journal.domain.taxonomy import TIERS
from relationship_journal.domain.text import clean_block, clean_line

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^[+0-9 ()./\-]+(?:\s*(?:x|ext\.?)\s*\d+)?$", re.IGNORECASE)
MAX_CADENCE_DAYS = 3650


class FieldError(ValueError):
    """A field the user filled in wrongly: ``field`` names it, the message says why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


def phone_digits(number: str) -> str:
    """Digits of a phone number for matching ("+44 20 7946 0958" and "020 7946 0958" differ;
    the last nine digits are what people share across formats)."""
    digits = re.sub(r"\D", "", number)
    return digits[-9:]


def check_email(address: str) -> str:
    value = address.strip()
    if not _EMAIL.match(value):
        raise FieldError("email", f"'{address}' is not an email address")
    return value


def check_phone(number: str) -> str:
    value = clean_line(number)
    if not _PHONE_CHARS.match(value) or len(re.sub(r"\D", "", value)) < 3:
        raise FieldError("phone", f"'{number}' is not a phone number")
    return value


@dataclass
class Labelled:
    value: str
    label: str = ""


@dataclass
class ContactDraft:
    """A contact as typed: validated by ``cleaned()`` before anything is stored."""

    display_name: str
    given_name: str = ""
    family_name: str = ""
    nickname: str = ""
    organisation: str = ""
    title: str = ""
    emails: list[Labelled] = field(default_factory=list)
    phones: list[Labelled] = field(default_factory=list)
    birthday: PartialDate | None = None
    relationship_type: str = ""
    tier: str = "standard"
    cadence_days: int | None = None
    met_on: date | None = None
    met_how: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    # Answers to the journal's custom fields, by field id; checked by the store against
    # each field's type.
    custom: dict[int, str] = field(default_factory=dict)

    def cleaned(self) -> ContactDraft:
        """A copy with whitespace and control characters tidied; raises ``FieldError``."""
        name = clean_line(self.display_name) or clean_line(f"{self.given_name} {self.family_name}")
        if not name:
            raise FieldError("name", "a contact needs a name")
        tier = self.tier.strip().lower() or "standard"
        if tier not in TIERS:
            raise FieldError("tier", f"tier must be one of {', '.join(TIERS)}, not '{self.tier}'")
        if self.cadence_days is not None and not 1 <= self.cadence_days <= MAX_CADENCE_DAYS:
            raise FieldError("cadence", f"cadence must be 1–{MAX_CADENCE_DAYS} days")
        if self.met_on is not None:
            try:
                check_year(self.met_on.year)
            except DateError as error:
                raise FieldError("met_on", str(error)) from None
        tags: list[str] = []
        for tag in self.tags:
            cleaned_tag = clean_line(tag)
            if cleaned_tag and cleaned_tag.casefold() not in {t.casefold() for t in tags}:
                tags.append(cleaned_tag)
        return ContactDraft(
            display_name=name,
            given_name=clean_line(self.given_name),
            family_name=clean_line(self.family_name),
            nickname=clean_line(self.nickname),
            organisation=clean_line(self.organisation),
            title=clean_line(self.title),
            emails=[Labelled(check_email(e.value), clean_line(e.label)) for e in self.emails],
            phones=[Labelled(check_phone(p.value), clean_line(p.label)) for p in self.phones],
            birthday=self.birthday,
            relationship_type=clean_line(self.relationship_type),
            tier=tier,
            cadence_days=self.cadence_days,
            met_on=self.met_on,
            met_how=clean_block(self.met_how),
            notes=clean_block(self.notes),
            tags=tags,
            custom=dict(self.custom),
        )


def parse_birthday(text: str) -> PartialDate | None:
    """A birthday as typed in a form: empty, ``YYYY-MM-DD`` or ``--MM-DD``."""
    if not text.strip():
        return None
    try:
        return PartialDate.parse(text)
    except DateError as error:
        raise FieldError("birthday", str(error)) from None
