"""CSV files into import records: preambles, delimiters, bounded cells, labels, dates in
the order their column uses. Rows are read as a stream: only the records are kept."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from relationship_journal.domain.contact import (
    MAX_BLOCK,
    Address,
    ContactDraft,
    DatedMoment,
    FieldError,
    Labelled,
    check_email,
    compose_name,
)
from relationship_journal.domain.dates import DateError, PartialDate
from relationship_journal.domain.text import clean_block, clean_line
from relationship_journal.exchange.csv_formats import MULTI_SEPARATOR, ColumnMapping
from relationship_journal.exchange.csv_guess import guess
from relationship_journal.exchange.csv_known import detect
from relationship_journal.exchange.date_values import EMPTY_DATES, day_first, parse_csv_date
from relationship_journal.exchange.decoding import decode_text
from relationship_journal.exchange.labels import web_note
from relationship_journal.exchange.records import ImportFileError, ImportRecord, UnsureColumnsError

MAX_HEADER_CHARS = 128 * 1024
# A spreadsheet cell holds at most 32,767 characters, but notes in our own export may be as
# long as the journal keeps them. A longer cell stops the file with a clear message.
MAX_CELL_CHARS = MAX_BLOCK + 1024
csv.field_size_limit(MAX_CELL_CHARS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def _header_start(text: str) -> int:
    """Where the header begins. LinkedIn puts a "Notes:" paragraph before it; the header is
    the first of the first 40 lines that reads as two or more named columns."""
    position = 0
    for _ in range(40):
        end = text.find("\n", position)
        line = text[position : end if end >= 0 else len(text)].rstrip("\r")
        if len(line) > MAX_HEADER_CHARS:
            raise ImportFileError(
                f"the first line is {len(line) // 1024:,} KB long: this is not a CSV header"
            )
        if line.strip() and not line.lower().startswith(("notes:", '"when exporting')):
            try:
                cells = next(csv.reader([line], dialect=_dialect(line)), [])
            except csv.Error:
                cells = []
            if len([c for c in cells if c.strip()]) >= 2:
                return position
        if end < 0:
            break
        position = end + 1
    return 0


def _dialect(line: str) -> type[csv.Dialect]:
    counts = {sep: line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])

    class Detected(csv.excel):
        delimiter = best if counts[best] else ","

    return Detected


def _rows(text: str) -> Iterator[list[str]]:
    """The header first, then every non-empty row, as lists of cells."""
    start = _header_start(text)
    end = text.find("\n", start)
    stream = io.StringIO(text)
    stream.seek(start)
    reader = csv.reader(stream, dialect=_dialect(text[start : end if end >= 0 else None]))
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield cells
    except csv.Error as error:
        raise ImportFileError(f"line {reader.line_num}: not a CSV file ({error})") from None


def read_header(text: str) -> list[str]:
    header = next(_rows(text), None)
    if header is None:
        raise ImportFileError("the file is empty")
    return [column.strip() for column in header]


class _Row:
    def __init__(self, cells: list[str], index: dict[str, int], quoted: bool) -> None:
        self.cells, self.index, self.quoted = cells, index, quoted

    def __call__(self, column: str) -> str:
        position = self.index.get(column)
        if position is None or position >= len(self.cells):
            return ""
        value = self.cells[position]
        if not value:
            return ""
        value = value.strip()
        if self.quoted and value[:1] == "'" and value[1:2] in _FORMULA_START:
            value = value[1:]  # our export's guard against spreadsheet formulas
        return value

    def label(self, source: str) -> str:
        if source.startswith("="):
            return source[1:]
        text = clean_line(self(source))
        return text if self.quoted else text.lower()  # our own export keeps the user's case


def _labelled(row: _Row, pairs: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for column, label_source in pairs:
        cell = row(column)
        if not cell:
            continue
        label = row.label(label_source).lstrip("* ")
        for value in cell.split(MULTI_SEPARATOR):
            if value.strip():
                yield value.strip(), label


def _date(record: ImportRecord, text: str, order: bool, what: str) -> PartialDate | None:
    if not text or text in EMPTY_DATES:
        return None
    try:
        found = parse_csv_date(text, order)
    except DateError:
        record.warn(what, f"{what} '{text[:40]}' is not a date: left out")
        return None
    if isinstance(found, PartialDate):
        return found
    record.draft.notes = f"{record.draft.notes}\n\n{what.capitalize()}: {found.label()}".strip()
    return None


# (mapping field, draft field) of the one-line texts
_TEXT_FIELDS = (
    ("prefix", "name_prefix"),
    ("given", "given_name"),
    ("middle", "middle_name"),
    ("family", "family_name"),
    ("suffix", "name_suffix"),
    ("nickname", "nickname"),
    ("organisation", "organisation"),
    ("org_unit", "org_unit"),
    ("title", "title"),
    ("role", "role"),
)


def row_to_record(row: _Row, number: int, mapping: ColumnMapping, order: bool) -> ImportRecord:
    record = ImportRecord("row", number, ContactDraft(display_name=""))
    _read_names_and_reach(record, row, mapping)
    _read_dates(record, row, mapping, order)
    webs = [web_note(label, address) for address, label in _labelled(row, mapping.websites)]
    notes = "\n".join(part for part in (row(mapping.notes), "\n".join(webs)) if part)
    record.draft.notes = record.block("notes", clean_block(notes))
    record.draft.tags = _tags(record, row(mapping.tags), mapping.tag_separator)
    record.draft.addresses = list(_addresses(row, mapping))
    home = [a for a in record.draft.addresses if a.label in ("home", "")]
    city = clean_line(row(mapping.city)) or (home[0].place() if home else "")
    if city:
        record.facts["home"] = record.line("home", city)
    return record


def _read_names_and_reach(record: ImportRecord, row: _Row, mapping: ColumnMapping) -> None:
    """Names, organisation, e-mail and phone; a row with none of them is refused."""
    draft = record.draft
    for source, target in _TEXT_FIELDS:
        text = row(getattr(mapping, source))
        if text:
            setattr(draft, target, record.line(target, clean_line(text)))
    name = clean_line(row(mapping.name)) or compose_name(
        draft.given_name, draft.middle_name, draft.family_name
    )
    for address, label in _labelled(row, mapping.emails):
        try:
            draft.emails.append(Labelled(check_email(address), label))
        except FieldError:
            record.warn("email", f"email '{address[:60]}' is not an email address: left out")
    draft.phones = [
        Labelled(record.line("phone", clean_line(number)), label)
        for number, label in _labelled(row, mapping.phones)
    ]
    draft.display_name = (
        record.line("name", name)
        or draft.organisation
        or next((item.value for item in [*draft.emails, *draft.phones]), "")
    )
    if not draft.display_name:
        record.refuse("name", "has no name, organisation, email or phone")


def _read_dates(record: ImportRecord, row: _Row, mapping: ColumnMapping, order: bool) -> None:
    draft = record.draft
    draft.birthday = _date(record, row(mapping.birthday), order, "birthday")
    for text, label in _labelled(row, mapping.anniversaries):
        found = _date(record, text, order, label or "anniversary")
        if found is not None:
            draft.anniversaries.append(DatedMoment(label or "anniversary", found))
    met = _date(record, row(mapping.met_on), order, "connection date")
    if met is not None and met.year is not None:
        draft.met_on = met.as_date()
        draft.met_how = f"Connected on {mapping.format_name.split()[0]}"


def _tags(record: ImportRecord, cell: str, separator: str) -> list[str]:
    # Google marks its system groups with "* " (for example "* myContacts"): not tags.
    return [
        record.line("tag", clean_line(tag))
        for tag in cell.split(separator)
        if cell and clean_line(tag) and not tag.strip().startswith("* ")
    ]


def _addresses(row: _Row, mapping: ColumnMapping) -> Iterator[Address]:
    for columns in mapping.addresses:
        cells = [
            row(c)
            for c in (
                columns.street,
                columns.locality,
                columns.region,
                columns.postcode,
                columns.country,
            )
        ]
        if not cells[0] and columns.formatted:
            cells[0] = street_of(row(columns.formatted), cells[1:])
        if not any(cells):
            continue
        parts = [clean_line(cell) for cell in cells]
        address = Address(row.label(columns.label) if columns.label else "", *parts)
        if not address.is_empty():
            yield address


def street_of(formatted: str, others: list[str]) -> str:
    """The street of a whole address written in one cell: its lines (or, on one line, its
    parts between commas) before the first that holds the town, region, postcode or
    country given on their own; all of it when none of those is given."""
    lines = [line.strip() for line in formatted.splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    known = [other.strip().casefold() for other in others if other.strip()]
    street: list[str] = []
    for line in lines:
        if any(other in line.casefold() for other in known):
            break
        street.append(line)
    return ", ".join(street)


def choose_mapping(header: list[str], mapping: ColumnMapping | None) -> ColumnMapping:
    """The mapping to read the file with: the user's, a recognised export's, or a guess
    that placed every column. Anything unsure raises ``UnsureColumnsError``."""
    if mapping is not None:
        missing = sorted(c for c in mapping.used_columns() if c not in header)
        if missing:
            raise ImportFileError(f"the file has no column {', '.join(repr(m) for m in missing)}")
        return mapping
    known = detect(header)
    if known is not None:
        return known
    guessed, unplaced = guess(header)
    if unplaced or not guessed.is_usable():
        shown = ", ".join(repr(c) for c in unplaced[:12]) + ("…" if len(unplaced) > 12 else "")
        reason = f"could not place {shown}" if unplaced else "found no name column"
        raise UnsureColumnsError(
            header,
            unplaced,
            f"the columns are not a known contacts export and the guess {reason}; "
            "say which column holds what in the column-mapping dialog "
            "(on the command line: --map COLUMN=FIELD, or COLUMN=ignore)",
        )
    return guessed


def mapping_to_complete(header: list[str]) -> tuple[ColumnMapping, list[str]]:
    """A start for the user's own mapping: the recognised export's, else the guess, with
    the columns still to place."""
    known = detect(header)
    return (known, []) if known is not None else guess(header)


def _date_order(text: str, mapping: ColumnMapping, header: list[str]) -> bool:
    """True when numeric dates are day first: the mapping's word, else the columns' own."""
    if mapping.day_first is not None:
        return mapping.day_first
    positions = [header.index(c) for c in mapping.date_columns() if c in header]
    if not positions:
        return True
    rows = _rows(text)
    next(rows, None)
    values = (cells[p] for cells in rows for p in positions if p < len(cells))
    found = day_first(values)
    if found is None:
        found = mapping.assumed_day_first
    if found is None:
        raise UnsureColumnsError(
            header,
            [],
            "every date in the file reads both ways (4/5/1985 is 4 May or April 5); say "
            "which in the column-mapping dialog (on the command line: --date-order)",
        )
    return found


def read_csv(
    data: str | bytes, mapping: ColumnMapping | None = None
) -> tuple[list[ImportRecord], ColumnMapping]:
    """Records from CSV text; without a mapping the format is recognised from its header."""
    if isinstance(data, bytes):
        data = decode_text(data)[0]
    header = read_header(data)
    chosen = choose_mapping(header, mapping)
    order = _date_order(data, chosen, header)
    index: dict[str, int] = {}
    for position, column in enumerate(header):
        if column:
            index.setdefault(column, position)
    if chosen.format_name.startswith("Outlook (fr"):
        index["Titre"] = len(header) - 1 - header[::-1].index("Titre")  # the job title
    rows = _rows(data)
    next(rows, None)
    records = [
        row_to_record(_Row(cells, index, chosen.quoted_formulas), number, chosen, order)
        for number, cells in enumerate(rows, start=1)
    ]
    return records, chosen
