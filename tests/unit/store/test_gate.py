"""One gate for every use of a journal: ordinary users side by side, a conversion alone."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from contextlib import suppress
from pathlib import Path

import pytest

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock, gate
from relationship_journal.store.cipher import JournalKey, has_sqlite_header
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.encryption import change_encryption
from relationship_journal.store.errors import (
    JournalBusyError,
    JournalInUseError,
    JournalLockedError,
)
from relationship_journal.store.journal import open_journal
from relationship_journal.store.lock import JournalLock
from tests.unit.test_cli import DATA, run

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gate, "WAIT_SECONDS", 0.3)


def _hold_in_another_process(code: str) -> subprocess.Popen[str]:
    """A child that runs ``code`` (which takes a lock), prints READY and sleeps."""
    child = subprocess.Popen(
        [sys.executable, "-c", f"{code}\nprint('READY', flush=True)\nimport time; time.sleep(60)"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    child.stdout.close()
    return child


def test_ordinary_users_share_the_journal(paths: JournalPaths) -> None:
    first = open_journal(paths.journal, paths.backups)
    second = open_journal(paths.journal, paths.backups)
    with first.transaction() as session:
        create_contact(session, ContactDraft("Ada"), clock.now())
    with second.transaction() as session:
        create_contact(session, ContactDraft("Grace"), clock.now())
    first.close()
    second.close()


def test_a_conversion_refuses_while_the_journal_is_open(paths: JournalPaths) -> None:
    journal = open_journal(paths.journal, paths.backups)
    started = time.monotonic()
    with pytest.raises(JournalInUseError, match="still running"):
        change_encryption(paths.journal, paths.backups, None, JournalKey.new("a passphrase 1"))
    assert time.monotonic() - started < 3
    assert has_sqlite_header(paths.journal)
    journal.close()
    change_encryption(paths.journal, paths.backups, None, JournalKey.new("a passphrase 1"))
    assert not has_sqlite_header(paths.journal)


def test_commands_wait_for_a_conversion_then_name_it(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    run(capsys, "contacts")
    with gate.converting(paths.journal, "set the passphrase"):
        code, out, err = run(capsys, "log", "1", "--note", "Hello")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "busy" in err and "set the passphrase" in err and f"process {os.getpid()}" in err
    assert "Traceback" not in err
    code, _, _ = run(capsys, "contacts")  # the conversion is over: the journal is free
    assert code == 0


def test_the_command_line_works_beside_an_open_window(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    run(capsys, "import", str(DATA / "android-2.1.vcf"))
    window = _hold_in_another_process(
        "from pathlib import Path\n"
        "from relationship_journal.store.lock import JournalLock\n"
        "from relationship_journal.store.journal import open_journal\n"
        f"p = Path({str(paths.journal)!r})\n"
        "w = JournalLock(p)\nw.acquire()\n"
        "j = open_journal(p, p.parent / 'backups')"
    )
    try:
        code, out, _ = run(capsys, "log", "aiko", "--deposit", "2", "Lunch")
        assert code == 0 and "Logged deposit" in out
        assert run(capsys, "contacts")[0] == 0
        with pytest.raises(JournalLockedError):  # but not a second window
            JournalLock(paths.journal).acquire()
        secret = paths.data_dir / "secret"
        secret.write_text("a long passphrase\n", encoding="utf-8")
        code, _, err = run(capsys, "passphrase", "set", "--new-passphrase-file", str(secret))
        assert code == 1
        assert f"open in the Relationship Journal window (process {window.pid})" in err
        assert has_sqlite_header(paths.journal)
    finally:
        window.kill()
        window.wait()


def test_a_conversion_waits_for_a_command_to_finish_then_refuses(paths: JournalPaths) -> None:
    open_journal(paths.journal, paths.backups).close()
    holder = _hold_in_another_process(
        "from pathlib import Path\n"
        "from relationship_journal.store.journal import open_journal\n"
        f"p = Path({str(paths.journal)!r})\n"
        "j = open_journal(p, p.parent / 'backups')"
    )
    try:
        with (
            pytest.raises(JournalInUseError, match="command that is still running"),
            gate.converting(paths.journal, "restore a backup"),
        ):
            pass
    finally:
        holder.kill()
        holder.wait()
    with gate.converting(paths.journal, "restore a backup") as passage:
        assert passage.exclusive


def test_a_pass_can_become_exclusive_and_back(paths: JournalPaths) -> None:
    passage = gate.enter(paths.journal)
    passage.make_exclusive("upgrade the journal")
    with pytest.raises(JournalBusyError, match="upgrade the journal"):
        gate.enter(paths.journal)
    passage.make_shared()
    other = gate.enter(paths.journal)
    other.release()
    passage.release()
    assert not passage.held


def test_temporary_copies_of_a_killed_conversion_are_cleared(paths: JournalPaths) -> None:
    open_journal(paths.journal, paths.backups).close()
    leftovers = [
        paths.data_dir / ".journal.sqlite.restoring",
        paths.data_dir / ".journal.sqlite.0123abcd.converting",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"stale")
    open_journal(paths.journal, paths.backups).close()
    assert not any(leftover.exists() for leftover in leftovers)


def test_a_stream_of_short_commands_cannot_keep_a_conversion_out(paths: JournalPaths) -> None:
    """Each ordinary user is brief, but they overlap; the conversion closes the turnstile
    and gets in once those inside have left."""
    stop = threading.Event()
    entered = []

    def users() -> None:
        while not stop.is_set():
            with suppress(JournalBusyError):
                passage = gate.enter(paths.journal, wait=0.05)
                entered.append(1)
                time.sleep(0.02)
                passage.release()

    crowd = [threading.Thread(target=users) for _ in range(3)]
    for thread in crowd:
        thread.start()
    try:
        time.sleep(0.2)
        with gate.converting(paths.journal, "restore a backup", wait=3) as passage:
            assert passage.exclusive
    finally:
        stop.set()
        for thread in crowd:
            thread.join()
    assert entered
