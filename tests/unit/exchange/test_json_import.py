"""The JSON importer checks every row, reports every problem, honours --skip-invalid, and
whatever the file holds, leaves a journal every command can read."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relationship_journal.exchange import json_archive
from relationship_journal.exchange.brief import brief_html, load_brief
from relationship_journal.exchange.csv_export import export_csv
from relationship_journal.exchange.json_archive import export_json, import_archive
from relationship_journal.exchange.records import ImportFileError
from relationship_journal.exchange.vcard_export import export_vcards
from relationship_journal.paths import JournalPaths
from relationship_journal.resources import resource
from relationship_journal.store.agenda import collect
from relationship_journal.store.contact_list import ContactFilter, list_contacts
from relationship_journal.store.demo import populate_demo
from relationship_journal.store.journal import Journal, open_journal
from tests.unit.test_cli import run

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo journal as a JSON export, to break in many ways."""
    folder = tmp_path_factory.mktemp("demo")
    journal = open_journal(folder / "journal.sqlite", folder / "backups")
    try:
        populate_demo(journal, resource("demo", "demo_journal.json"), NOW.date(), NOW)
        with journal.engine.connect() as connection:
            document: dict[str, Any] = json.loads(export_json(connection))
    finally:
        journal.close()
    return document


def _write(tmp_path: Path, document: Any, name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _broken(archive: dict[str, Any]) -> dict[str, Any]:
    document = json.loads(json.dumps(archive))
    tables = document["tables"]
    tables["contact"][0]["birth_month"] = 13
    tables["contact"][2]["tier"] = "platinum"
    tables["entry"][0]["occurred_at"] = "9999-12-31T12:00:00+00:00"
    tables["entry"][1]["value"] = 99
    tables["contact_email"][0]["address"] = "nobody at all"
    return document


def _everything_reads(journal: Journal) -> None:
    """What the window and the commands read: none of it may fail after an import."""
    with journal.reading() as session:
        rows = list_contacts(session, ContactFilter(), NOW)
        ids = [row.id for row in rows]
        collect(session, NOW.date(), 60)
        collect(session, datetime(1900, 1, 1).date(), 30)
        export_csv(session, ids)
        export_vcards(session, ids)
        for contact_id in ids[:5]:
            brief_html(load_brief(session, contact_id, NOW))
    with journal.engine.connect() as connection:
        export_json(connection)


def test_every_problem_is_reported_and_nothing_is_imported(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths, tmp_path: Path, archive: dict[str, Any]
) -> None:
    code, _, err = run(capsys, "import", str(_write(tmp_path, _broken(archive))))
    assert code == 1 and "Traceback" not in err
    assert "contact row 1 (Jürgen Müller): birthday: month 13 does not exist" in err
    assert "tier must be one of key, strategic, standard, not 'platinum'" in err
    assert "occurred_at: '9999-12-31T12:00:00+00:00' year 9999 is outside 1900–2100" in err
    assert "entry row 2" in err and "weight must be" in err
    assert "'nobody at all' is not an email address" in err
    assert "refers to contact 1, which was left out" in err
    assert "nothing was imported (use --skip-invalid" in err
    code, out, _ = run(capsys, "contacts", "--json")
    assert code == 0 and json.loads(out) == []


def test_skip_invalid_imports_the_rest_and_everything_reads_afterwards(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths, tmp_path: Path, archive: dict[str, Any]
) -> None:
    path = _write(tmp_path, _broken(archive))
    code, out, _ = run(capsys, "import", "--dry-run", "--skip-invalid", str(path))
    assert code == 0 and "dry run" in out
    code, out, _ = run(capsys, "import", "--skip-invalid", str(path))
    assert code == 0 and "Restored 23 contacts" in out and "skipped contact row 1" in out
    code, out, err = run(capsys, "contacts", "--json")
    assert code == 0, err
    names = {person["name"] for person in json.loads(out)}
    assert "Jürgen Müller" not in names and "Sofía Hernández" in names
    for command in (["agenda", "--from", "1900-01-01"], ["agenda"]):
        assert run(capsys, *command)[0] == 0
    for fmt in ("csv", "vcard", "json", "ics"):
        assert run(capsys, "export", fmt, str(tmp_path / f"out.{fmt}"))[0] == 0
    code, _, err = run(capsys, "brief", "2", "--pdf", str(tmp_path / "brief.pdf"))
    assert code == 0, err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema": "9999"}, "schema '9999', which this version of the app does not know"),
        ({"version": 2}, "format version 2"),
        ({"format": "something else"}, "not a Relationship Journal export"),
    ],
)
def test_unknown_versions_and_formats_are_refused(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    archive: dict[str, Any],
    change: dict[str, Any],
    message: str,
) -> None:
    code, _, err = run(capsys, "import", str(_write(tmp_path, {**archive, **change})))
    assert code == 1 and message in err and err.count("\n") == 1


