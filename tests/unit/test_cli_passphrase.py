"""The passphrase on the command line: set it, use it, refuse without it, remove it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relationship_journal.paths import JournalPaths
from relationship_journal.store.cipher import has_sqlite_header
from tests.unit.test_cli import DATA, run


def _secret(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def test_set_use_and_remove_a_passphrase(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths, tmp_path: Path
) -> None:
    run(capsys, "import", str(DATA / "android-2.1.vcf"))
    good = _secret(tmp_path, "good", "grüne Tür 1984 blau")
    code, out, _ = run(capsys, "passphrase", "set", "--new-passphrase-file", good)
    assert code == 0 and "nobody can recover a lost passphrase" in out
    assert not has_sqlite_header(paths.journal)

    code, _, err = run(capsys, "contacts", "--json")  # no terminal to ask on
    assert code == 1 and "--passphrase-file" in err
    wrong = _secret(tmp_path, "wrong", "grune Tur 1984 blau")
    code, _, err = run(capsys, "--passphrase-file", wrong, "contacts")
    assert code == 1 and "does not open" in err
    code, out, _ = run(capsys, "--passphrase-file", good, "contacts", "--json")
    assert code == 0 and len(json.loads(out)) == 3

    code, out, _ = run(capsys, "--passphrase-file", good, "backup")
    assert code == 0
    backup = Path(out.strip().removeprefix("Backed up to "))
    assert not has_sqlite_header(backup)

    code, _, _ = run(capsys, "--passphrase-file", good, "passphrase", "remove")
    assert code == 0 and has_sqlite_header(paths.journal) and has_sqlite_header(backup)
    code, out, _ = run(capsys, "contacts", "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_a_short_passphrase_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths, tmp_path: Path
) -> None:
    run(capsys, "contacts")
    code, _, err = run(
        capsys, "passphrase", "set", "--new-passphrase-file", _secret(tmp_path, "s", "short")
    )
    assert code == 1 and "at least 8 characters" in err
    assert has_sqlite_header(paths.journal)
