"""Writing an export file of the whole journal in one of the formats people ask for.

The file goes to a temporary file in the target's folder and is renamed into place when
complete; a symbolic link, a folder, another program's file (without ``force``) or another
program's database (ever) is refused before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlmodel import col, select

from relationship_journal.exchange.csv_export import export_csv
from relationship_journal.exchange.json_archive import FORMAT, write_archive
from relationship_journal.exchange.vcard_export import export_vcards
from relationship_journal.store.journal import Journal
from relationship_journal.store.models import Contact
from relationship_journal.store.output_files import check_target, head, write_failure, writing

FORMATS = ("vcard", "csv", "json")
_VCARD_MARK = b"UID:urn:relationship-journal:"


def _our_csv(data: bytes) -> bool:
    """Our CSV header, of this version or an earlier one: Name first, our own columns after."""
    first = data.removeprefix(b"\xef\xbb\xbf").split(b"\r\n", 1)[0].split(b",")
    return first[:1] == [b"Name"] and {b"Tier", b"Balance", b"Last Contact"} <= set(first)


def ours(fmt: str) -> Callable[[Path], bool]:
    """Whether an existing file is an export of ``fmt`` this app wrote (safe to replace)."""
    checks: dict[str, Callable[[bytes], bool]] = {
        "json": lambda data: f'"format": "{FORMAT}"'.encode() in data[:512],
        "csv": _our_csv,
        "vcard": lambda data: data.startswith(b"BEGIN:VCARD") and _VCARD_MARK in data,
        "ics": lambda data: b"PRODID:-//Relationship Journal//" in data[:1024],
        "pdf": lambda data: (
            data.startswith(b"%PDF") and "Relationship Journal".encode("utf-16-be") in data
        ),
    }
    check = checks[fmt]
    return lambda path: check(head(path, 4 * 1024 * 1024 if fmt == "vcard" else 65536))


def export_to_file(journal: Journal, fmt: str, target: Path, force: bool = False) -> int:
    """Write the export; returns how many contacts it holds. The file is private (0600)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    check_target(target, ours(fmt), force)
    try:
        with writing(target) as out:
            if fmt == "json":
                with journal.engine.connect() as connection:
                    return write_archive(connection, out)
            with journal.reading() as session:
                ids = [
                    cid
                    for cid in session.exec(
                        select(Contact.id)
                        .where(col(Contact.deleted_at).is_(None))
                        .order_by(col(Contact.name_key))
                    ).all()
                    if cid is not None
                ]
                text = export_vcards(session, ids) if fmt == "vcard" else export_csv(session, ids)
            out.write(text.encode("utf-8"))
            return len(ids)
    except OSError as error:
        raise write_failure(target, error) from None
