"""The command line's duplicates, merge and search, as a user runs them."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.paths import JournalPaths
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.journal import open_journal
from tests.unit.test_cli import run

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _seed(paths: JournalPaths, *drafts: ContactDraft) -> list[int]:
    journal = open_journal(paths.journal, paths.backups)
    try:
        with journal.transaction() as session:
            return [create_contact(session, d, NOW).id for d in drafts]  # type: ignore[misc]
    finally:
        journal.close()


def test_duplicates_then_merge_folds_other_into_keep(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    keep, other = _seed(
        paths,
        ContactDraft("Jürgen Müller", emails=[Labelled("jm@northwind.example")]),
        ContactDraft(
            "J. Mueller", title="VP Operations", emails=[Labelled("JM@northwind.example")]
        ),
    )
    code, out, _ = run(capsys, "duplicates", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "first": {"id": keep, "name": "Jürgen Müller"},
            "second": {"id": other, "name": "J. Mueller"},
            "reason": "same e-mail jm@northwind.example",
        }
    ]
    code, out, _ = run(capsys, "merge", str(keep), str(other))
    assert code == 0 and out.strip() == f"Merged J. Mueller (#{other}) into Jürgen Müller (#{keep})"
    code, out, _ = run(capsys, "contacts", "--json")
    assert [(p["name"], p["title"]) for p in json.loads(out)] == [
        ("Jürgen Müller", "VP Operations")
    ]
    code, out, _ = run(capsys, "duplicates")
    assert code == 0 and out.strip() == "No likely duplicates."


def test_merge_refuses_a_contact_with_itself(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    (only,) = _seed(paths, ContactDraft("Lee Wong"))
    code, _, err = run(capsys, "merge", str(only), "lee wong")
    assert code == 1 and "cannot be merged with itself" in err


def test_search_forgives_typos_and_puts_contacts_first(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    (jurgen,) = _seed(
        paths, ContactDraft("Jürgen Müller", organisation="Northwind", title="VP Operations")
    )
    code, out, _ = run(capsys, "search", "--json", "jurgn")
    assert code == 0
    assert json.loads(out) == [
        {
            "kind": "contact",
            "id": jurgen,
            "contact_id": jurgen,
            "title": "Jürgen Müller",
            "subtitle": "VP Operations at Northwind",
        }
    ]
    code, out, _ = run(capsys, "search", "operations")
    assert out.splitlines() == [
        "Contacts:",
        f"  #{jurgen} Jürgen Müller — VP Operations at Northwind",
    ]
    code, out, _ = run(capsys, "search", "thwind")
    assert out.splitlines() == ["Organisations:", "  #1 Northwind — 1 person you know"]
    code, out, _ = run(capsys, "search", "zzzq")
    assert code == 0 and out.strip() == "Nothing found."
