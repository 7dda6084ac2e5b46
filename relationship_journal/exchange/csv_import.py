"""CSV files into import records: decoding, preambles, delimiters, dates as people write them."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

from relationship_journal.domain.contact import (
    ContactDraft,
    FieldError,
    Labelled,
    check_email,
    check_phone,
)
from relationship_journal.domain.dates import DateError, PartialDate, check_year
from relationship_journal.domain.text import clean_block, clean_line
from relationship_journal.exchange.csv_formats import (
    MULTI_SEPARATOR,
    ColumnMapping,
    detect,
    guess,
    is_usable,
)
from relationship_journal.exchange.decoding import decode_text
from relationship_journal.exchange.records import ImportFileError, ImportRecord

_EMPTY_DATES = {"", "0/0/00", "0/0/0000", "00.00.0000", "--"}
_TEXT_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%d-%b-%y", "%d-%b-%Y")


def split_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows as dicts.

    LinkedIn puts a "Notes:" paragraph before the header; it is skipped by looking for the
    first line that reads as a header of two or more named columns.
    """
    lines = text.splitlines(keepends=True)
    start = 0
    for index, line in enumerate(lines[:40]):
        if line.strip() and not line.lower().startswith(("notes:", '"when exporting')):
            cells = next(csv.reader([line], dialect=_dialect(line)), [])
            if len([c for c in cells if c.strip()]) >= 2:
                start = index
                break
    body = "".join(lines[start:])
    dialect = _dialect(lines[start] if lines else "")
    reader = csv.reader(io.StringIO(body), dialect=dialect)
    try:
        header = [column.strip() for column in next(reader)]
    except StopIteration:
        raise ImportFileError("the file is empty") from None
    except csv.Error as error:
        raise ImportFileError(f"not a CSV file ({error})") from None
    rows = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append(dict(zip(header, cells, strict=False)))
    except csv.Error as error:
        raise ImportFileError(f"not a CSV file ({error})") from None
    return header, rows


def _dialect(line: str) -> type[csv.Dialect]:
    counts = {sep: line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])

    class Detected(csv.excel):
        delimiter = best if counts[best] else ","

    return Detected


def parse_csv_date(text: str, month_first: bool) -> PartialDate:
    value = text.strip()
    if value in _EMPTY_DATES:
        raise DateError("empty")
    if match := re.match(r"^--(\d{2})-?(\d{2})$", value):
        return PartialDate(int(match.group(1)), int(match.group(2)))
    if match := re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", value):
        year, month, day = (int(p) for p in match.groups())
        check_year(year)
        return PartialDate(month, day, year)
    if match := re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})$", value):
        first, second, year = (int(p) for p in match.groups())
        if year < 100:
            year += 2000 if year <= date.today().year % 100 else 1900
        month, day = (first, second) if month_first else (second, first)
        if value.count(".") == 2:
            month, day = second, first  # 12.04.1985 is always day first
        check_year(year)
        return PartialDate(month, day, year)
    for pattern in _TEXT_FORMATS:
        try:
            moment = datetime.strptime(value, pattern)
        except ValueError:
            continue
        check_year(moment.year)
        return PartialDate(moment.month, moment.day, moment.year)
    raise DateError(f"'{value}' is not a date")


def _cell(row: dict[str, str], column: str) -> str:
    return (row.get(column) or "").strip() if column else ""


def row_to_record(row: dict[str, str], number: int, mapping: ColumnMapping) -> ImportRecord:
    given = clean_line(" ".join(_cell(row, c) for c in (mapping.given, mapping.middle) if c))
    family = clean_line(_cell(row, mapping.family))
    name = clean_line(_cell(row, mapping.name)) or clean_line(f"{given} {family}")
    emails = [
        (address.strip(), clean_line(_cell(row, label)).lower().lstrip("* "))
        for column, label in mapping.emails
        for address in _cell(row, column).split(MULTI_SEPARATOR)
        if address.strip()
    ]
    organisation = clean_line(_cell(row, mapping.organisation))
    if not name:
        name = organisation or (emails[0][0] if emails else "")
    draft = ContactDraft(display_name=name, given_name=given, family_name=family)
    record = ImportRecord("row", number, draft)
    if not name:
        record.problem("name", "has no name, organisation or email")
    draft.nickname = clean_line(_cell(row, mapping.nickname))
    draft.organisation = organisation
    draft.title = clean_line(_cell(row, mapping.title))
    for address, label in emails:
        try:
            draft.emails.append(Labelled(check_email(address), label))
        except FieldError:
            record.problem("email", f"email '{address}' is not an email address")
    for column, label_source in mapping.phones:
        label = label_source[1:] if label_source.startswith("=") else _cell(row, label_source)
        for number_text in _cell(row, column).split(MULTI_SEPARATOR):
            if not number_text.strip():
                continue
            try:
                draft.phones.append(
                    Labelled(check_phone(number_text), clean_line(label).lower().lstrip("* "))
                )
            except FieldError:
                record.problem("phone", f"phone '{number_text.strip()}' is not a phone number")
    birthday = _cell(row, mapping.birthday)
    if birthday and birthday not in _EMPTY_DATES:
        try:
            draft.birthday = parse_csv_date(birthday, mapping.month_first)
        except DateError:
            record.problem("birthday", f"birthday '{birthday}' is not a date")
    met = _cell(row, mapping.met_on)
    if met:
        try:
            met_date = parse_csv_date(met, mapping.month_first).as_date()
            draft.met_on = met_date
            draft.met_how = f"Connected on {mapping.format_name.split()[0]}"
        except DateError:
            record.problem("met_on", f"connection date '{met}' is not a date")
    draft.notes = clean_block(_cell(row, mapping.notes))
    tags = _cell(row, mapping.tags)
    if tags:
        # Google marks its system groups with "* " (for example "* myContacts"): not tags.
        draft.tags = [
            clean_line(tag)
            for tag in tags.split(mapping.tag_separator)
            if clean_line(tag) and not tag.strip().startswith("*")
        ]
    city = clean_line(_cell(row, mapping.city))
    if city:
        record.facts["home"] = city
    return record


def read_csv(
    data: bytes | str, mapping: ColumnMapping | None = None
) -> tuple[list[ImportRecord], ColumnMapping]:
    """Records from a CSV; without a mapping the format is recognised from its header."""
    header, rows = split_rows(decode_text(data) if isinstance(data, bytes) else data)
    chosen = mapping or detect(header) or guess(header)
    if not is_usable(chosen):
        shown = ", ".join(header[:8]) + ("…" if len(header) > 8 else "")
        raise ImportFileError(
            f"the columns ({shown}) are not a known contacts export; "
            "map them to contact fields with the column-mapping dialog"
        )
    missing = sorted(c for c in chosen.used_columns() if c not in header)
    if missing and mapping is not None:
        raise ImportFileError(f"the file has no column {', '.join(repr(m) for m in missing)}")
    return [row_to_record(row, index, chosen) for index, row in enumerate(rows, start=1)], chosen
