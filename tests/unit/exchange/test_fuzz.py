"""Whatever bytes arrive, the importer answers with records or a clear error, never a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relationship_journal.exchange.import_plan import read_file
from relationship_journal.exchange.records import ImportFileError

VCARD_BITS = [
    b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n",
    b"VERSION:2.1\r\n",
    b"FN;ENCODING=QUOTED-PRINTABLE:=C3=A9=\r\n",
    b"BDAY:--0230\r\n",
    b"item1.EMAIL:x@y.z\r\n",
    b"PHOTO;ENCODING=b:%%%\r\n",
    b"N:;;;;;;;\r\n",
    b" folded\r\n",
    b"First Name,Last Name,Connected On\r\n",
    b'"unterminated,\r\n',
]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=600),
        st.lists(st.sampled_from(VCARD_BITS) | st.binary(max_size=20), max_size=30).map(b"".join),
    )
)
def test_random_bytes_never_raise_anything_but_a_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "input"
    path.write_bytes(data)
    try:
        records, _fmt, _mapping = read_file(path)
    except ImportFileError as error:
        assert str(error)
        return
    for record in records:
        for problem in record.problems:
            assert str(problem)
