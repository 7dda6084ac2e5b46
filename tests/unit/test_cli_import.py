"""Import and export from the command line with files as they come: bounded reading,
unknown columns placed with --map, formats told by content, exports that cannot inject."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from relationship_journal.app import main
from relationship_journal.domain.moments import Moment, MomentKind
from relationship_journal.exchange.csv_import import read_csv
from relationship_journal.exchange.ics_export import window
from relationship_journal.exchange.import_plan import read_file
from relationship_journal.exchange.records import ImportFileError
from relationship_journal.exchange.vcard_import import read_vcards
from relationship_journal.paths import JournalPaths

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _names(capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, out, _ = run(capsys, "contacts", "--json")
    assert code == 0
    return sorted(person["name"] for person in json.loads(out))


def test_devices_are_refused_before_anything_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", "/dev/zero")
    assert code == 1 and "is not a regular file" in err and "Traceback" not in err


def test_a_ten_megabyte_name_is_cut_with_a_warning() -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + "x" * 10_000_000 + "\r\nEND:VCARD\r\n"
    (record,) = read_vcards(card)
    assert len(record.draft.display_name) == 1000
    assert [str(p) for p in record.problems] == [
        "card 1: name is 10,000,000 characters long: cut to 1,000"
    ]


def test_an_overlong_csv_header_or_cell_is_a_clear_error(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text("Name," + "y" * 200_000 + "\nAnna,1\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="the first line is 195 KB long"):
        read_file(wide)
    tall = tmp_path / "tall.csv"
    tall.write_text('Name,Notes\nAnna,"' + "z" * 2_100_000 + '"\n', encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"line 2: not a CSV file \(field larger"):
        read_file(tall)


def test_name_email_company_is_not_taken_for_outlook() -> None:
    records, fmt, _ = read_file(DATA / "name-email-company.csv")
    assert fmt == "CSV (columns guessed)"
    assert [r.draft.display_name for r in records] == ["Anna Lind", "Ben Ode"]


def test_unknown_columns_are_named_then_placed_with_map(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(DATA / "unknown-columns.csv")
    code, _, err = run(capsys, "import", path)
    assert code == 1
    assert "could not place 'Who', 'Mailing Street', 'Marketing emails opened'" in err
    code, _, err = run(capsys, "import", path, "--map", "Who=name")
    assert code == 1 and "still to place 'Mailing Street'" in err
    code, out, _ = run(
        capsys,
        "import",
        path,
        "--map",
        "Who=name",
        "--map",
        "Mailing Street=ignore",
        "--map",
        "Marketing emails opened=ignore",
        "--map",
        "Phone 1 - Label=ignore",
    )
    assert code == 0 and "1 new" in out
    assert _names(capsys) == ["Carla Diaz"]
    code, _, err = run(capsys, "import", path, "--map", "Who=shoe size")
    assert code == 1 and "'shoe size' is not a contact field" in err


def test_dates_that_read_both_ways_are_asked(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / "dates-both-ways.csv")
    code, _, err = run(capsys, "import", path)
    assert code == 1 and "--date-order" in err
    code, out, _ = run(capsys, "import", path, "--date-order", "day-first")
    assert code == 0 and "2 new" in out
    code, out, _ = run(capsys, "contacts", "--json")
    birthdays = {p["name"]: p["birthday"] for p in json.loads(out)}
    assert birthdays == {"Dana Ek": "1985-05-04", "Eli Fox": "1990-02-03"}


def test_warnings_are_printed_with_the_import(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", str(DATA / "dates-reduced.vcf"))
    assert code == 0 and "8 new" in out
    assert "card 7, Jane Roe: birthday '0000-00-00' is not a date: left out" in out


def test_json_export_is_recognised_by_content(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, paths: JournalPaths
) -> None:
    run(capsys, "import", str(DATA / "full-details.vcf"))
    archive = tmp_path / "journal-backup.txt"
    assert run(capsys, "export", "json", str(archive))[0] == 0
    other = tmp_path / "other"
    code, out, _ = run(capsys, "--data-dir", str(other), "import", str(archive))
    assert code == 0 and "Restored 1 contact from" in out
    misnamed = tmp_path / "cards.json"
    misnamed.write_bytes((DATA / "same-name.vcf").read_bytes())
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "third"), "import", str(misnamed))
    assert code == 0 and "Imported from cards.json: 2 new" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_restore_shows_how_far_it_is_on_a_terminal_only(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from relationship_journal.exchange import json_archive

    run(capsys, "import", str(DATA / "full-details.vcf"))
    archive = tmp_path / "whole.json"
    assert run(capsys, "export", "json", str(archive))[0] == 0
    monkeypatch.setattr(json_archive, "WATCH_EVERY", 1)
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "piped"), "import", str(archive))
    assert code == 0 and "Loading" not in err  # nobody watches a pipe
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "seen"), "import", str(archive))
    assert code == 0 and "Restored 1 contact from" in out
    shown = terminal.getvalue()
    assert shown.startswith("\rLoading whole.json… ") and shown.endswith("%\r\033[K")


def test_a_carriage_return_in_a_note_cannot_inject_a_card(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, paths: JournalPaths
) -> None:
    run(capsys, "import", str(DATA / "qp-soft-breaks.vcf"))
    connection = sqlite3.connect(paths.journal)
    connection.execute(
        "UPDATE contact SET notes = ?, title = ?",
        ("first\rEND:VCARD\rBEGIN:VCARD\rFN:Intruder", "Host\x00\x1b"),
    )
    connection.commit()
    connection.close()
    target = tmp_path / "out.vcf"
    assert run(capsys, "export", "vcard", str(target))[0] == 0
    text = target.read_bytes()
    assert b"\rEND" not in text and b"\x00" not in text and b"\x1b" not in text
    (back,) = read_vcards(text)
    assert back.draft.display_name == "Party Host"
    assert back.draft.notes == "first\nEND:VCARD\nBEGIN:VCARD\nFN:Intruder"


def test_csv_export_is_safe_in_spreadsheets_and_reads_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, paths: JournalPaths
) -> None:
    run(capsys, "import", str(DATA / "full-details.vcf"))
    connection = sqlite3.connect(paths.journal)
    connection.execute("UPDATE contact SET notes = ?, nickname = ?", ("=cmd|' /C calc'!A0", "@jd"))
    connection.commit()
    connection.close()
    target = tmp_path / "out.csv"
    assert run(capsys, "export", "csv", str(target))[0] == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 for spreadsheet programs
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    assert row["Notes"] == "'=cmd|' /C calc'!A0" and row["Nickname"] == "'@jd"
    assert row["Phone 1"] == "'+1 905-555-1235" and row["Phone 1 Label"] == "work fax"
    (back,), mapping = read_csv(data)
    assert mapping.format_name == "Relationship Journal"
    assert back.draft.notes == "=cmd|' /C calc'!A0" and back.draft.nickname == "@jd"
    assert back.draft.phones[0].value == "+1 905-555-1235"


def test_a_calendar_window_of_n_days_holds_n_days() -> None:
    start = date(2027, 1, 1)
    moments = [
        Moment(start + timedelta(days=offset), MomentKind.REMINDER, f"k{offset}", "t", "w")
        for offset in range(-1, 367)
    ]
    chosen = window(moments, start, 365)
    assert (chosen[0].day, chosen[-1].day, len(chosen)) == (start, date(2027, 12, 31), 365)
