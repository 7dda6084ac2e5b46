"""Which column of a CSV holds what: the mapping every CSV import goes through, whether
it comes from a recognised export, from a guess, or from the user."""

from __future__ import annotations

from dataclasses import dataclass, field

MULTI_SEPARATOR = " ::: "  # how Google (and our own export) put several values in one cell

# Fields a single column can be mapped to, by the name ``--map COLUMN=FIELD`` uses.
SINGLE_FIELDS = (
    "name",
    "prefix",
    "given",
    "middle",
    "family",
    "suffix",
    "nickname",
    "organisation",
    "org_unit",
    "title",
    "role",
    "birthday",
    "notes",
    "tags",
    "met_on",
    "city",
)
MULTI_FIELDS = ("email", "phone", "anniversary", "website")
IGNORE = "ignore"


@dataclass
class AddressColumns:
    label: str
    street: str = ""
    locality: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""
    # The whole address in one cell (Google's "Formatted"): its street where none is given.
    formatted: str = ""

    def columns(self) -> set[str]:
        parts = (self.street, self.locality, self.region, self.postcode, self.country)
        return {*parts, self.formatted} - {""}


@dataclass
class ColumnMapping:
    """Which column holds what. Several email, phone and address columns are allowed; a
    label is a column name, or "=text" for a label the column itself implies."""

    format_name: str = "CSV"
    name: str = ""
    prefix: str = ""
    given: str = ""
    middle: str = ""
    family: str = ""
    suffix: str = ""
    nickname: str = ""
    organisation: str = ""
    org_unit: str = ""
    title: str = ""
    role: str = ""
    emails: list[tuple[str, str]] = field(default_factory=list)  # (value column, label)
    phones: list[tuple[str, str]] = field(default_factory=list)
    addresses: list[AddressColumns] = field(default_factory=list)
    anniversaries: list[tuple[str, str]] = field(default_factory=list)
    # Web addresses (a homepage, a LinkedIn profile): the journal keeps them in the notes.
    websites: list[tuple[str, str]] = field(default_factory=list)
    birthday: str = ""
    notes: str = ""
    tags: str = ""
    tag_separator: str = ","
    met_on: str = ""
    city: str = ""  # a lone "City" column: where they live
    # Numeric dates: True day first (15/04/1985), False month first (4/15/1985), None to
    # work out from the column (and ask when every value reads both ways).
    day_first: bool | None = None
    # What a known export means when every numeric date reads both ways (Outlook in
    # English: month first); None for a CSV of unknown origin, where the user is asked.
    assumed_day_first: bool | None = None
    # Cells our own export protected against spreadsheet formulas start with "'".
    quoted_formulas: bool = False
    ignored: set[str] = field(default_factory=set)  # columns the user chose to leave out

    def used_columns(self) -> set[str]:
        single = {getattr(self, name) for name in SINGLE_FIELDS}
        pairs = {
            c
            for pair in self.emails + self.phones + self.anniversaries + self.websites
            for c in pair
            if not c.startswith("=")
        }
        places = {c for address in self.addresses for c in address.columns()}
        return {c for c in single | pairs | places if c}

    def date_columns(self) -> list[str]:
        return [c for c in (self.birthday, self.met_on, *(a for a, _ in self.anniversaries)) if c]

    def is_usable(self) -> bool:
        """Whether the mapping can name a contact."""
        return bool(
            self.name or self.given or self.family or self.organisation or self.emails
        ) or bool(self.phones)

    def assign(self, column: str, target: str) -> None:
        """Map ``column`` to ``target`` (one of SINGLE_FIELDS, MULTI_FIELDS or "ignore")."""
        target = target.strip().lower()
        if target == IGNORE:
            self.ignored.add(column)
        elif target == "email":
            self.emails.append((column, ""))
        elif target == "phone":
            self.phones.append((column, ""))
        elif target == "anniversary":
            self.anniversaries.append((column, "=anniversary"))
        elif target == "website":
            self.websites.append((column, ""))
        elif target in SINGLE_FIELDS:
            setattr(self, target, column)
        else:
            known = ", ".join((*SINGLE_FIELDS, *MULTI_FIELDS, IGNORE))
            raise ValueError(f"'{target}' is not a contact field (use one of {known})")
