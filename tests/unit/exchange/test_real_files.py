"""Every feature real contact files have, one small file each (tests/data/import), read
record by record: who comes in, with which organisation, phones, birthday and photo, and
what the user is told about anything left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from relationship_journal.domain.dates import PartialDate
from relationship_journal.exchange.import_plan import read_file
from relationship_journal.exchange.records import ImportRecord, UnsureColumnsError

DATA = Path(__file__).resolve().parents[2] / "data" / "import"

# file → one (name, organisation, phones, birthday, photo present) per record, in order
EXPECTED: dict[str, list[tuple[str, str, list[str], PartialDate | None, bool]]] = {
    "v21-shift-jis.vcf": [
        ("山田 太郎", "株式会社テスト", ["090-1234-5678"], None, False),
        ("佐藤 花子", "", ["03-5555-0101"], None, False),
    ],
    "v21-windows-1250.vcf": [("Žofie Šťastná", "Vítkovice Strojírenství", [], None, False)],
    "v21-windows-1251.vcf": [
        ("Виктор Петров", "", ["+7 495 555-01-23"], None, False),
        ("Ђорђе Јовановић", "", ["+381 64 555 0101"], None, False),
    ],
    "v21-windows-1252.vcf": [("François Œuvre", "", [], None, False)],
    "v21-no-charset.vcf": [("Jürgen Müller", "Straßenbau Köln", ["+49 221 555 0100"], None, False)],
    "phones-odd.vcf": [
        (
            "Simon Perreault",
            "",
            [
                "+1 418-656-9254 ext. 102",
                "+1 418-262-6501",
                "+1-800-MYFAX",
                "p1234p5678w9",
                "+44 20 7946 0958,,123#",
                "*31#",
            ],
            None,
            False,
        ),
        ("Pat Local", "", ["020 7946 0959"], None, False),
    ],
    "emails-odd.vcf": [("Contact One", "", [], None, False)],
    "dates-reduced.vcf": [
        ("Year Only", "", [], None, False),
        ("Year Month", "", [], None, False),
        ("Month Only", "", [], None, False),
        ("Day Only", "", [], None, False),
        ("No Year", "", [], PartialDate(4, 12), False),
        ("Ada Lovelace", "", [], PartialDate(12, 10, 1815), False),
        ("Jane Roe", "", [], None, False),
        ("Evo Lution", "", [], PartialDate(3, 22, 1980), False),
    ],
    "photos.vcf": [
        ("Data Uri", "", [], None, True),
        ("Base Sixty Four", "", [], None, True),
        ("Linked Photo", "", [], None, False),
        ("Not An Image", "", [], None, False),
    ],
    "quoted-params.vcf": [("Geo Located", "", [], None, False)],
    "qp-soft-breaks.vcf": [("Party Host", "", ["+1 555 0100 123"], None, False)],
    "agent-nested.vcf": [("Big Boss", "Acme Corp", ["+1 555 0100"], None, False)],
    "same-name.vcf": [
        ("Alex Kim", "", ["+1 555 0101"], None, False),
        ("Alex Kim", "", ["+44 7700 900123"], None, False),
        ("Alex Kim", "", ["+1 (555) 0101"], None, False),
    ],
    "full-details.vcf": [
        (
            "Mr. John Richter, James Doe Sr.",
            "IBM",
            ["+1 905-555-1235", "+1 905-555-1236", "+1 905-555-1237"],
            None,
            False,
        )
    ],
    "outlook-de.csv": [
        (
            "Anke Müller",
            "Northwind Logistik",
            ["+49 170 5550123", "+49 30 5550 1299"],
            PartialDate(3, 12, 1976),
            False,
        ),
        ("Jörg Weiß", "Kestrel GmbH", ["030 5550 4411"], None, False),
    ],
    "outlook-fr.csv": [
        ("Élodie Martin", "Helix Pharma", ["+33 6 55 50 12 34"], PartialDate(12, 24, 1981), False)
    ],
    "outlook-es.csv": [
        ("Lucía Fernández", "Atlas Retail", ["+34 600 555 019"], PartialDate(11, 3, 1979), False)
    ],
    "outlook-en-uk-dates.csv": [
        ("Oliver Hughes", "Brightwater Bank", ["+44 7700 900777"], PartialDate(5, 4, 1985), False),
        (
            "Amelia Clarke",
            "Brightwater Bank",
            ["+44 161 555 0700"],
            PartialDate(4, 15, 1985),
            False,
        ),
    ],
    "outlook-en-cp932.csv": [
        ("山田 太郎", "株式会社テスト", ["090-1234-5678"], None, False),
        ("佐藤 花子", "株式会社テスト", ["03-5555-0101"], None, False),
    ],
    "google-2023-no-email.csv": [
        ("Kwame Mensah", "Kestrel Software", ["+233 30 555 0101"], PartialDate(12, 21), False)
    ],
    "salesforce-report.csv": [
        (
            "Priya Raman",
            "Orchard Health",
            ["+44 113 555 0100", "+44 7700 900555"],
            PartialDate(12, 17, 1980),
            False,
        )
    ],
    "salesforce-dataloader.csv": [
        ("Lars Eriksson", "", ["+46 8 555 010 00"], PartialDate(2, 3, 1971), False)
    ],
    "hubspot.csv": [("Rafael Costa", "Atlas Retail", ["+55 11 5555 0100"], None, False)],
    "thunderbird.csv": [
        ("Björn Svensson", "Meridian Energy", ["+46 8 555 020 00", "+46 8 555 020 01"], None, False)
    ],
    "name-email-company.csv": [
        ("Anna Lind", "Kestrel", [], None, False),
        ("Ben Ode", "Kestrel", [], None, False),
    ],
}


def _read(name: str) -> list[ImportRecord]:
    records, _format, _mapping = read_file(DATA / name)
    return records


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_record_comes_in_with_its_details(name: str) -> None:
    records = _read(name)
    got = [
        (
            r.draft.display_name,
            r.draft.organisation,
            [p.value for p in r.draft.phones],
            r.draft.birthday,
            r.photo is not None,
        )
        for r in records
    ]
    assert got == EXPECTED[name]
    assert all(r.valid for r in records), "no person is refused for one field"
    assert not any("?" in r.draft.display_name for r in records)


def _warnings(name: str) -> list[str]:
    return [str(p) for r in _read(name) for p in r.problems]


def test_what_cannot_be_kept_is_named_per_card_and_field() -> None:
    assert _warnings("v21-no-charset.vcf") == [
        "card 1, Jürgen Müller: note is not valid base64: left out"
    ]
    assert _warnings("emails-odd.vcf") == [
        "card 1, Contact One: email '/o=ExchangeLabs/ou=Exchange Administrative Group "
        "(FYDIBOHF23' is an Exchange internal address: left out"
    ]
    assert "card 7, Jane Roe: birthday '0000-00-00' is not a date: left out" in _warnings(
        "dates-reduced.vcf"
    )
    photos = _warnings("photos.vcf")
    assert photos[0].startswith("card 3, Linked Photo: photo is a link (http://www.example")
    assert (
        photos[1] == "card 4, Not An Image: photo is not an image this journal can show: left out"
    )


def test_reduced_precision_dates_are_kept_in_words_and_anniversaries_as_dates() -> None:
    records = {r.draft.display_name: r.draft for r in _read("dates-reduced.vcf")}
    assert records["Year Only"].notes == "Birthday: 1985"
    assert records["Year Month"].notes == "Birthday: April 1985"
    assert records["Month Only"].notes == "Birthday: April"
    assert records["Day Only"].notes == "Birthday: day 15 of the month"
    assert [(m.label, m.day) for m in records["No Year"].anniversaries] == [
        ("anniversary", PartialDate(8, 8, 2009))
    ]
    assert [(m.label, m.day) for m in records["Jane Roe"].anniversaries] == [
        ("anniversary", PartialDate(6, 16, 2001))
    ]
    assert [(m.label, m.day) for m in records["Evo Lution"].anniversaries] == [
        ("anniversary", PartialDate(9, 10, 2005)),
        ("first day at northwind", PartialDate(5, 1, 2015)),
    ]


def test_structure_labels_and_addresses_by_type() -> None:
    (john,) = (r.draft for r in _read("full-details.vcf"))
    assert (john.name_prefix, john.given_name, john.middle_name, john.family_name) == (
        "Mr.",
        "John",
        "Richter, James",
        "Doe",
    )
    assert (john.name_suffix, john.org_unit, john.title, john.role) == (
        "Sr.",
        "Accounting; Dungeon",
        "Money Counter",
        "Auditor",
    )
    assert [p.label for p in john.phones] == ["work fax", "pager", "assistant"]
    assert [(e.value, e.label) for e in john.emails] == [("john.doe@ibm.example", "work")]
    assert [(a.label, a.locality) for a in john.addresses] == [
        ("work", "New York"),
        ("home", "Albany"),
    ]
    (geo,) = _read("quoted-params.vcf")
    assert [(a.label, a.street, a.postcode) for a in geo.draft.addresses] == [
        ("work", "1065 av. de la Medecine", "G1V 0A6"),
        ("home", "2 Rue Home", "G6V 1A1"),
    ]
    assert geo.facts == {"home": "Levis, QC, Canada"}  # the home address, not the office's
    (anke, _jorg) = _read("outlook-de.csv")
    assert anke.facts == {"home": "Potsdam"}
    assert [(m.label, m.day) for m in anke.draft.anniversaries] == [
        ("anniversary", PartialDate(6, 1, 2002))
    ]
    assert anke.draft.tags == ["Kunden", "Berlin"]


def test_soft_breaks_keep_their_space_and_agents_stay_nested() -> None:
    (host,) = _read("qp-soft-breaks.vcf")
    assert host.draft.notes == "Please come to the party on Friday\nand bring a friend."
    (boss,) = _read("agent-nested.vcf")
    assert boss.draft.phones[0].value == "+1 555 0100"
    assert "Assistant: Girl Friday" in boss.draft.notes


@pytest.mark.parametrize(
    ("name", "unplaced"),
    [
        (
            "unknown-columns.csv",
            ["Who", "Mailing Street", "Marketing emails opened", "Phone 1 - Label"],
        ),
        ("dates-both-ways.csv", []),
    ],
)
def test_unsure_csv_columns_are_asked_not_guessed(name: str, unplaced: list[str]) -> None:
    with pytest.raises(UnsureColumnsError) as unsure:
        read_file(DATA / name)
    assert unsure.value.unplaced == unplaced