HEAD = '{"format": "relationship-journal", "version": 1, "schema": "0004", "tables": {"contact": ['


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
        ('{"id": ' + "9" * 100_000 + "}", "is out of range"),
        ('{"id": 1, "balance_sum": 1e999}', "is out of range"),
        ('{"id": NaN}', "is out of range"),
        ('{"id": 1, "display_name": "x" ', "is not valid JSON"),
        ('"just text"', "is not a record"),
    ],
)
def test_hostile_json_gets_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(HEAD + body + "]}}", encoding="utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 1 and message in err and "Traceback" not in err


def test_files_that_are_not_regular_or_too_large_are_refused_before_reading(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    archive: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    code, _, err = run(capsys, "import", str(folder))
    assert code == 1 and "not a regular file" in err
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "import", str(fifo))
    assert code == 1 and "not a regular file" in err
    monkeypatch.setattr(json_archive, "MAX_ARCHIVE_BYTES", 1000)
    from relationship_journal.operations import transfer

    monkeypatch.setattr(transfer, "MAX_ARCHIVE_BYTES", 1000)
    code, _, err = run(capsys, "import", str(_write(tmp_path, archive)))
    assert code == 1 and "more than the 0 MB this app reads" in err


def test_rows_are_read_one_at_a_time(archive: dict[str, Any], journal: Journal) -> None:
    """A large export streams: the reader never holds much more than one row."""
    document = json.loads(json.dumps(archive))
    template = document["tables"]["tag"]
    document["tables"]["tag"] = [
        {"id": n, "name": f"tag {n} " + "x" * 200, "name_key": f"tag {n}"} for n in range(1, 20001)
    ]
    del template
    data = json.dumps(document).encode()
    assert len(data) > 4_000_000

    class Counting(io.BytesIO):
        largest = 0

        def read(self, size: int | None = -1) -> bytes:
            chunk = super().read(size)
            Counting.largest = max(Counting.largest, len(chunk))
            return chunk

    with journal.transaction() as session:
        report = import_archive(session, Counting(data), NOW)
    assert report.problem_count == 0 and report.contacts == 25
    assert Counting.largest <= 1 << 20


# Values a damaged or hand-edited export may hold anywhere.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["2026-13-01", "9999-01-01T00:00:00", "--02-30", "", " ", "\x00"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


# One change to an export: what to do, which row and column (as numbers to wrap around), a
# value and a name to put there.
changes = st.tuples(
    st.sampled_from(["value", "drop", "add", "row", "meta"]),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    json_values,
    st.text(max_size=8),
)


def _damage(base: dict[str, Any], plan: list[tuple[str, int, int, Any, str]]) -> str:
    document = json.loads(json.dumps(base))
    for kind, where, which, value, name in plan:
        tables = document.get("tables")
        if kind == "meta" or not isinstance(tables, dict):
            document[["schema", "version", "format", "tables"][which % 4]] = value
            continue
        filled = [rows for rows in tables.values() if isinstance(rows, list) and rows]
        if not filled:
            continue
        rows = filled[where % len(filled)]
        index = which % len(rows)
        row = rows[index]
        column = sorted(row)[which % len(row)] if isinstance(row, dict) and row else "id"
        if kind == "row" or not isinstance(row, dict):
            rows[index] = value
        elif kind == "value":
            row[column] = value
        elif kind == "drop":
            row.pop(column, None)
        else:
            row[name] = value
    return json.dumps(document, allow_nan=True)


def _fresh(tmp_path: Path) -> Iterator[Journal]:
    folder = tmp_path / f"j{os.urandom(6).hex()}"
    journal = open_journal(folder / "journal.sqlite", folder / "backups")
    try:
        yield journal
    finally:
        journal.close()


@pytest.mark.slow
def test_random_damage_to_an_export_never_crashes_the_importer_nor_what_reads_after(
    archive: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(plan=st.lists(changes, min_size=1, max_size=8))
    def check(plan: list[tuple[str, int, int, Any, str]]) -> None:
        text = _damage(archive, plan)
        for journal in _fresh(folder):
            try:
                with journal.transaction() as session:
                    report = import_archive(session, io.BytesIO(text.encode()), NOW)
            except ImportFileError:
                return  # refused as a whole, with a message
            assert report.problem_count == len(report.problems)
            _everything_reads(journal)

    check()


def test_half_a_character_pair_is_a_problem_of_its_row_not_a_crash(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths, tmp_path: Path, archive: dict[str, Any]
) -> None:
    """A lone surrogate escape ("\\udcff") decodes to text no file or journal can hold."""
    document = json.loads(json.dumps(archive))
    document["tables"]["contact"][1]["notes"] = "caf\udcff"
    document["tables"]["tag"].append({"id": 999, "name": "x", "name_key": "x", "\ud800k": 1})
    path = tmp_path / "halves.json"
    path.write_text(json.dumps(document), encoding="ascii")  # escapes, as other tools write
    code, _, err = run(capsys, "import", str(path))
    assert code == 1 and "Traceback" not in err and "unexpected" not in err
    assert "contact row 2" in err and "notes: holds half of a character pair" in err
    assert "\ufffdk: is not a column of this table" in err
    code, out, err = run(capsys, "import", "--skip-invalid", str(path))
    assert code == 0, err
    assert "Restored 24 contacts" in out


def test_a_setting_the_journal_already_has_is_kept_and_the_rest_restored(
    capsys: pytest.CaptureFixture[str], journal: Journal, tmp_path: Path, archive: dict[str, Any]
) -> None:
    """A calendar added before the restore (or a setting an undone restore left behind)
    does not stop the restore: the journal keeps its own."""
    from relationship_journal.store.settings import get_setting, set_setting

    set_setting(journal, "calendar.files", '["mine.ics"]')
    document = json.loads(json.dumps(archive))
    document["tables"].setdefault("setting", [])
    document["tables"]["setting"] += [
        {"key": "calendar.files", "value": '["theirs.ics"]'},
        {"key": "other.thing", "value": "kept"},
    ]
    code, out, err = run(capsys, "import", str(_write(tmp_path, document)))
    assert code == 0, err
    assert "Restored 25 contacts" in out
    assert get_setting(journal, "calendar.files") == '["mine.ics"]'
    assert get_setting(journal, "other.thing") == "kept"


def test_tables_in_another_order_are_refused_with_the_reason(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths, tmp_path: Path, archive: dict[str, Any]
) -> None:
    document = json.loads(json.dumps(archive))
    path = tmp_path / "sorted.json"
    path.write_text(json.dumps(document, sort_keys=True), encoding="utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 1 and "Traceback" not in err
    assert (
        "contact row 1 (Jürgen Müller): refers to organisation 1, but the organisation table "
        "comes after the contact table" in err
    )
