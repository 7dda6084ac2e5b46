"""The findings of the attack on the command line, one by one: a way out of damage, honest
messages, no traceback whatever the arguments, files or disk."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from relationship_journal.paths import JournalPaths
from relationship_journal.store.backup_names import backups_of
from tests.unit.disk_faults import fill, small_disk
from tests.unit.test_cli import DATA, run


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _journal_with_history(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", str(DATA / "android-2.1.vcf"))
    for number in range(40):
        run(capsys, "log", "aiko", "--note", f"Note {number} " + "about the account " * 60)


def _damage_the_middle(path: Path) -> None:
    """Overwrite the headers of a few pages in the middle, as a failing disk would."""
    size, page = path.stat().st_size, 4096
    with path.open("r+b") as handle:
        for number in range(size // page // 2 - 2, size // page // 2 + 2):
            handle.seek(number * page)
            handle.write(os.urandom(64))


def test_damage_in_the_middle_is_noticed_and_restore_is_the_way_out(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths, tmp_path: Path
) -> None:
    _journal_with_history(capsys)
    code, out, _ = run(capsys, "backup")
    assert code == 0
    good = backups_of(paths.backups, "journal")
    _damage_the_middle(paths.journal)
    damaged = _digest(paths.journal)
    commands = [
        ["contacts"],
        ["log", "aiko", "--note", "after the damage"],
        ["import", str(DATA / "iphone-3.0.vcf")],
        ["export", "json", str(tmp_path / "all.json")],
        ["backup"],
    ]
    for command in commands:
        code, _, err = run(capsys, *command)
        assert code == 1 and err.count("\n") == 1, (command, err)
        assert "is damaged" in err and "Traceback" not in err
    # No damaged copy pushed a good backup aside, no export was written.
    assert backups_of(paths.backups, "journal") == good
    assert not (tmp_path / "all.json").exists()
    assert _digest(paths.journal) == damaged
    # The message names a command that works: run it as the user would.
    advice = err.split("run: relationship-journal ", 1)[1].split(" (other backups")[0]
    code, out, err = run(capsys, *shlex.split(advice))
    assert code == 0, err
    kept = backups_of(paths.backups, "journal", "before-restore")
    assert len(kept) == 1 and _digest(kept[0]) == damaged  # set aside byte for byte
    code, out, _ = run(capsys, "contacts", "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_a_damaged_backup_given_to_restore_points_to_another_backup(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    _journal_with_history(capsys)
    run(capsys, "backup")
    (backup,) = backups_of(paths.backups, "journal")
    _damage_the_middle(backup)
    before = _digest(paths.journal)
    code, _, err = run(capsys, "restore", str(backup))
    assert code == 1 and err.count("\n") == 1
    assert "The backup" in err and "is damaged" in err and "Choose another backup" in err
    assert "Restore a backup" not in err
    assert _digest(paths.journal) == before


def test_dates_far_out_are_refused_and_balances_stay_exact(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    run(capsys, "import", str(DATA / "android-2.1.vcf"))
    code, _, err = run(capsys, "log", "aiko", "--deposit", "5", "--date", "2200-12-31", "Far")
    assert code == 1 and "year 2200 is outside 1900–2100" in err
    code, out, _ = run(capsys, "log", "aiko", "--deposit", "5", "--date", "2100-12-31", "Far")
    assert code == 0 and "#1" in out
    run(capsys, "log", "aiko", "--deposit", "3", "Today")
    run(capsys, "log", "aiko", "--deposit", "3", "Today again")
    balance = {p["name"]: p["balance"] for p in json.loads(run(capsys, "contacts", "--json")[1])}
    # A future entry counts from the day it was logged: 5 + 3 + 3, not a 160-digit number.
    assert balance["Aiko Tanaka"] == pytest.approx(11.0, abs=0.01)
    # Deleting the far entry leaves exactly the two of today, not 0.00.
    from relationship_journal.store.journal import open_journal
    from relationship_journal.store.ledger import delete_entry

    journal = open_journal(paths.journal, paths.backups)
    with journal.transaction() as session:
        delete_entry(session, 1)
    journal.close()
    balance = {p["name"]: p["balance"] for p in json.loads(run(capsys, "contacts", "--json")[1])}
    assert balance["Aiko Tanaka"] == pytest.approx(6.0, abs=0.01)


def test_passphrase_set_refuses_another_programs_database(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths, tmp_path: Path
) -> None:
    paths.data_dir.mkdir(parents=True)
    other = sqlite3.connect(paths.journal)
    other.execute("CREATE TABLE songs (title TEXT)")
    other.commit()
    other.close()
    before = _digest(paths.journal)
    secret = tmp_path / "secret"
    secret.write_text("a long passphrase\n", encoding="utf-8")
    code, _, err = run(capsys, "passphrase", "set", "--new-passphrase-file", str(secret))
    assert code == 1 and "another program's database" in err
    assert _digest(paths.journal) == before
    assert not [p for p in paths.data_dir.iterdir() if "passphrase-change" in p.name]


@pytest.mark.parametrize(
    "argv",
    [
        ["log", "²", "--note", "Hi"],
        ["log", "99999999999999999999999", "--note", "Hi"],
        ["log", "x" * 100_000, "--note", "Hi"],
        ["brief", "99999999999999999999999", "--pdf", "{tmp}/b.pdf"],
        ["backup", "{tmp}/missing-folder/b.sqlite"],
        ["restore", "{tmp}"],
        ["restore", "{tmp}/nothing-here.sqlite"],
        ["import", "{tmp}"],
        ["export", "csv", "{tmp}"],
        ["agenda", "--from", "0001-01-01"],
        ["agenda", "--from", "9999-12-31"],
    ],
)
def test_odd_arguments_get_one_line_and_no_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    run(capsys, "import", str(DATA / "android-2.1.vcf"))
    code, out, err = run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in argv])
    assert code == 1, out
    assert err.startswith("relationship-journal: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "unexpected error" not in err


def test_backup_into_a_folder_writes_a_named_file_there(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "contacts")
    code, out, _ = run(capsys, "backup", str(tmp_path))
    assert code == 0
    made = Path(out.strip().removeprefix("Backed up to "))
    assert made.parent == tmp_path and made.name.startswith("journal-manual-")


def test_odd_places_are_named_for_what_they_are(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    paths.journal.mkdir(parents=True)
    code, _, err = run(capsys, "contacts")
    assert code == 1 and "is a folder, not a journal file" in err
    paths.journal.rmdir()
    run(capsys, "contacts")
    paths.backups.write_text("in the way", encoding="utf-8")
    code, _, err = run(capsys, "backup")
    assert code == 1 and "a file of that name is in the way" in err
    assert paths.backups.read_text(encoding="utf-8") == "in the way"


def test_an_empty_data_dir_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--data-dir", "", "contacts")
    assert code == 2 and "--data-dir is empty" in err


def test_the_agenda_lists_no_birthday_before_the_birth(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(capsys, "import", str(DATA / "android-2.1.vcf"))  # Jürgen was born in 1974
    code, out, _ = run(capsys, "agenda", "--from", "1900-11-20", "--json")
    assert code == 0 and all(
        "-" not in moment["title"].split("'s ")[-1] for moment in json.loads(out)
    )
    code, out, _ = run(capsys, "agenda", "--from", "2000-11-20", "--json")
    assert any("26th birthday" in moment["title"] for moment in json.loads(out))


@pytest.fixture
def read_only_data(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding a sound journal, on a file system mounted read-only (as root)
    or in a folder without write permission (as anyone else)."""
    if os.geteuid() != 0:
        folder = tmp_path / "data"
        yield folder
        folder.chmod(stat.S_IRWXU)
        return
    with small_disk(tmp_path / "disk") as disk:
        if disk is None:
            pytest.skip("a read-only file system needs the right to mount")
        yield disk / "data"


