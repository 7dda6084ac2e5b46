"""The CSV layouts people bring: Google Contacts, Outlook, LinkedIn connections, and any
other CSV through a column mapping."""

from __future__ import annotations

from dataclasses import dataclass, field

MULTI_SEPARATOR = " ::: "  # how Google puts several values in one cell


@dataclass
class ColumnMapping:
    """Which column holds what. Several email or phone columns are allowed."""

    format_name: str = "CSV"
    name: str = ""
    given: str = ""
    middle: str = ""
    family: str = ""
    nickname: str = ""
    organisation: str = ""
    title: str = ""
    emails: list[tuple[str, str]] = field(default_factory=list)  # (value column, label column)
    phones: list[tuple[str, str]] = field(default_factory=list)
    birthday: str = ""
    notes: str = ""
    tags: str = ""
    tag_separator: str = ","
    met_on: str = ""
    city: str = ""
    month_first: bool = False  # True: 4/12/1985 is 12 April (US style); False: 4 December

    def used_columns(self) -> set[str]:
        single = {
            self.name,
            self.given,
            self.middle,
            self.family,
            self.nickname,
            self.organisation,
            self.title,
            self.birthday,
            self.notes,
            self.tags,
            self.met_on,
            self.city,
        }
        pairs = {c for pair in self.emails + self.phones for c in pair}
        return {c for c in single | pairs if c}


def _numbered(
    header: set[str], pattern: str, label_patterns: tuple[str, ...]
) -> list[tuple[str, str]]:
    """Numbered value columns ("E-mail 1 - Value") with their label columns, whichever of
    the label spellings ("- Type" before 2023, "- Label" after) the file uses."""
    found = []
    for n in range(1, 11):
        value = pattern.format(n=n)
        if value in header:
            labels = [p.format(n=n) for p in label_patterns if p.format(n=n) in header]
            found.append((value, labels[0] if labels else ""))
    return found


def google(header: set[str]) -> ColumnMapping | None:
    old = "Given Name" in header and "E-mail 1 - Value" in header
    new = "First Name" in header and "E-mail 1 - Value" in header and "Labels" in header
    if not (old or new or ("Name" in header and "Group Membership" in header)):
        return None
    return ColumnMapping(
        format_name="Google Contacts",
        name="Name" if "Name" in header else "",
        given="Given Name" if old else "First Name",
        middle="Additional Name" if old else "Middle Name",
        family="Family Name" if old else "Last Name",
        nickname="Nickname",
        organisation="Organization 1 - Name" if old else "Organization Name",
        title="Organization 1 - Title" if old else "Organization Title",
        emails=_numbered(header, "E-mail {n} - Value", ("E-mail {n} - Type", "E-mail {n} - Label")),
        phones=_numbered(header, "Phone {n} - Value", ("Phone {n} - Type", "Phone {n} - Label")),
        birthday="Birthday",
        notes="Notes",
        tags="Group Membership" if old else "Labels",
        tag_separator=MULTI_SEPARATOR,
        city="Address 1 - City",
    )


OUTLOOK_PHONES = (
    ("Mobile Phone", "mobile"),
    ("Business Phone", "work"),
    ("Business Phone 2", "work"),
    ("Home Phone", "home"),
    ("Home Phone 2", "home"),
    ("Primary Phone", "main"),
    ("Company Main Phone", "work"),
    ("Other Phone", "other"),
)


def outlook(header: set[str]) -> ColumnMapping | None:
    if "E-mail Address" not in header or not ({"Company", "Job Title"} & header):
        return None
    return ColumnMapping(
        format_name="Outlook",
        given="First Name",
        middle="Middle Name",
        family="Last Name",
        nickname="Nickname",
        organisation="Company",
        title="Job Title",
        emails=[
            (column, "")
            for column in ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
            if column in header
        ],
        phones=[(column, f"={label}") for column, label in OUTLOOK_PHONES if column in header],
        birthday="Birthday",
        notes="Notes",
        tags="Categories",
        tag_separator=";",
        city="Home City",
        month_first=True,
    )


def linkedin(header: set[str]) -> ColumnMapping | None:
    if not {"First Name", "Last Name", "Connected On"} <= header:
        return None
    return ColumnMapping(
        format_name="LinkedIn connections",
        given="First Name",
        family="Last Name",
        organisation="Company",
        title="Position",
        emails=[("Email Address", "")] if "Email Address" in header else [],
        met_on="Connected On",
    )


_GUESSES: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "display name", "contact", "contact name"),
    "given": ("first name", "given name", "firstname", "vorname", "prénom", "nombre"),
    "family": ("last name", "family name", "surname", "lastname", "nachname", "nom", "apellido"),
    "organisation": ("company", "organisation", "organization", "org", "firma", "employer"),
    "title": ("title", "job title", "position", "role"),
    "birthday": ("birthday", "birth date", "date of birth", "dob", "geburtstag"),
    "notes": ("notes", "note", "comments", "remarks"),
    "tags": ("tags", "categories", "labels", "groups"),
}
_EMAIL_WORDS = ("email", "e-mail", "mail")
_PHONE_WORDS = ("phone", "mobile", "tel", "cell", "telefon")


def guess(header: list[str]) -> ColumnMapping:
    """A first guess for an unknown CSV, for the mapping dialog to start from."""
    mapping = ColumnMapping(format_name="CSV (columns guessed)")
    lowered = {column.strip().lower(): column for column in header}
    for attribute, names in _GUESSES.items():
        for candidate in names:
            if candidate in lowered:
                setattr(mapping, attribute, lowered[candidate])
                break
    for key, column in lowered.items():
        if any(word in key for word in _EMAIL_WORDS) and "type" not in key:
            mapping.emails.append((column, ""))
        elif any(word in key for word in _PHONE_WORDS) and "type" not in key:
            mapping.phones.append((column, ""))
    return mapping


def detect(header: list[str]) -> ColumnMapping | None:
    columns = set(header)
    for detector in (linkedin, google, outlook):
        mapping = detector(columns)
        if mapping is not None:
            return mapping
    return None


def is_usable(mapping: ColumnMapping) -> bool:
    """A mapping that can name a contact."""
    return bool(mapping.name or mapping.given or mapping.family)
