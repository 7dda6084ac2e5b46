"""Conversions killed half way, or racing a command: no plain copy left behind, nothing lost,
and a rerun finishes what was started."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.store import cipher, clock
from relationship_journal.store.backup_names import backups_of
from relationship_journal.store.backups import backup_before
from relationship_journal.store.cipher import JournalKey, has_sqlite_header
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.drafts import DraftStore
from relationship_journal.store.encryption import change_encryption, is_under, marker_path
from relationship_journal.store.journal import open_journal

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "interrupted passphrase"
SECRET = "Bluefin-merger-codename"
# The command line in a child, with key derivation at a few rounds (as in the parent).
CHILD = (
    "import sys\n"
    "from relationship_journal.store import cipher\n"
    "cipher.KDF_ROUNDS = 1000\n"
    "from relationship_journal.app import main\n"
    "print('READY', flush=True)\n"
    "sys.stdin.readline()\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


@pytest.fixture(autouse=True)
def cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cipher, "KDF_ROUNDS", 1000)


def _fill(paths: JournalPaths, people: int = 600) -> None:
    journal = open_journal(paths.journal, paths.backups)
    with journal.transaction() as session:
        for number in range(people):
            notes = f"{SECRET} {number} " + "confidential detail " * 40
            create_contact(session, ContactDraft(f"Person {number}", notes=notes), clock.now())
    journal.close()
    for _ in range(3):
        backup_before(paths.journal, paths.backups, "manual")
    DraftStore(paths.drafts).save("log", {"summary": SECRET})


def _secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def _start(argv: list[str], go: bool = True) -> subprocess.Popen[bytes]:
    """The command in a child, imported and ready; it runs once told to ``go``."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *argv],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == b"READY"
    if go:
        _go(child)
    return child


def _go(child: subprocess.Popen[bytes]) -> None:
    assert child.stdin is not None
    child.stdin.write(b"go\n")
    child.stdin.flush()


def _finish(child: subprocess.Popen[bytes], kill_after: float | None = None) -> tuple[int, str]:
    if kill_after is not None:
        time.sleep(kill_after)
        child.send_signal(signal.SIGKILL)
    out, err = child.communicate()
    return child.returncode, (out + err).decode()


def _files(paths: JournalPaths) -> list[Path]:
    return [paths.journal, paths.drafts, *backups_of(paths.backups, "journal")]


def _plain_leftovers(folder: Path) -> list[Path]:
    """Files of the folder (and below) in which the secret can be read as it is."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and SECRET.encode() in path.read_bytes():
            found.append(path)
    return found


@pytest.mark.slow
def test_a_killed_passphrase_change_is_finished_by_running_it_again(
    paths: JournalPaths, tmp_path: Path
) -> None:
    _fill(paths)
    template = tmp_path / "template"
    os.rename(paths.data_dir, template)
    secret = _secret_file(tmp_path)
    argv = ["--data-dir", str(paths.data_dir), "passphrase", "set"]
    argv += ["--new-passphrase-file", str(secret)]
    started = time.monotonic()
    _copy(template, paths.data_dir)
    code, output = _finish(_start(argv))
    assert code == 0, output
    duration = time.monotonic() - started
    rng = random.Random(15)
    interrupted = 0
    tries = 0
    # Kills at random moments; on a busy machine more tries may be needed before one falls
    # between the journal and its backups (each try checks everything either way).
    while tries < 8 or (not interrupted and tries < 30):
        tries += 1
        _copy(template, paths.data_dir)
        _finish(_start(argv), kill_after=rng.uniform(0.0, duration))
        key = None if has_sqlite_header(paths.journal) else _key(paths.journal)
        interrupted += key is not None and not all(is_under(p, key) for p in _files(paths))
        leftovers = [p for p in paths.data_dir.rglob("*") if p.suffix in (".converting",)]
        for path in leftovers:  # a killed conversion's copy is under the new key, never plain
            assert not has_sqlite_header(path) and SECRET.encode() not in path.read_bytes()
        code, output = _finish(_start(argv))
        assert code == 0, output
        key = _key(paths.journal)
        assert all(is_under(p, key) for p in _files(paths))
        assert not marker_path(paths.journal).exists()
        assert _plain_leftovers(paths.data_dir) == []
    assert interrupted, "no kill fell between the journal and its backups"


def _key(journal: Path) -> JournalKey:
    return JournalKey.for_file(journal, PASSPHRASE)


def _copy(template: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(template, target)


@pytest.mark.slow
def test_a_killed_restore_into_an_encrypted_journal_leaves_no_plain_copy(
    paths: JournalPaths, tmp_path: Path
) -> None:
    _fill(paths)
    plain = backup_before(paths.journal, tmp_path / "elsewhere", "manual")  # outside
    for old in backups_of(paths.backups, "journal"):
        old.unlink()
    key = JournalKey.new(PASSPHRASE)
    change_encryption(paths.journal, paths.backups, None, key, [paths.drafts])
    assert _plain_leftovers(paths.data_dir) == []
    template = tmp_path / "template"
    os.rename(paths.data_dir, template)
    secret = _secret_file(tmp_path)
    argv = ["--data-dir", str(paths.data_dir), "--passphrase-file", str(secret)]
    argv += ["restore", str(plain)]
    _copy(template, paths.data_dir)
    started = time.monotonic()
    code, output = _finish(_start(argv))
    assert code == 0, output
    duration = time.monotonic() - started
    rng = random.Random(14)
    for _ in range(8):
        _copy(template, paths.data_dir)
        _finish(_start(argv), kill_after=rng.uniform(0.0, duration))
        assert _plain_leftovers(paths.data_dir) == []
        journal = open_journal(paths.journal, paths.backups, _key(paths.journal))
        journal.close()


@pytest.mark.slow
def test_logging_while_the_passphrase_is_set_loses_nothing_and_leaves_no_plain_text(
    paths: JournalPaths, tmp_path: Path
) -> None:
    _fill(paths, people=1500)
    secret = _secret_file(tmp_path)
    folder = ["--data-dir", str(paths.data_dir)]
    conversion = _start([*folder, "passphrase", "set", "--new-passphrase-file", str(secret)], False)
    notes = [f"{SECRET} logged {number}" for number in range(6)]
    logs = [
        _start(
            [*folder, "--passphrase-file", str(secret), "log", "Person 7", "--note", note], False
        )
        for note in notes
    ]
    _go(conversion)
    for child in logs:  # one after another while the journal is being converted
        time.sleep(0.1)
        _go(child)
    logged = []
    for note, child in zip(notes, logs, strict=True):
        code, output = _finish(child)
        assert "Traceback" not in output
        if code == 0:
            logged.append(note)
        else:
            assert "busy" in output, output
    code, output = _finish(conversion)
    assert code == 0, output
    key = _key(paths.journal)
    assert all(is_under(p, key) for p in _files(paths))
    assert _plain_leftovers(paths.data_dir) == []
    journal = open_journal(paths.journal, paths.backups, key)
    try:
        with journal.engine.connect() as connection:
            stored = {r[0] for r in connection.exec_driver_sql("SELECT summary FROM entry")}
    finally:
        journal.close()
    assert set(logged) <= stored