def test_a_read_only_data_folder_is_not_called_damaged(
    capsys: pytest.CaptureFixture[str], read_only_data: Path
) -> None:
    folder = str(read_only_data)
    run(capsys, "--data-dir", folder, "import", str(DATA / "android-2.1.vcf"))
    run(capsys, "--data-dir", folder, "backup")
    (backup,) = backups_of(read_only_data / "backups", "journal")
    if os.geteuid() == 0:
        subprocess.run(["mount", "-o", "remount,ro", str(read_only_data.parent)], check=True)
    else:
        read_only_data.chmod(stat.S_IRUSR | stat.S_IXUSR)
    for command in (
        ["contacts"],
        ["log", "aiko", "--note", "Hi"],
        ["restore", str(backup)],
        ["passphrase", "set", "--new-passphrase-file", str(backup)],
    ):
        code, _, err = run(capsys, "--data-dir", folder, *command)
        assert code == 1 and err.count("\n") == 1, (command, err)
        assert "damaged" not in err and "Traceback" not in err
        assert "read-only" in err or "permission denied" in err, err


def test_a_full_disk_is_named_as_such_even_when_only_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        if disk is None:
            pytest.skip("a full disk of its own needs the right to mount")
        folder = str(disk / "data")
        run(capsys, "--data-dir", folder, "import", str(DATA / "android-2.1.vcf"))
        fill(disk)
        for command in (["contacts"], ["backup"], ["log", "aiko", "--note", "Hi"]):
            code, _, err = run(capsys, "--data-dir", folder, *command)
            assert code == 1 and err.count("\n") == 1, (command, err)
            assert "the disk is full" in err and "Traceback" not in err
        assert not [p for p in (disk / "data").rglob("*") if p.suffix == ".partial"]
