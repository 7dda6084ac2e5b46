"""The command line as a user runs it: exit codes, one-line errors, JSON output."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from relationship_journal.app import main
from relationship_journal.paths import JournalPaths

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_contacts_json_on_a_new_data_dir_creates_an_empty_journal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "new"), "contacts", "--json")
    assert code == 0 and json.loads(out) == []
    assert (tmp_path / "new" / "journal.sqlite").exists()


def test_import_then_contacts_json_then_log(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    code, out, _ = run(capsys, "import", str(DATA / "android-2.1.vcf"))
    assert code == 0 and "3 new" in out
    code, out, _ = run(capsys, "contacts", "--json")
    people = {p["name"]: p for p in json.loads(out)}
    jurgen = people["Jürgen Müller"]
    assert jurgen["organisation"] == "Northwind Logistics"
    assert jurgen["birthday"] == "1974-11-26"
    assert people["Aiko Tanaka"]["birthday"] == "--01-04"
    assert jurgen["emails"] == ["juergen.mueller@northwind.example"]
    assert jurgen["balance"] == 0 and jurgen["last_contact"] is None
    code, out, _ = run(
        capsys, "log", "jurgen muller", "--deposit", "3", "--kind", "call", "Peak", "plan"
    )
    assert code == 0 and "deposit" in out
    code, out, _ = run(capsys, "contacts", "--json")
    jurgen = {p["name"]: p for p in json.loads(out)}["Jürgen Müller"]
    assert jurgen["balance"] == 3.0 and jurgen["health"] == "growing"
    assert jurgen["last_contact"] is not None


def test_errors_are_one_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", str(DATA / "android-2.1.vcf"))
    code, _, err = run(capsys, "log", "nobody", "--note", "Hello")
    assert code == 1 and err.count("\n") == 1 and "no contact matches 'nobody'" in err
    code, _, err = run(capsys, "log", "n", "--note", "Hello")
    assert code == 1 and "matches" in err and "give the id" in err
    code, _, err = run(capsys, "log", "aiko", "--note", "--date", "2026-02-30", "Hello")
    assert code == 1 and "not a date" in err and "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "log", "aiko", "--deposit", "9", "Hi")
    assert code == 2
    code, _, _ = run(capsys, "frobnicate")
    assert code == 2


def test_invalid_records_abort_the_whole_import_unless_skipped(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    run(capsys, "contacts")
    before = hashlib.sha256(paths.journal.read_bytes()).hexdigest()
    code, _, err = run(capsys, "import", str(DATA / "with-problems.vcf"))
    assert code == 1
    assert "card 3: has no name, organisation, email or phone" in err
    assert "card 1, Jane Roe: birthday '1985-13-45' is not a date: left out" in err
    assert "nothing was imported" in err
    assert hashlib.sha256(paths.journal.read_bytes()).hexdigest() == before
    code, out, _ = run(
        capsys, "import", "--dry-run", "--skip-invalid", str(DATA / "with-problems.vcf")
    )
    assert code == 0 and "dry run" in out
    code, out, _ = run(capsys, "import", "--skip-invalid", str(DATA / "with-problems.vcf"))
    assert code == 0 and "3 new" in out


@pytest.mark.parametrize("name", ["random.bin", "bank-statement.csv"])
def test_unreadable_files_give_a_clear_error(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, _, err = run(capsys, "import", str(DATA / name))
    assert code == 1 and err.startswith("relationship-journal: cannot import")


def test_export_backup_and_restore(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths, tmp_path: Path
) -> None:
    run(capsys, "import", str(DATA / "iphone-3.0.vcf"))
    for fmt in ("vcard", "csv", "json"):
        target = tmp_path / f"out.{fmt}"
        code, _, _ = run(capsys, "export", fmt, str(target))
        assert code == 0 and target.stat().st_mode & 0o077 == 0
    assert "Sofía Hernández" in (tmp_path / "out.vcard").read_text(encoding="utf-8")
    backup = tmp_path / "saved.sqlite"
    assert run(capsys, "backup", str(backup))[0] == 0
    run(capsys, "import", str(DATA / "android-2.1.vcf"))
    code, out, _ = run(capsys, "restore", str(backup))
    assert code == 0
    _, out, _ = run(capsys, "contacts", "--json")
    assert sorted(p["name"] for p in json.loads(out)) == ["Margaret O'Neill", "Sofía Hernández"]
    kept = list(paths.backups.glob("journal-before-restore-*.sqlite"))
    assert len(kept) == 1
    rows = sqlite3.connect(kept[0]).execute("SELECT count(*) FROM contact").fetchone()[0]
    assert rows == 5


def test_restore_refuses_a_file_that_is_not_a_journal(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    run(capsys, "contacts")
    before = hashlib.sha256(paths.journal.read_bytes()).hexdigest()
    code, _, err = run(capsys, "restore", str(DATA / "random.bin"))
    assert code == 1 and "not a Relationship Journal file" in err
    assert hashlib.sha256(paths.journal.read_bytes()).hexdigest() == before


def test_json_export_round_trip_through_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    archive = tmp_path / "all.json"
    assert run(capsys, "--demo", "export", "json", str(archive))[0] == 0
    fresh = tmp_path / "fresh"
    code, out, _ = run(capsys, "--data-dir", str(fresh), "import", str(archive))
    assert code == 0 and "25 contact" in out
    _, out, _ = run(capsys, "--data-dir", str(fresh), "contacts", "--json")
    assert len(json.loads(out)) == 25
