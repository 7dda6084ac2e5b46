"""CSV exports of Google Contacts, Outlook and LinkedIn, and other spreadsheets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from relationship_journal.domain.dates import DateError, PartialDate
from relationship_journal.exchange.csv_formats import ColumnMapping
from relationship_journal.exchange.csv_import import parse_csv_date, read_csv, street_of
from relationship_journal.exchange.import_plan import read_file
from relationship_journal.exchange.records import ImportFileError, UnsureColumnsError

DATA = Path(__file__).resolve().parents[2] / "data" / "import"


def test_google_contacts_current_export() -> None:
    records, fmt, _ = read_file(DATA / "google-contacts.csv")
    assert fmt == "Google Contacts"
    olu = records[0].draft
    assert olu.display_name == "Olumide Adeyemi"
    assert olu.title == "Director, Corporate Banking"
    assert (olu.emails[0].value, olu.emails[0].label) == ("o.adeyemi@brightwater.example", "work")
    assert len(olu.phones) == 3  # two numbers in one cell, split on " ::: "
    assert olu.tags == ["Clients"]  # "* myContacts" is Google's own group, not a tag
    assert "Arsenal" in olu.notes
    assert records[1].draft.birthday == PartialDate(3, 14)
    noah = records[2]
    assert noah.valid, "one odd field never keeps a person out"
    assert str(noah.problems[0]) == (
        "row 3, Noah Williams: birthday 'not known' is not a date: left out"
    )


def test_google_websites_and_a_formatted_address_without_its_street() -> None:
    """Google writes the whole address in "Formatted" and may leave "Street" out; web
    addresses are kept in the notes, the journal having no field for them."""
    (record,) = read_file(DATA / "google-formatted-website.csv")[0]
    work, home = record.draft.addresses
    assert (work.label, work.street, work.locality, work.country) == (
        "work",
        "Calle Mayor 1",
        "Madrid",
        "Spain",
    )
    assert (home.street, home.locality) == ("Flat 2, 14 Rose Lane", "Bristol")
    assert record.draft.notes == (
        "Prefers WhatsApp.\nProfile: https://iberia.example/maria\nWeb: https://maria.example"
    )
    assert not record.problems


def test_google_legacy_export() -> None:
    records, fmt, _ = read_file(DATA / "google-contacts-legacy.csv")
    assert fmt == "Google Contacts"
    assert records[0].draft.organisation == "Kestrel Software"
    assert records[0].draft.tags == ["Partners"]


def test_outlook_export_with_us_dates_and_empty_dates() -> None:
    records, fmt, _ = read_file(DATA / "outlook-contacts.csv")
    assert fmt == "Outlook"
    daniel, elodie = (r.draft for r in records)
    assert daniel.birthday == PartialDate(4, 12, 1985)
    assert daniel.tags == ["Clients", "Insurance"]
    assert elodie.display_name == "Élodie Martin" and elodie.birthday is None


def test_linkedin_preamble_and_connection_date_becomes_when_we_met() -> None:
    records, fmt, _ = read_file(DATA / "linkedin-Connections.csv")
    assert fmt == "LinkedIn connections"
    assert [r.draft.display_name for r in records] == [
        "Isabella García",
        "Rafael Costa",
        "Björn Svensson",
    ]
    assert records[0].draft.met_on == date(2026, 9, 26)
    assert records[0].draft.notes == (
        "LinkedIn: https://www.linkedin.com/in/isabella-garcia-example"
    )
    assert records[2].draft.organisation == "Meridian Energy, Sweden"


def test_unknown_columns_are_guessed_or_mapped() -> None:
    records, fmt, _mapping = read_file(DATA / "custom-columns.csv")
    assert fmt == "CSV (columns guessed)"
    assert records[0].draft.birthday == PartialDate(3, 12, 1976)
    data = b"Who,Where,Mail\nAnna Lind,Kestrel,anna@example.com\n"
    with pytest.raises(UnsureColumnsError) as unsure:
        read_csv(data)
    assert unsure.value.unplaced == ["Who", "Where"]
    mapped, _ = read_csv(
        data, ColumnMapping(name="Who", organisation="Where", emails=[("Mail", "")])
    )
    assert mapped[0].draft.organisation == "Kestrel"
    with pytest.raises(ImportFileError, match="no column 'Phone'"):
        read_csv(data, ColumnMapping(name="Who", phones=[("Phone", "")]))


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("1985-04-12", True, PartialDate(4, 12, 1985)),
        ("--04-12", True, PartialDate(4, 12)),
        ("4/12/1985", False, PartialDate(4, 12, 1985)),
        ("12/4/1985", True, PartialDate(4, 12, 1985)),
        ("12.04.1985", True, PartialDate(4, 12, 1985)),
        ("12 Apr 1985", True, PartialDate(4, 12, 1985)),
        ("Apr 12, 1985", True, PartialDate(4, 12, 1985)),
    ],
)
def test_dates_as_people_write_them(text: str, day_first: bool, expected: PartialDate) -> None:
    assert parse_csv_date(text, day_first) == expected


@pytest.mark.parametrize(
    ("formatted", "others", "street"),
    [
        ("Calle Mayor 1, Madrid", ["Madrid", "", "Spain"], "Calle Mayor 1"),
        ("1 Main St\nSeattle WA 98101\nUSA", ["Seattle"], "1 Main St"),
        ("Apt 4, 12 Main St, Springfield", ["springfield"], "Apt 4, 12 Main St"),
        ("12 Main St", [], "12 Main St"),
        ("Madrid", ["Madrid"], ""),
    ],
)
def test_the_street_of_a_whole_address(formatted: str, others: list[str], street: str) -> None:
    assert street_of(formatted, others) == street


def test_impossible_dates_are_refused() -> None:
    with pytest.raises(DateError):
        parse_csv_date("31/02/2020", False)
