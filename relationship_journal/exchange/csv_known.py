"""Recognising the CSV exports people bring by their whole header, and guessing the
columns of any other CSV by their exact, well-known names (never by a word inside them:
"Mailing Street" is not an email and "HasOptedOutOfEmail" is not an address)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from relationship_journal.exchange.csv_formats import (
    MULTI_SEPARATOR,
    AddressColumns,
    ColumnMapping,
)
from relationship_journal.exchange.csv_outlook import LANGUAGES, OutlookLanguage

# Share of a file's columns that must belong to a known export for it to be that export.
RECOGNISED_SHARE = 0.75
_GOOGLE_NUMBERED = re.compile(
    r"^(E-mail|Phone|Address|Organization|Website|Relation|Event|Custom Field|IM|"
    r"External ID|Calendar Link|Location|Jot) \d+ - [A-Za-z ]+$"
)
_GOOGLE_FIXED = {
    "Name",
    "Given Name",
    "Additional Name",
    "Family Name",
    "Yomi Name",
    "Given Name Yomi",
    "Additional Name Yomi",
    "Family Name Yomi",
    "Name Prefix",
    "Name Suffix",
    "Initials",
    "Nickname",
    "Short Name",
    "Maiden Name",
    "Birthday",
    "Gender",
    "Location",
    "Billing Information",
    "Directory Server",
    "Mileage",
    "Occupation",
    "Hobby",
    "Sensitivity",
    "Priority",
    "Subject",
    "Notes",
    "Language",
    "Photo",
    "Group Membership",
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Labels",
}


def _numbered(header: set[str], value: str, labels: tuple[str, ...]) -> list[tuple[str, str]]:
    found = []
    for n in range(1, 21):
        column = value.format(n=n)
        if column in header:
            label = next((p.format(n=n) for p in labels if p.format(n=n) in header), "")
            found.append((column, label))
    return found


def google(header: set[str]) -> ColumnMapping | None:
    if not ({"Given Name", "Family Name"} <= header or {"First Name", "Last Name"} <= header):
        return None
    if not ({"Group Membership", "Labels", "File As", "Name Prefix"} & header):
        return None
    old = "Given Name" in header
    mapping = ColumnMapping(
        format_name="Google Contacts",
        name="Name" if "Name" in header else "",
        prefix="Name Prefix",
        given="Given Name" if old else "First Name",
        middle="Additional Name" if old else "Middle Name",
        family="Family Name" if old else "Last Name",
        suffix="Name Suffix",
        nickname="Nickname",
        organisation="Organization 1 - Name" if old else "Organization Name",
        title="Organization 1 - Title" if old else "Organization Title",
        org_unit="Organization 1 - Department" if old else "Organization Department",
        emails=_numbered(header, "E-mail {n} - Value", ("E-mail {n} - Type", "E-mail {n} - Label")),
        phones=_numbered(header, "Phone {n} - Value", ("Phone {n} - Type", "Phone {n} - Label")),
        websites=_numbered(
            header, "Website {n} - Value", ("Website {n} - Type", "Website {n} - Label")
        ),
        birthday="Birthday",
        notes="Notes",
        tags="Group Membership" if old else "Labels",
        tag_separator=MULTI_SEPARATOR,
        assumed_day_first=False,
    )
    for n in range(1, 11):
        if {f"Address {n} - {part}" for part in ("City", "Street", "Formatted")} & header:
            label = next(
                (c for c in (f"Address {n} - Type", f"Address {n} - Label") if c in header), ""
            )
            mapping.addresses.append(
                AddressColumns(
                    label,
                    f"Address {n} - Street",
                    f"Address {n} - City",
                    f"Address {n} - Region",
                    f"Address {n} - Postal Code",
                    f"Address {n} - Country",
                    f"Address {n} - Formatted",
                )
            )
    return mapping


def _google_known(column: str) -> bool:
    return column in _GOOGLE_FIXED or bool(_GOOGLE_NUMBERED.match(column))


# Outlook's web page columns, in each of its languages.
_OUTLOOK_WEB = (
    ("Web Page", ""),
    ("Personal Web Page", "=home"),
    ("Webseite", ""),
    ("Page Web", ""),
    ("Página web", ""),
)


def outlook(language: OutlookLanguage) -> Callable[[set[str]], ColumnMapping | None]:
    def detect(header: set[str]) -> ColumnMapping | None:
        fields = language.fields
        if not {fields["given"], fields["family"], language.emails[0]} <= header:
            return None
        mapping = ColumnMapping(
            format_name=language.name,
            day_first=language.day_first,
            assumed_day_first=language.day_first or False,
        )
        for attribute, column in fields.items():
            if attribute == "anniversary":
                mapping.anniversaries = [(column, "=anniversary")]
            else:
                setattr(mapping, attribute, column)
        mapping.emails = [(c, "") for c in language.emails if c in header]
        mapping.phones = [(c, f"={label}") for c, label in language.phones if c in header]
        mapping.websites = [(c, label) for c, label in _OUTLOOK_WEB if c in header]
        mapping.addresses = [
            AddressColumns("=home", *language.home),
            AddressColumns("=work", *language.work),
        ]
        mapping.tag_separator = ";"
        return mapping

    return detect


def linkedin(header: set[str]) -> ColumnMapping | None:
    for given, family, email, company, position, connected in _LINKEDIN:
        if {given, family, connected} <= header:
            return ColumnMapping(
                format_name="LinkedIn connections",
                given=given,
                family=family,
                organisation=company,
                title=position,
                emails=[(email, "")] if email in header else [],
                websites=[("URL", "=linkedin")] if "URL" in header else [],
                met_on=connected,
                day_first=True,
            )
    return None


_LINKEDIN = (
    ("First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"),
    ("Vorname", "Nachname", "E-Mail-Adresse", "Unternehmen", "Position", "Verbunden am"),
    ("Prénom", "Nom", "Adresse e-mail", "Entreprise", "Poste", "Date de connexion"),
    ("Nombre", "Apellidos", "Dirección de correo electrónico", "Empresa", "Cargo", "Conectado el"),
)
_LINKEDIN_OTHER = {"URL"}


def hubspot(header: set[str]) -> ColumnMapping | None:
    if not {"Record ID", "First Name", "Last Name", "Email"} <= header:
        return None
    return ColumnMapping(
        format_name="HubSpot",
        given="First Name",
        family="Last Name",
        organisation="Company Name" if "Company Name" in header else "Associated Company",
        title="Job Title",
        emails=[("Email", "")],
        phones=[
            (c, f"={label}")
            for c, label in (("Phone Number", "work"), ("Mobile Phone Number", "mobile"))
        ],
        addresses=[
            AddressColumns(
                "=work", "Street Address", "City", "State/Region", "Postal Code", "Country/Region"
            )
        ],
        websites=[("Website URL", "")],
    )


def salesforce(header: set[str]) -> ColumnMapping | None:
    report = {"First Name", "Last Name", "Account Name"} <= header
    loader = {"FIRSTNAME", "LASTNAME"} <= header or {"FirstName", "LastName", "AccountId"} <= header
    if not (report or loader):
        return None
    return _salesforce_report() if report else _salesforce_loader("FIRSTNAME" in header)


def _salesforce_report() -> ColumnMapping:
    return ColumnMapping(
        format_name="Salesforce report",
        assumed_day_first=False,
        prefix="Salutation",
        given="First Name",
        family="Last Name",
        organisation="Account Name",
        org_unit="Department",
        title="Title",
        emails=[("Email", "")],
        phones=[
            (c, f"={label}")
            for c, label in (
                ("Phone", "work"),
                ("Mobile", "mobile"),
                ("Fax", "fax"),
                ("Home Phone", "home"),
                ("Other Phone", "other"),
            )
        ],
        birthday="Birthdate",
        notes="Description",
        addresses=[
            AddressColumns(
                "=work",
                "Mailing Street",
                "Mailing City",
                "Mailing State/Province",
                "Mailing Zip/Postal Code",
                "Mailing Country",
            )
        ],
    )


def _salesforce_loader(upper: bool) -> ColumnMapping:
    def col(name: str) -> str:
        return name.upper() if upper else name

    return ColumnMapping(
        format_name="Salesforce Data Loader",
        prefix=col("Salutation"),
        given=col("FirstName"),
        family=col("LastName"),
        org_unit=col("Department"),
        title=col("Title"),
        emails=[(col("Email"), "")],
        phones=[
            (col(c), f"={label}")
            for c, label in (
                ("Phone", "work"),
                ("MobilePhone", "mobile"),
                ("Fax", "fax"),
                ("HomePhone", "home"),
                ("OtherPhone", "other"),
            )
        ],
        birthday=col("Birthdate"),
        notes=col("Description"),
        addresses=[
            AddressColumns(
                "=work",
                col("MailingStreet"),
                col("MailingCity"),
                col("MailingState"),
                col("MailingPostalCode"),
                col("MailingCountry"),
            )
        ],
        day_first=False,
    )


def thunderbird(header: set[str]) -> ColumnMapping | None:
    if not {"First Name", "Last Name", "Display Name", "Primary Email"} <= header:
        return None
    return ColumnMapping(
        format_name="Thunderbird",
        assumed_day_first=False,
        name="Display Name",
        given="First Name",
        family="Last Name",
        nickname="Nickname",
        organisation="Organization",
        org_unit="Department",
        title="Job Title",
        emails=[("Primary Email", ""), ("Secondary Email", "")],
        phones=[
            (c, f"={label}")
            for c, label in (
                ("Work Phone", "work"),
                ("Home Phone", "home"),
                ("Mobile Number", "mobile"),
                ("Fax Number", "fax"),
                ("Pager Number", "pager"),
            )
        ],
        addresses=[
            AddressColumns(
                "=home", "Home Address", "Home City", "Home State", "Home ZipCode", "Home Country"
            ),
            AddressColumns(
                "=work", "Work Address", "Work City", "Work State", "Work ZipCode", "Work Country"
            ),
        ],
        websites=[("Web Page 1", "=work"), ("Web Page 2", "=home")],
        notes="Notes",
    )


def journal_export(header: set[str]) -> ColumnMapping | None:
    """Our own CSV export (see ``csv_export``), read back losslessly."""
    if not {"Name", "Given Name", "Family Name", "Organisation", "Tier"} <= header:
        return None
    mapping = ColumnMapping(
        format_name="Relationship Journal",
        name="Name",
        prefix="Name Prefix",
        given="Given Name",
        middle="Middle Name",
        family="Family Name",
        suffix="Name Suffix",
        nickname="Nickname",
        organisation="Organisation",
        org_unit="Department",
        title="Title",
        role="Role",
        emails=_numbered(header, "Email {n}", ("Email {n} Label",)),
        phones=_numbered(header, "Phone {n}", ("Phone {n} Label",)),
        birthday="Birthday",
        anniversaries=_numbered(header, "Anniversary {n}", ("Anniversary {n} Label",)),
        notes="Notes",
        tags="Tags",
        tag_separator=MULTI_SEPARATOR,
        day_first=True,
        quoted_formulas=True,
    )
    mapping.addresses = [
        AddressColumns(f"Address {n} Label", *(f"Address {n} {part}" for part in ADDRESS_PARTS))
        for n in range(1, 21)
        if f"Address {n} Label" in header
    ]
    return mapping


ADDRESS_PARTS = ("Street", "City", "Region", "Postcode", "Country")


Detector = Callable[[set[str]], ColumnMapping | None]


def _known_by(names: Iterable[str]) -> Callable[[str], bool]:
    known = set(names)
    return known.__contains__


DETECTORS: tuple[tuple[Detector, Callable[[str], bool] | None], ...] = (
    (journal_export, None),
    (linkedin, _known_by([c for row in _LINKEDIN for c in row] + list(_LINKEDIN_OTHER))),
    (google, _google_known),
    *((outlook(language), _known_by(language.known())) for language in LANGUAGES),
    (thunderbird, None),
    (hubspot, None),
    (salesforce, None),
)


def detect(header: list[str]) -> ColumnMapping | None:
    """The known export whose columns these are, judged by the whole header: its own
    columns must be there and (where we know its full set) make up most of the file."""
    columns = {c for c in header if c}
    for detector, is_known in DETECTORS:
        mapping = detector(columns)
        if mapping is None:
            continue
        if is_known is not None:
            share = sum(1 for c in columns if is_known(c)) / max(len(columns), 1)
            if share < RECOGNISED_SHARE:
                continue
        return mapping
    return None
