"""Files the app writes: never through a symbolic link, never over another program's file
without --force, never over another program's database, never half."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from relationship_journal.paths import JournalPaths
from relationship_journal.store.output_files import writing
from tests.unit.test_cli import DATA, run

ROOT = Path(__file__).resolve().parents[3]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(capsys: pytest.CaptureFixture[str], paths: JournalPaths) -> JournalPaths:
    run(capsys, "import", str(DATA / "android-2.1.vcf"))
    return paths


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file\n", encoding="utf-8")
    victim.chmod(0o644)
    return victim


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize(
    "argv",
    [
        ["export", "json", "{out}"],
        ["export", "csv", "{out}"],
        ["export", "vcard", "{out}"],
        ["export", "ics", "{out}"],
        ["backup", "{out}"],
        ["brief", "aiko", "--pdf", "{out}"],
    ],
)
def test_a_symbolic_link_is_refused_and_its_target_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    victim = _victim(tmp_path)
    link = tmp_path / "out.file"
    link.symlink_to(victim)
    code, _, err = run(capsys, *[a.replace("{out}", str(link)) for a in argv])
    assert code == 1 and "symbolic link" in err and "--force" in err
    assert victim.read_text(encoding="utf-8") == "someone else's file\n"
    assert victim.stat().st_mode & 0o777 == 0o644
    # With --force the link itself is replaced by our file; its target is still untouched.
    code, _, err = run(capsys, *[a.replace("{out}", str(link)) for a in argv], "--force")
    assert code == 0, err
    assert not link.is_symlink() and victim.read_text(encoding="utf-8") == "someone else's file\n"


@pytest.mark.usefixtures("filled")
def test_another_programs_file_is_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    victim = _victim(tmp_path)
    code, _, err = run(capsys, "export", "csv", str(victim))
    assert code == 1 and "was not written by Relationship Journal" in err
    assert victim.read_text(encoding="utf-8") == "someone else's file\n"
    assert run(capsys, "export", "csv", str(victim), "--force")[0] == 0
    assert victim.read_text(encoding="utf-8").startswith("\ufeffName,")
    # Our own export is replaced without asking.
    assert run(capsys, "export", "csv", str(victim))[0] == 0


@pytest.mark.usefixtures("filled")
def test_another_programs_database_is_never_overwritten(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "photos.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE photo (name TEXT)")
    db.commit()
    db.close()
    before = _digest(other)
    for argv in (["backup", str(other)], ["backup", str(other), "--force"]):
        code, _, err = run(capsys, *argv)
        assert code == 1 and "another program's database" in err
    assert _digest(other) == before
    assert run(capsys, "backup", str(tmp_path / "mine.sqlite"))[0] == 0
    assert run(capsys, "backup", str(tmp_path / "mine.sqlite"))[0] == 0  # ours: replaced


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("the previous export", encoding="utf-8")
    with pytest.raises(RuntimeError), writing(target) as out:
        out.write(b"half of the new one")
        raise RuntimeError("the disk went away")
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


BRIEF_WORKER = """
import sys
from relationship_journal.app import main
print("READY", flush=True)
for n in range(1000):
    main(["brief", "aiko", "jurgen", "viktor", "--pdf", sys.argv[1], "--force"])
"""


@pytest.mark.slow
@pytest.mark.usefixtures("filled")
def test_a_killed_brief_never_leaves_half_a_pdf_under_its_name(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5, 2.0):
        child = subprocess.Popen(
            [sys.executable, "-c", BRIEF_WORKER, str(target)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
        assert child.stdout is not None and child.stdout.readline().strip() == b"READY"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if target.exists():
            data = target.read_bytes()
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    # The next brief clears whatever temporary file a killed one left.
    code = subprocess.run(
        [sys.executable, "-m", "relationship_journal", "brief", "aiko", "--pdf", str(target)],
        cwd=ROOT,
        capture_output=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    ).returncode
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["brief.pdf"]
