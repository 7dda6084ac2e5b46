"""Preview, duplicates, merge, and all-or-nothing imports."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.exchange.import_plan import (
    Decision,
    ImportCancelled,
    apply,
    preview,
)
from relationship_journal.store.contacts import create_contact, draft_of, get_contact
from relationship_journal.store.facts import current_facts
from relationship_journal.store.journal import Journal
from relationship_journal.store.models import Contact

DATA = Path(__file__).resolve().parents[2] / "data" / "import"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _names(journal: Journal) -> list[str]:
    with journal.reading() as session:
        return sorted(c.display_name for c in session.exec(select(Contact)).all())


def test_preview_finds_people_already_in_the_journal(journal: Journal) -> None:
    with journal.transaction() as session:
        create_contact(
            session,
            ContactDraft(
                "Sofia Hernandez", emails=[Labelled("SOFIA.HERNANDEZ@helixpharma.example")]
            ),
            NOW,
        )
        create_contact(
            session, ContactDraft("Margaret O'Neill", organisation="Orchard Health"), NOW
        )
    with journal.reading() as session:
        plan = preview(session, DATA / "iphone-3.0.vcf")
    assert [(m.reason if m else None) for m in plan.matches] == [
        "same email",
        "same name and organisation",
    ]
    assert plan.default_decisions() == [Decision.MERGE, Decision.MERGE]
    with journal.transaction() as session:
        result = apply(session, plan, plan.default_decisions(), NOW)
    assert (result.created, result.merged) == (0, 2)
    with journal.reading() as session:
        sofia = get_contact(session, plan.matches[0].contact_id)  # type: ignore[arg-type, union-attr]
        draft = draft_of(session, sofia)
        facts = current_facts(session, sofia.id)  # type: ignore[arg-type]
    assert draft.display_name == "Sofia Hernandez"  # what the user wrote is kept
    assert len(draft.emails) == 2 and draft.organisation == "Helix Pharma"
    assert draft.tags == ["Clients", "Renewal 2027"]
    assert facts["home"].text == "Madrid, Spain"
    assert sofia.photo is not None


def test_duplicates_within_one_file_are_flagged(journal: Journal, tmp_path: Path) -> None:
    doubled = tmp_path / "twice.vcf"
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Lind\nEMAIL:anna@example.com\nEND:VCARD\n"
    doubled.write_text(card * 2)
    with journal.reading() as session:
        plan = preview(session, doubled)
    assert plan.matches[0] is None
    assert plan.matches[1] is not None and plan.matches[1].record_number == 1
    assert plan.default_decisions() == [Decision.NEW, Decision.SKIP]


def test_valid_records_only_and_a_cancelled_import_leaves_nothing(journal: Journal, paths) -> None:  # type: ignore[no-untyped-def]
    with journal.reading() as session:
        plan = preview(session, DATA / "with-problems.vcf")
    assert len(plan.valid) == 3
    journal.close()
    before = hashlib.sha256(paths.journal.read_bytes()).hexdigest()
    from relationship_journal.store.journal import open_journal

    journal = open_journal(paths.journal, paths.backups)
    with pytest.raises(ImportCancelled), journal.transaction() as session:
        apply(session, plan, [Decision.NEW] * 4, NOW, cancelled=lambda: True)
    assert _names(journal) == []
    with journal.transaction() as session:
        result = apply(session, plan, plan.default_decisions(), NOW)
    assert (result.created, result.skipped) == (3, 1)
    assert _names(journal) == ["Jane Roe", "John Poe", "Valid Person"]
    journal.close()
    assert hashlib.sha256(paths.journal.read_bytes()).hexdigest() != before
