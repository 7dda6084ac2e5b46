"""A first guess at an unfamiliar CSV's columns, by exact, well-known column names in the
languages contact files come in. A column whose name is not on the list is not placed:
the user says what it holds (the mapping dialog, or ``--map``), because a word inside a
name ("Mailing Street", "Marketing emails opened", "Phone 1 - Label") says nothing."""

from __future__ import annotations

import re

from relationship_journal.exchange.csv_formats import ColumnMapping

# column name (lower case, single-spaced) → (field, label a phone or email column implies)
_NAMES: dict[str, tuple[str, str]] = {}


def _add(target: str, label: str, *names: str) -> None:
    for name in names:
        _NAMES[name] = (target, label)


_add(
    "name",
    "",
    "name",
    "full name",
    "display name",
    "contact name",
    "contact",
    "nom complet",
    "vollständiger name",
    "nombre completo",
    "anzeigename",
)
_add(
    "given",
    "",
    "first name",
    "firstname",
    "given name",
    "forename",
    "vorname",
    "prénom",
    "prenom",
    "nombre",
)
_add("middle", "", "middle name", "second name", "weitere vornamen", "segundo nombre")
_add(
    "family",
    "",
    "last name",
    "lastname",
    "surname",
    "family name",
    "nachname",
    "nom",
    "apellido",
    "apellidos",
)
_add("prefix", "", "salutation", "prefix", "name prefix", "anrede")
_add("suffix", "", "suffix", "name suffix")
_add("nickname", "", "nickname", "spitzname", "surnom", "apodo")
_add(
    "organisation",
    "",
    "company",
    "company name",
    "organisation",
    "organization",
    "organisation name",
    "organization name",
    "account name",
    "employer",
    "firma",
    "unternehmen",
    "société",
    "entreprise",
    "empresa",
    "organización",
)
_add("org_unit", "", "department", "abteilung", "service", "departamento")
_add("title", "", "job title", "title", "position", "jobtitle", "poste", "cargo", "puesto")
_add("role", "", "role")
_add(
    "email",
    "",
    "email",
    "e-mail",
    "email address",
    "e-mail address",
    "mail",
    "e-mail-adresse",
    "adresse e-mail",
    "courriel",
    "correo electrónico",
    "primary email",
)
_add("email", "work", "work email", "business email", "work e-mail")
_add("email", "home", "home email", "personal email", "private email", "home e-mail")
_add(
    "phone",
    "",
    "phone",
    "phone number",
    "telephone",
    "tel",
    "tel.",
    "telefon",
    "téléphone",
    "teléfono",
    "telefonnummer",
)
_add(
    "phone",
    "mobile",
    "mobile",
    "mobile phone",
    "cell",
    "cell phone",
    "mobil",
    "mobiltelefon",
    "handy",
    "portable",
    "móvil",
)
_add("phone", "work", "work phone", "business phone", "office phone", "telefon geschäftlich")
_add("phone", "home", "home phone", "telefon privat")
_add("phone", "fax", "fax", "fax number", "telefax")
_add(
    "birthday",
    "",
    "birthday",
    "birth date",
    "birthdate",
    "date of birth",
    "dob",
    "geburtstag",
    "geburtsdatum",
    "date de naissance",
    "cumpleaños",
    "fecha de nacimiento",
)
_add("anniversary", "", "anniversary", "jahrestag")
_add(
    "notes",
    "",
    "notes",
    "note",
    "comments",
    "comment",
    "remarks",
    "description",
    "notizen",
    "bemerkungen",
    "remarques",
    "notas",
)
_add("tags", "", "tags", "categories", "labels", "groups", "kategorien", "catégories", "categorías")
_add("city", "", "city", "town", "ort", "stadt", "ville", "ciudad")
_add("met_on", "", "connected on", "met on")
_add("website", "", "website", "web site", "web page", "homepage", "url", "webseite", "site web")
_PAREN = re.compile(r"^(e-?mail|phone|telephone|tel)\s*\((\w[\w ]*)\)$")


def _key(column: str) -> str:
    return " ".join(column.strip().lower().replace("_", " ").split())


def guess(header: list[str]) -> tuple[ColumnMapping, list[str]]:
    """The guessed mapping and the columns it could not place."""
    mapping = ColumnMapping(format_name="CSV (columns guessed)")
    unplaced: list[str] = []
    for column in header:
        if not column.strip():
            continue
        key = _key(column)
        found = _NAMES.get(key)
        if found is None and (match := _PAREN.match(key)):  # "Email (Work)", "Phone (Mobile)"
            found = ("email" if "mail" in match.group(1) else "phone", match.group(2))
        if found is None:
            unplaced.append(column)
            continue
        target, label = found
        if target == "email":
            mapping.emails.append((column, f"={label}" if label else ""))
        elif target == "phone":
            mapping.phones.append((column, f"={label}" if label else ""))
        elif target == "anniversary":
            mapping.anniversaries.append((column, "=anniversary"))
        elif target == "website":
            mapping.websites.append((column, ""))
        elif getattr(mapping, target):
            unplaced.append(column)  # a second column for the same field: ask
        else:
            setattr(mapping, target, column)
    return mapping, unplaced
