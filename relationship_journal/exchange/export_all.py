"""Writing an export file of the whole journal in one of the formats people ask for."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import col, select

from relationship_journal.exchange.csv_export import export_csv
from relationship_journal.exchange.json_archive import export_json
from relationship_journal.exchange.vcard_export import export_vcards
from relationship_journal.store.errors import JournalError
from relationship_journal.store.journal import Journal
from relationship_journal.store.models import Contact
from relationship_journal.store.private_files import create_private_file

FORMATS = ("vcard", "csv", "json")


def export_to_file(journal: Journal, fmt: str, target: Path) -> int:
    """Write the export; returns how many contacts it holds. The file is private (0600)."""
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
        if fmt == "vcard":
            text = export_vcards(session, ids)
        elif fmt == "csv":
            text = export_csv(session, ids)
        elif fmt == "json":
            with journal.engine.connect() as connection:
                text = export_json(connection)
        else:
            raise ValueError(f"unknown export format {fmt!r}")
    try:
        create_private_file(target)
        target.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise JournalError(f"cannot write {target} ({error.strerror or error})") from None
    return len(ids)
