"""The whole journal as one JSON document, and back into a new journal, losslessly.

Format (documented in docs/json-format.md)::

    {"format": "relationship-journal", "version": 1, "schema": "<migration revision>",
     "exported_at": "<ISO 8601>", "tables": {"<table>": [{"<column>": value, ...}, ...]}}

Dates and times are ISO 8601 strings (times in UTC with offset), binary values (photos)
are base64 strings, everything else is the plain JSON value. Tables are listed parents
first, so they can be inserted in order.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, TypeDecorator, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, StatementError

from relationship_journal.exchange.records import ImportFileError
from relationship_journal.store import schema
from relationship_journal.store.models import Contact, SQLModel

FORMAT = "relationship-journal"
VERSION = 1


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def export_json(connection: Connection) -> str:
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in SQLModel.metadata.sorted_tables:
        rows = connection.execute(select(table).order_by(*table.primary_key.columns)).mappings()
        tables[table.name] = [{key: _encode(value) for key, value in row.items()} for row in rows]
    document = {
        "format": FORMAT,
        "version": VERSION,
        "schema": schema.head_revision(),
        "exported_at": datetime.now(UTC).isoformat(),
        "tables": tables,
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def _decode(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl
    if isinstance(column_type, DateTime):
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, LargeBinary):
        return base64.b64decode(value)
    return value


def parse_archive(text: str) -> dict[str, list[dict[str, Any]]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"not a JSON file ({error.msg} at line {error.lineno})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError("this JSON file is not a Relationship Journal export")
    if document.get("version") != VERSION:
        raise ImportFileError(
            f"this export has format version {document.get('version')}; "
            f"this app reads version {VERSION}"
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise ImportFileError("the export has no tables")
    return tables


def import_json(connection: Connection, text: str) -> int:
    """Load an export into an empty journal on ``connection``; returns the contacts loaded."""
    tables = parse_archive(text)
    existing = connection.execute(select(func.count()).select_from(Contact.__table__)).scalar()
    if existing:
        raise ImportFileError(
            "a JSON export restores a whole journal and can only be loaded into an empty one"
        )
    known = {table.name: table for table in SQLModel.metadata.sorted_tables}
    for name in tables:
        if name not in known:
            raise ImportFileError(f"the export has an unknown table '{name}'")
    for table in SQLModel.metadata.sorted_tables:
        rows = tables.get(table.name, [])
        if not rows:
            continue
        columns = {column.name: column.type for column in table.columns}
        try:
            decoded = [
                {key: _decode(columns[key], value) for key, value in row.items() if key in columns}
                for row in rows
            ]
        except (TypeError, ValueError, KeyError) as error:
            raise ImportFileError(f"table '{table.name}' has a bad value ({error})") from None
        try:
            connection.execute(table.insert(), decoded)
        except (IntegrityError, StatementError) as error:
            raise ImportFileError(f"table '{table.name}' does not fit ({error.orig})") from None
    return len(tables.get("contact", []))
