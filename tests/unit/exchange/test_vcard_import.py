"""vCards as phones and mail programs write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from relationship_journal.domain.dates import PartialDate
from relationship_journal.exchange.import_plan import read_file
from relationship_journal.exchange.records import ImportFileError
from relationship_journal.exchange.vcard_import import read_vcards

DATA = Path(__file__).resolve().parents[2] / "data" / "import"


def _records(name: str):  # type: ignore[no-untyped-def]
    records, _format, _mapping = read_file(DATA / name)
    return records


def test_android_21_quoted_printable_with_soft_breaks_and_photo() -> None:
    jurgen, aiko, viktor = _records("android-2.1.vcf")
    assert jurgen.draft.display_name == "Jürgen Müller"
    assert jurgen.draft.organisation == "Northwind Logistics"
    assert "sails on the Wannsee" in jurgen.draft.notes
    assert [(p.value, p.label) for p in jurgen.draft.phones] == [
        ("+49 170 5550123", "mobile"),
        ("+49 30 5550 1234", "work"),
    ]
    assert jurgen.draft.birthday == PartialDate(11, 26, 1974)
    assert jurgen.photo is not None and jurgen.photo.startswith(b"\xff\xd8")
    assert aiko.draft.birthday == PartialDate(1, 4)
    assert viktor.draft.display_name == "Виктор Петров"


def test_iphone_groups_labels_and_apple_year_less_birthday() -> None:
    sofia, margaret = _records("iphone-3.0.vcf")
    assert [(e.value, e.label) for e in sofia.draft.emails] == [
        ("sofia.hernandez@helixpharma.example", "work"),
        ("sofia.h@gmail.example", "home"),
    ]
    assert ("+34 91 555 0192", "office direct") in [(p.value, p.label) for p in sofia.draft.phones]
    assert sofia.draft.birthday == PartialDate(11, 29)
    assert sofia.draft.tags == ["Clients", "Renewal 2027"]
    assert sofia.draft.notes == "Partner Marta, daughter Lucía.\nRuns marathons."
    assert sofia.facts == {"home": "Madrid, Spain"}
    assert sofia.photo is not None
    assert margaret.draft.organisation == "Orchard Health"


def test_vcard_40_year_less_leap_day_and_text_birthdays() -> None:
    priya, lars, old = _records("thunderbird-4.0.vcf")
    assert priya.draft.birthday == PartialDate(12, 17)
    # A tel: URI reads back in the international form people write.
    assert [(p.value, p.label) for p in priya.draft.phones] == [("+44 20 7946 0321", "mobile")]
    assert lars.draft.birthday == PartialDate(2, 29, 1988)
    assert old.valid and "circa 1960" in old.draft.notes


def test_outlook_windows_1252_quoted_printable() -> None:
    (chloe,) = _records("outlook-2.1.vcf")
    assert chloe.draft.display_name == "Chloé Dubois"
    assert "Préfère le vin nature" in chloe.draft.notes
    assert chloe.draft.org_unit == "Supply Chain"
    # Her only address is her office's: it is kept as such and says nothing of her home.
    assert [(a.label, a.locality) for a in chloe.draft.addresses] == [("work", "Paris")]
    assert chloe.facts == {}


def test_each_problem_names_the_card_the_person_and_the_field() -> None:
    records = _records("with-problems.vcf")
    problems = [str(p) for r in records for p in r.problems]
    assert problems == [
        "card 1, Jane Roe: birthday '1985-13-45' is not a date: left out",
        "card 2, John Poe: email 'john.poe(at)example.com' is not an email: left out",
        "card 3: has no name, organisation, email or phone",
    ]
    # One odd field leaves that field out; only a card with nothing to know the person by
    # is refused.
    assert [r.valid for r in records] == [True, True, False, True]


def test_web_addresses_and_profiles_are_kept_in_the_notes() -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Lind\r\nNOTE:Likes sailing.\r\n"
        "item1.URL;type=pref:https://lind.example\r\nitem1.X-ABLabel:_$!<HomePage>!$_\r\n"
        "URL;TYPE=WORK:https://work.example/anna\r\nURL:\r\n"
        "X-SOCIALPROFILE;type=linkedin:https://linkedin.com/in/annalind\r\n"
        "X-SOCIALPROFILE;type=twitter;x-user=annal:x-apple:annal\r\nEND:VCARD\r\n"
    )
    (record,) = read_vcards(text)
    assert record.draft.notes == (
        "Likes sailing.\n\nHomepage: https://lind.example\nWork web page: "
        "https://work.example/anna\nLinkedIn: https://linkedin.com/in/annalind\n"
        "Twitter: x-apple:annal"
    )
    assert not record.problems


def test_lf_and_crlf_and_folded_lines_read_the_same() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna\n  Lind\nEMAIL:anna@example.com\nEND:VCARD\n"
    (lf,) = read_vcards(text)
    (crlf,) = read_vcards(text.replace("\n", "\r\n"))
    assert lf.draft.display_name == crlf.draft.display_name == "Anna Lind"


@pytest.mark.parametrize("name", ["random.bin", "bank-statement.csv"])
def test_files_that_are_not_contacts_are_refused_clearly(name: str) -> None:
    with pytest.raises(ImportFileError) as raised:
        read_file(DATA / name)
    assert "binary" in str(raised.value) or "not a known contacts export" in str(raised.value)


@pytest.mark.parametrize(
    "text",
    ['[{"name": "Anna Lind", "email": "anna@example.com"}]', '\ufeff  {"contacts": []}', "[]"],
)
def test_a_json_file_that_is_not_an_export_is_refused_as_json(tmp_path: Path, text: str) -> None:
    """Not read as a CSV whose header is the first line of the JSON."""
    path = tmp_path / "contacts.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError) as raised:
        read_file(path)
    assert str(raised.value).startswith("this is a JSON file, but not a Relationship Journal")


def test_a_card_without_its_end_is_read_to_the_end_of_the_file_and_says_so() -> None:
    (record,) = read_vcards("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Lind\r\nTEL:+46 8 555 0100\r\n")
    assert record.valid
    assert record.draft.display_name == "Anna Lind"
    assert [str(p) for p in record.problems] == [
        "card 1, Anna Lind: the card has no END:VCARD line; it was read up to the end of the file"
    ]
