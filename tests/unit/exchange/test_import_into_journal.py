"""What an import writes: details in their places, people matched by what reaches them
(never by name alone when their numbers differ), anniversaries on the agenda."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlmodel import col, select

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.domain.dates import PartialDate
from relationship_journal.exchange.import_plan import Decision, apply, preview
from relationship_journal.store.agenda import collect
from relationship_journal.store.contact_file import load_contact_file
from relationship_journal.store.contacts import (
    create_contact,
    draft_of,
    get_contact,
    trash_contacts,
)
from relationship_journal.store.facts import current_facts
from relationship_journal.store.journal import Journal
from relationship_journal.store.models import Contact

DATA = Path(__file__).resolve().parents[2] / "data" / "import"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _import(journal: Journal, name: str) -> list[ContactDraft]:
    with journal.reading() as session:
        plan = preview(session, DATA / name)
    with journal.transaction() as session:
        apply(session, plan, plan.default_decisions(), NOW)
    with journal.reading() as session:
        ids = session.exec(select(Contact.id).order_by(col(Contact.id))).all()
        return [draft_of(session, get_contact(session, i)) for i in ids if i]


def test_details_land_in_the_journal(journal: Journal) -> None:
    (john,) = _import(journal, "full-details.vcf")
    assert (john.name_prefix, john.middle_name, john.name_suffix) == (
        "Mr.",
        "Richter, James",
        "Sr.",
    )
    assert (john.org_unit, john.role) == ("Accounting; Dungeon", "Auditor")
    assert [(p.value, p.label) for p in john.phones] == [
        ("+1 905-555-1235", "work fax"),
        ("+1 905-555-1236", "pager"),
        ("+1 905-555-1237", "assistant"),
    ]
    assert [(a.label, a.street, a.locality, a.postcode) for a in john.addresses] == [
        ("work", "590 Madison Ave", "New York", "10022"),
        ("home", "ASB-123, 15 Crescent Moon Drive", "Albany", "12345"),
    ]
    assert [(m.label, m.day) for m in john.anniversaries] == [
        ("anniversary", PartialDate(3, 22, 1980))
    ]
    with journal.reading() as session:
        contact = session.exec(select(Contact)).one()
        assert current_facts(session, contact.id)["home"].text == "Albany, NY, USA"  # type: ignore[arg-type]
        whole = load_contact_file(session, contact.id, NOW)  # type: ignore[arg-type]
    assert [a.label for a in whole.addresses] == ["work", "home"]
    assert [m.label for m in whole.anniversaries] == ["anniversary"]


def test_photos_of_every_form_are_stored(journal: Journal) -> None:
    _import(journal, "photos.vcf")
    with journal.reading() as session:
        photos = {c.display_name: c.photo for c in session.exec(select(Contact)).all()}
    assert photos["Data Uri"] is not None and photos["Data Uri"].startswith(b"\x89PNG")
    assert photos["Base Sixty Four"] is not None
    assert photos["Linked Photo"] is None and photos["Not An Image"] is None


def test_anniversaries_are_moments_on_the_agenda(journal: Journal) -> None:
    _import(journal, "dates-reduced.vcf")
    with journal.reading() as session:
        found = collect(session, date(2027, 6, 10), 10)
    titles = [m.title for m in found if m.kind.value == "anniversary"]
    assert "Jane Roe's anniversary (26 years)" in titles


def test_same_name_different_numbers_are_different_people(journal: Journal) -> None:
    with journal.reading() as session:
        plan = preview(session, DATA / "same-name.vcf")
    # The third card's number is the first's, written another way: the same person.
    assert plan.matches[0] is None and plan.matches[1] is None
    assert plan.matches[2] is not None and plan.matches[2].reason == "same phone as record 1"
    assert plan.duplicates() == ["card 3, Alex Kim: skipped, same phone as record 1"]
    with journal.transaction() as session:
        apply(session, plan, plan.default_decisions(), NOW)
    with journal.reading() as session:
        plan = preview(session, DATA / "same-name.vcf")
    # Already there: each card finds its own Alex by number, not the other by name.
    assert [m.reason if m else None for m in plan.matches] == ["same phone"] * 3
    assert plan.matches[0].contact_id != plan.matches[1].contact_id  # type: ignore[union-attr]


def test_name_and_organisation_match_only_when_no_number_differs(
    journal: Journal, tmp_path: Path
) -> None:
    with journal.transaction() as session:
        create_contact(
            session,
            ContactDraft("Alex Kim", organisation="Kestrel", phones=[Labelled("+1 555 0101")]),
            NOW,
        )
        create_contact(session, ContactDraft("Bo Chen", organisation="Kestrel"), NOW)
    card = tmp_path / "people.vcf"
    card.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Alex Kim\nORG:Kestrel\nTEL:+44 7700 900123\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Bo Chen\nORG:Kestrel\nTEL:+44 7700 900999\nEND:VCARD\n",
        encoding="utf-8",
    )
    with journal.reading() as session:
        plan = preview(session, card)
    assert plan.matches[0] is None  # same name, another number: another person
    assert plan.matches[1] is not None and plan.matches[1].reason == "same name and organisation"
    assert plan.default_decisions() == [Decision.NEW, Decision.MERGE]


def test_a_number_written_another_way_finds_its_person_but_not_in_the_trash(
    journal: Journal, tmp_path: Path
) -> None:
    with journal.transaction() as session:
        create_contact(
            session, ContactDraft("Ana Ruiz", phones=[Labelled("+44 20 7946 0958")]), NOW
        )
        gone = create_contact(
            session, ContactDraft("Old Ana", emails=[Labelled("ana@example.org")]), NOW
        )
        trash_contacts(session, [gone.id], NOW)  # type: ignore[list-item]
    card = tmp_path / "ana.vcf"
    card.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:A. Ruiz\nTEL:020 7946 0958\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEMAIL:ANA@example.org\nEND:VCARD\n",
        encoding="utf-8",
    )
    with journal.reading() as session:
        plan = preview(session, card)
    assert plan.matches[0] is not None and plan.matches[0].reason == "same phone"
    assert plan.matches[0].name == "Ana Ruiz"
    assert plan.matches[1] is None
