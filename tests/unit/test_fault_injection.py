"""A full disk or a read-only file system at each step of backup, restore and passphrase
conversion: one clear line, nothing lost, nothing half-written left behind, and a rerun once
the disk is fine again finishes the job."""

from __future__ import annotations

import errno
import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.store import cipher, clock
from relationship_journal.store.backup_names import backups_of
from relationship_journal.store.backups import backup_before
from relationship_journal.store.cipher import JournalKey, has_sqlite_header
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.drafts import DraftStore
from relationship_journal.store.encryption import is_under, marker_path
from relationship_journal.store.journal import open_journal
from tests.unit.disk_faults import Faults, small_disk
from tests.unit.test_cli import run

PASSPHRASE = "fault injection passphrase"
FAULTS = {"full": errno.ENOSPC, "read-only": errno.EROFS}
LEFTOVER_MARKS = (".partial", ".restoring", ".converting")


@pytest.fixture
def cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Key derivation at a few rounds: the conversions run dozens of times here."""
    monkeypatch.setattr(cipher, "KDF_ROUNDS", 1000)


@pytest.fixture(params=["emulated", "real disk"])
def place(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, Path | None]]:
    """Where the data folder lives: anywhere (faults emulated) or on a small tmpfs that is
    filled for real (skipped where mounting is not allowed)."""
    if request.param == "emulated":
        yield tmp_path / "data", None
        return
    with small_disk(tmp_path / "disk") as disk:
        if disk is None:
            pytest.skip("mounting a small disk needs root and the right to mount")
        yield disk / "data", disk


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _names(path: Path, key: JournalKey | None) -> list[str]:
    journal = open_journal(path, path.parent / "backups", key)
    try:
        with journal.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT display_name FROM contact ORDER BY id")
            return [row[0] for row in rows]
    finally:
        journal.close()


def _make(paths: JournalPaths, names: list[str]) -> None:
    journal = open_journal(paths.journal, paths.backups)
    with journal.transaction() as session:
        for name in names:
            create_contact(session, ContactDraft(name), clock.now())
    journal.close()


def _setup(data: Path) -> tuple[JournalPaths, Path]:
    """A journal of three, a backup of two, a draft; returns the paths and the backup."""
    paths = JournalPaths(data)
    _make(paths, ["Ada", "Grace"])
    older = backup_before(paths.journal, paths.backups, "manual")
    _make(paths, ["Hedy"])
    DraftStore(paths.drafts).save("log", {"summary": "typed"})
    return paths, older


def _leftovers(paths: JournalPaths) -> list[Path]:
    found = [
        *paths.data_dir.iterdir(),
        *(paths.backups.iterdir() if paths.backups.is_dir() else []),
    ]
    return [
        p
        for p in found
        if any(mark in p.name for mark in LEFTOVER_MARKS)
        or (p.suffix == ".sqlite" and p.stat().st_size == 0)
    ]


def _steps(operation: Callable[[], None], faults: Faults) -> int:
    faults.arm(step=10**9, code=errno.ENOSPC)
    operation()
    return faults.steps


def _under_faults(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    place: tuple[Path, Path | None],
    argv: Callable[[JournalPaths, Path], list[str]],
    check: Callable[[JournalPaths, Path, int], None],
    prepare: Callable[[JournalPaths], None] = lambda _paths: None,
) -> int:
    """Run the command ``argv`` once per step and fault; ``check`` the result after each.
    Returns how many faulted runs there were."""
    data, disk = place
    template = data.parent / "template"
    paths, older = _setup(template)
    prepare(paths)
    faults = Faults(monkeypatch, disk)
    faults.install()
    total = _steps(lambda: _fresh_run(capsys, template, data, argv, expect=0), faults)
    assert total >= 3
    runs = failed = 0
    for name, code in FAULTS.items():
        if disk is not None and code != errno.ENOSPC:
            continue  # a mounted disk cannot be made read-only while files are open
        for step in range(1, total + 1):
            _copy(template, data)
            faults.arm(step, code)
            exit_code, _, err = run(
                capsys, *argv(JournalPaths(data), _moved(older, template, data))
            )
            faults.clear()
            assert "Traceback" not in err and "unexpected error" not in err, (name, step, err)
            if exit_code:
                assert err.count("\n") == 1, (name, step, err)
                assert "full" in err or "read-only" in err or "not finished" in err, err
            check(JournalPaths(data), _moved(older, template, data), exit_code)
            runs += 1
            failed += exit_code != 0
    assert failed, "no fault made the command fail: the faults were not injected"
    return runs


def _moved(path: Path, old: Path, new: Path) -> Path:
    return new / path.relative_to(old)


def _copy(template: Path, data: Path) -> None:
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(template, data)


def _fresh_run(
    capsys: pytest.CaptureFixture[str],
    template: Path,
    data: Path,
    argv: Callable[[JournalPaths, Path], list[str]],
    expect: int,
) -> None:
    _copy(template, data)
    older = next(iter(backups_of(template / "backups", "journal")))
    code, _, err = run(capsys, *argv(JournalPaths(data), _moved(older, template, data)))
    assert code == expect, err


def _secret(folder: Path) -> Path:
    path = folder.parent / "secret"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def _backup_argv(paths: JournalPaths, _backup: Path) -> list[str]:
    return ["--data-dir", str(paths.data_dir), "backup"]


def _restore_argv(paths: JournalPaths, backup: Path) -> list[str]:
    return ["--data-dir", str(paths.data_dir), "restore", str(backup)]


def _set_argv(paths: JournalPaths, _backup: Path) -> list[str]:
    secret = ["--new-passphrase-file", str(_secret(paths.data_dir))]
    return ["--data-dir", str(paths.data_dir), "passphrase", "set", *secret]


def _remove_argv(paths: JournalPaths, _backup: Path) -> list[str]:
    secret = ["--passphrase-file", str(_secret(paths.data_dir))]
    return ["--data-dir", str(paths.data_dir), *secret, "passphrase", "remove"]


def _check_backup(paths: JournalPaths, older: Path, _code: int) -> None:
    assert _names(older, None) == ["Ada", "Grace"]
    for backup in backups_of(paths.backups, "journal"):
        assert _names(backup, None) in (["Ada", "Grace"], ["Ada", "Grace", "Hedy"])
    assert _names(paths.journal, None) == ["Ada", "Grace", "Hedy"]


def _check_restore(paths: JournalPaths, _older: Path, code: int) -> None:
    names = _names(paths.journal, None)
    assert names == (["Ada", "Grace"] if code == 0 else ["Ada", "Grace", "Hedy"])
    kept = backups_of(paths.backups, "journal", "before-restore")
    if code == 0:
        assert len(kept) == 1 and _names(kept[0], None) == ["Ada", "Grace", "Hedy"]


def _encrypted(path: Path) -> bool:
    return is_under(path, _key(path))


# operation → (its command, what must hold after it, whether the files end encrypted)
OPERATIONS: dict[str, tuple[Callable[[JournalPaths, Path], list[str]], Any, bool | None]] = {
    "backup": (_backup_argv, _check_backup, None),
    "restore": (_restore_argv, _check_restore, None),
    "passphrase set": (_set_argv, None, True),
    "passphrase remove": (_remove_argv, None, False),
}


@pytest.mark.slow
@pytest.mark.usefixtures("cheap_keys")
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_operations_under_a_full_or_read_only_disk(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    place: tuple[Path, Path | None],
    operation: str,
) -> None:
    argv, check_content, encrypted = OPERATIONS[operation]

    def encrypt_first(paths: JournalPaths) -> None:
        if operation == "passphrase remove":
            assert run(capsys, *_set_argv(paths, paths.journal))[0] == 0

    def check(paths: JournalPaths, older: Path, code: int) -> None:
        assert _leftovers(paths) == []
        if check_content is not None:
            check_content(paths, older, code)
            return
        key = None if has_sqlite_header(paths.journal) else _key(paths.journal)
        assert _names(paths.journal, key) == ["Ada", "Grace", "Hedy"]
        if code:  # once the disk is fine again, the same command finishes the change
            retry, _, err = run(capsys, *argv(paths, older))
            assert retry == 0, err
        files = [paths.journal, paths.drafts, *backups_of(paths.backups, "journal")]
        assert all(_encrypted(p) if encrypted else has_sqlite_header(p) for p in files)
        assert not marker_path(paths.journal).exists()

    runs = _under_faults(capsys, monkeypatch, place, argv, check, prepare=encrypt_first)
    assert runs > 0


def _key(journal: Path) -> JournalKey:
    return JournalKey.for_file(journal, PASSPHRASE)


def test_the_fault_helper_counts_and_fails_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite3.connect(tmp_path / "x.sqlite").close()
    faults = Faults(monkeypatch)
    faults.install()
    faults.arm(step=2, code=errno.EROFS)
    (tmp_path / "a").mkdir()  # step 1
    with pytest.raises(OSError, match="Read-only"):
        (tmp_path / "b").mkdir()
    with pytest.raises(sqlite3.OperationalError) as raised:
        sqlite3.connect(tmp_path / "x.sqlite")
    assert raised.value.sqlite_errorcode == 8
    sqlite3.connect(f"file:{tmp_path / 'x.sqlite'}?mode=ro", uri=True).close()  # reads go on
    faults.clear()
