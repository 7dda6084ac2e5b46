"""What the user fills in for a contact, and the rules each field must meet."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from relationship_journal.domain.dates import DateError, PartialDate, check_year
from relationship_journal.domain.taxonomy import TIERS
from relationship_journal.domain.text import clean_block, clean_line

# An address as mail programs keep it: something@somewhere. Local domains without a dot
# ("contact1@invalid", "jane@localhost") are addresses too.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_EXTENSION = re.compile(r"(?:;ext=|\s*(?:ext\.?|x|#)\s*)(\d+)$", re.IGNORECASE)
MAX_CADENCE_DAYS = 3650
# Longest one-line value (names, titles, labels) and longest note the journal keeps: far
# beyond any real name, short enough that a damaged file cannot fill the journal.
MAX_LINE = 1000
MAX_BLOCK = 2_000_000
# Fewer digits than this cannot tell two numbers apart (extensions, short codes).
MIN_MATCH_DIGITS = 6


class FieldError(ValueError):
    """A field the user filled in wrongly: ``field`` names it, the message says why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


def phone_key(number: str) -> str:
    """The digits that identify a number however it is written, for matching.

    "+44 20 7946 0958", "0044 20 7946 0958", "tel:+44-20-7946-0958" and "020 7946 0958"
    all give "2079460958": the number without its country code (found in libphonenumber's
    table of calling codes) and without the leading zeros of a trunk prefix, because the
    same person's number is written internationally in one address book and locally in
    another. Vanity letters count as their digits; an extension, and the digits dialled
    after a pause, are left out.
    """
    text = number.strip()
    if text[:4].lower() == "tel:":
        text = text[4:]
    # What follows a pause or wait (p, w or a comma) is dialled after the call connects.
    text = _EXTENSION.sub("", _PAUSE.split(text, 1)[0])
    digits = _NON_DIGITS.sub("", text.upper().translate(_KEYPAD))
    international = text.lstrip().startswith("+") or digits.startswith("00")
    if international:
        digits = digits.lstrip("0")
        codes = _calling_codes()
        for length in (1, 2, 3):
            if int(digits[:length] or 0) in codes:
                digits = digits[length:]
                break
    return digits.lstrip("0")


_NON_DIGITS = re.compile(r"\D")
_PAUSE = re.compile(r"[pw,;]")
_KEYPAD = str.maketrans(
    {
        ch: str(digit)
        for digit, letters in enumerate(
            ("", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ")
        )
        for ch in letters
    }
)


@cache
def _calling_codes() -> frozenset[int]:
    import phonenumbers  # deferred: 25 ms of import that opening the window does not need

    return frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


def _east_asian(text: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text)


def compose_name(given: str, middle: str, family: str) -> str:
    """The name as people say it: "Jane Q. Roe", but "山田 太郎", family name first, for
    Japanese, Chinese and Korean names."""
    if _east_asian(family + given):
        return clean_line(f"{family} {given}")
    return clean_line(f"{given} {middle} {family}")


def check_email(address: str) -> str:
    value = address.strip()
    if not _EMAIL.match(value) or len(value) > MAX_LINE:
        raise FieldError("email", f"'{address}' is not an email address")
    return value


def check_phone(number: str) -> str:
    """A phone number as written: pauses, extensions, letters and local forms are all kept,
    since the user dials what they see."""
    value = clean_line(number)
    if not value:
        raise FieldError("phone", "a phone number cannot be empty")
    if len(value) > MAX_LINE:
        raise FieldError("phone", f"'{value[:40]}…' is too long for a phone number")
    return value


def check_line(field_name: str, text: str) -> str:
    value = clean_line(text)
    if len(value) > MAX_LINE:
        raise FieldError(field_name, f"{field_name} is longer than {MAX_LINE} characters")
    return value


@dataclass
class Labelled:
    value: str
    label: str = ""


@dataclass
class Address:
    """A postal address as vCard's ADR keeps it; ``label`` is its type (home, work, …)."""

    label: str = ""
    street: str = ""
    locality: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""

    def parts(self) -> tuple[str, str, str, str, str]:
        return (self.street, self.locality, self.region, self.postcode, self.country)

    def is_empty(self) -> bool:
        return not any(self.parts())

    def place(self) -> str:
        """Where it is, in a few words: locality, region, country (or the street)."""
        words = [p for p in (self.locality, self.region, self.country) if p]
        return ", ".join(words) or self.street

    def cleaned(self) -> Address:
        return Address(
            check_line("address", self.label),
            *(clean_block(p).replace("\n", ", ")[:MAX_LINE] for p in self.parts()),
        )


@dataclass
class DatedMoment:
    """A yearly day that matters besides the birthday: a wedding, a founding, a first day."""

    label: str
    day: PartialDate


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
    # The rest of the structured name (vCard N), the department and the role.
    name_prefix: str = ""
    middle_name: str = ""
    name_suffix: str = ""
    org_unit: str = ""
    role: str = ""
    addresses: list[Address] = field(default_factory=list)
    anniversaries: list[DatedMoment] = field(default_factory=list)

    def cleaned(self) -> ContactDraft:
        """A copy with whitespace and control characters tidied; raises ``FieldError``."""
        name = check_line("name", self.display_name) or clean_line(
            f"{self.given_name} {self.family_name}"
        )
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
        notes = clean_block(self.notes)
        if len(notes) > MAX_BLOCK:
            raise FieldError("notes", f"notes are longer than {MAX_BLOCK} characters")
        tags: list[str] = []
        for tag in self.tags:
            cleaned_tag = check_line("tag", tag)
            if cleaned_tag and cleaned_tag.casefold() not in {t.casefold() for t in tags}:
                tags.append(cleaned_tag)
        return ContactDraft(
            display_name=check_line("name", name),
            given_name=check_line("given name", self.given_name),
            family_name=check_line("family name", self.family_name),
            nickname=check_line("nickname", self.nickname),
            organisation=check_line("organisation", self.organisation),
            title=check_line("title", self.title),
            emails=[Labelled(check_email(e.value), clean_line(e.label)) for e in self.emails],
            phones=[Labelled(check_phone(p.value), clean_line(p.label)) for p in self.phones],
            birthday=self.birthday,
            relationship_type=check_line("relationship", self.relationship_type),
            tier=tier,
            cadence_days=self.cadence_days,
            met_on=self.met_on,
            met_how=clean_block(self.met_how)[:MAX_LINE],
            notes=notes,
            tags=tags,
            custom=dict(self.custom),
            name_prefix=check_line("name prefix", self.name_prefix),
            middle_name=check_line("middle name", self.middle_name),
            name_suffix=check_line("name suffix", self.name_suffix),
            org_unit=check_line("department", self.org_unit),
            role=check_line("role", self.role),
            addresses=[a.cleaned() for a in self.addresses if not a.is_empty()],
            anniversaries=[
                DatedMoment(check_line("anniversary", m.label) or "anniversary", m.day)
                for m in self.anniversaries
            ],
        )


def parse_birthday(text: str) -> PartialDate | None:
    """A birthday as typed in a form: empty, ``YYYY-MM-DD`` or ``--MM-DD``."""
    if not text.strip():
        return None
    try:
        return PartialDate.parse(text)
    except DateError as error:
        raise FieldError("birthday", str(error)) from None
