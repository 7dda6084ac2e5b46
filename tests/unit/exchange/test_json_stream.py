"""The streaming reader gives the same records whatever the layout of the file and however
its bytes arrive, one at a time or a megabyte at a time."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relationship_journal.exchange import json_stream
from relationship_journal.exchange.json_stream import Meta, Row, TableStart, read_archive
from relationship_journal.exchange.records import ImportFileError

values = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)
rows = st.dictionaries(st.text(max_size=6), values, max_size=4)
tables = st.dictionaries(
    st.sampled_from(["contact", "entry", "tag", "ö"]), st.lists(rows, max_size=6)
)
layouts = st.sampled_from(
    [
        {},
        {"indent": 1},
        {"separators": (",", ":")},
        {"separators": (" ,\n\t", " :\r\n ")},
        {"ensure_ascii": False, "indent": "\n"},
    ]
)


def _events(data: bytes, chunk: int, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    monkeypatch.setattr(json_stream, "CHUNK_BYTES", chunk)
    return list(read_archive(io.BytesIO(data)))


@settings(max_examples=150, deadline=None)
@given(tables=tables, layout=layouts, chunk=st.sampled_from([1, 2, 5, 64, 1 << 20]))
def test_records_are_the_same_however_laid_out_and_read(
    tables: dict[str, list[dict[str, Any]]], layout: dict[str, Any], chunk: int
) -> None:
    document = {"format": "relationship-journal", "version": 1, "tables": tables}
    data = json.dumps(document, **layout).encode()
    expected: list[Any] = [Meta("format", "relationship-journal"), Meta("version", 1)]
    expected.append(Meta("tables", None))
    for name, listed in tables.items():
        expected.append(TableStart(name))
        expected += [Row(name, number, row) for number, row in enumerate(listed, start=1)]
    with pytest.MonkeyPatch.context() as monkeypatch:
        found = _events(data, chunk, monkeypatch)
    assert found == expected


@pytest.mark.parametrize("chunk", [1, 3, 1 << 20])
@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ('{"a": 1} {"b": 2}', "expected ',' between rows of 'tag', found '{'"),
        ('{"a": 1},]', "row 2 of 'tag' is not valid JSON (Expecting value)"),
        ('{"a": 1}, {"b": ', "row 2 of 'tag' is not valid JSON"),
        ('{"a": 1},, {"b": 2}', "row 2 of 'tag' is not valid JSON (Expecting value)"),
    ],
)
def test_broken_rows_are_named_however_read(
    rows: str, message: str, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ('{"tables": {"tag": [' + rows + "]}}").encode()
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        _events(data, chunk, monkeypatch)
