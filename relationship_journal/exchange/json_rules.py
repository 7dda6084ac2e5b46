"""Every row of a JSON export checked before it is loaded: its columns by their type, then the
rules the window and the other importers apply to the same record.

A row that breaks a rule is not loaded and is named in a problem: its table, its place in
the file, who or what it is, which field, and why.
"""

from __future__ import annotations

import base64
import binascii
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, LargeBinary, String, Table
from sqlalchemy.sql.schema import ColumnDefault

from relationship_journal.domain.contact import ContactDraft, check_email, check_phone, phone_key
from relationship_journal.domain.custom_fields import FIELD_TYPES, check_value
from relationship_journal.domain.dates import PartialDate, check_year
from relationship_journal.domain.moments import MAX_NOTICE_DAYS
from relationship_journal.domain.text import clean_line, fold
from relationship_journal.store.errors import JournalError
from relationship_journal.store.ledger import EntryDraft
from relationship_journal.store.promises import OWNERS, STATUSES
from relationship_journal.store.reminders import check_rule

# Longest text of one field, and largest binary value (a photo), the importer accepts.
MAX_TEXT = 2_000_000
MAX_BINARY = 16 * 1024 * 1024
SQLITE_INTEGERS = (-(2**63), 2**63 - 1)
# Clocks differ between machines; a record made more than this "in the future" is not real.
CLOCK_SLACK = timedelta(days=1)
MOMENT_STATES = ("done", "snoozed")
# The columns checked by the rules of the contact and entry forms, named as the drafts are.
CONTACT_FIELDS = (
    "display_name",
    "given_name",
    "family_name",
    "nickname",
    "relationship_type",
    "tier",
    "cadence_days",
    "met_on",
    "met_how",
    "notes",
)
_ABSENT = object()  # a column the row does not have
ENTRY_FIELDS = ("occurred_at", "summary", "kind", "notes", "value", "category", "follow_up_on")


class OutOfRange:
    """A number the JSON reader would not turn into a value (too long, infinite, NaN)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        shown = self.text if len(self.text) <= 24 else f"{self.text[:20]}…"
        return shown


class BrokenText:
    """Text holding half of a character pair (a lone ``\\udxxx`` escape): no file can hold
    it as UTF-8, and the journal cannot keep it."""

    def __repr__(self) -> str:
        return "text with half a character pair"


class RowProblem(ValueError):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


class RowProblems(ValueError):
    """Everything wrong with one row."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("is not a whole number")
    if not SQLITE_INTEGERS[0] <= value <= SQLITE_INTEGERS[1]:
        raise ValueError("is a number too large to keep")
    return value


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("is not a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("is not a finite number")
    return number


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("is not text")
    if len(value) > MAX_TEXT:
        raise ValueError(f"is longer than {MAX_TEXT:,} characters")
    return value


def _iso(value: Any) -> str:
    text = _text(value)
    if len(text) > 40:
        raise ValueError("is not an ISO 8601 date")
    return text


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(_iso(value))
    check_year(moment.year)
    # Every time in the journal is UTC; one written without an offset is taken as UTC.
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _day(value: Any) -> date:
    day = date.fromisoformat(_iso(value))
    check_year(day.year)
    return day


def _binary(value: Any) -> bytes:
    text = _text(value)
    if len(text) > MAX_BINARY * 4 // 3 + 4:
        raise ValueError(f"is larger than {MAX_BINARY // 2**20} MB")
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError("is not base64") from None


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1) and isinstance(value, int):
        return bool(value)
    raise ValueError("is not true or false")


def _decoder(column_type: Any) -> Callable[[Any], Any]:
    if hasattr(column_type, "impl"):
        column_type = column_type.impl
    for kind, decode in (
        (Boolean, _boolean),
        (DateTime, _moment),
        (Date, _day),
        (LargeBinary, _binary),
        (Integer, _integer),
        (Float, _float),
        (String, _text),
    ):
        if isinstance(column_type, kind):
            return decode
    return _text


_PLAIN: dict[Callable[[Any], Any], type] = {_text: str, _integer: int}


@dataclass(frozen=True)
class _Column:
    """What the checker needs of a column, worked out once per table."""

    name: str
    decode: Callable[[Any], Any]
    may_be_empty: bool
    has_default: bool
    default: Any

    @property
    def plain(self) -> type | None:
        """The type of a value kept as it is read, when it fits: text, whole numbers."""
        return _PLAIN.get(self.decode)

    @classmethod
    def of(cls, column: Any) -> _Column:
        default = column.default
        may_be_empty = column.nullable and not column.primary_key
        if isinstance(default, ColumnDefault) and not default.is_callable:
            return cls(column.name, _decoder(column.type), may_be_empty, True, default.arg)
        return cls(column.name, _decoder(column.type), may_be_empty, may_be_empty, None)

    def value(self, row: dict[str, Any]) -> Any:
        if self.name not in row:
            if not self.has_default:
                raise RowProblem(self.name, "is missing")
            return self.default
        value = row[self.name]
        if value is None:
            if not self.may_be_empty:
                raise RowProblem(self.name, "is empty, but must have a value")
            return None
        if isinstance(value, OutOfRange):
            raise RowProblem(self.name, f"{value!r} is out of range")
        if isinstance(value, BrokenText):
            raise RowProblem(self.name, "holds half of a character pair (a lone \\u escape)")
        try:
            return self.decode(value)
        except (ValueError, TypeError, OverflowError) as error:
            shown = repr(value) if not isinstance(value, str) else repr(value[:40])
            raise RowProblem(self.name, f"{shown} {error}") from None


class RowChecker:
    """Decodes and checks the rows of one export, table by table."""

    def __init__(self, now: datetime) -> None:
        self.latest = now.astimezone(UTC) + CLOCK_SLACK
        self.custom_fields: dict[int, tuple[str, str, list[str]]] = {}
        self._plans: dict[str, tuple[frozenset[str], list[tuple[_Column, type | None]]]] = {}
        self._rules: dict[str, Callable[[dict[str, Any]], None]] = {
            "contact": self._contact,
            "contact_email": _email,
            "contact_phone": _phone,
            "entry": self._entry,
            "promise": _promise,
            "reminder": _reminder,
            "moment_state": lambda row: _one_of("status", row["status"], MOMENT_STATES),
            "notice_rule": _notice_rule,
            "custom_field": self._custom_field,
            "custom_value": self._custom_value,
            "tag": lambda row: _named("name", row["name"]),
            "organisation": lambda row: _named("name", row["name"]),
        }

    def check(self, table: Table, row: Any) -> dict[str, Any]:
        """The row as it is stored; raises ``RowProblems`` naming every bad field (the
        rules of the record are checked once its fields have the right types)."""
        if not isinstance(row, dict):
            raise RowProblems([RowProblem("", "is not a record (an object of column: value)")])
        names, columns = self._columns(table)
        found = [
            RowProblem(str(key)[:40], "is not a column of this table")
            for key in ([] if names.issuperset(row) else row)
            if key not in names
        ]
        decoded: dict[str, Any] = {}
        for column, plain in columns:
            value = row.get(column.name, _ABSENT)
            kind = value.__class__
            # Most values are text or whole numbers that fit, or empty where they may be:
            # kept without a call.
            if kind is plain and (
                len(value) <= MAX_TEXT
                if kind is str
                else SQLITE_INTEGERS[0] <= value <= SQLITE_INTEGERS[1]
            ):
                decoded[column.name] = value
                continue
            if value is None and column.may_be_empty:
                decoded[column.name] = None
                continue
            try:
                decoded[column.name] = column.value(row)
            except RowProblem as problem:
                found.append(problem)
        if found:
            raise RowProblems(found)
        try:
            self._rules.get(table.name, _no_rule)(decoded)
            if "month" in decoded and "day" in decoded:
                PartialDate(decoded["month"], decoded["day"], decoded.get("year"))
        except RowProblem as problem:
            raise RowProblems([problem]) from None
        except (JournalError, ValueError) as error:  # FieldError names its field
            raise RowProblems([RowProblem(getattr(error, "field", ""), str(error))]) from None
        return decoded

    def _columns(self, table: Table) -> tuple[frozenset[str], list[tuple[_Column, type | None]]]:
        if table.name not in self._plans:
            columns = [_Column.of(column) for column in table.columns]
            self._plans[table.name] = (
                frozenset(c.name for c in columns),
                [(c, c.plain) for c in columns],
            )
        return self._plans[table.name]

    def _contact(self, row: dict[str, Any]) -> None:
        month, day, year = row["birth_month"], row["birth_day"], row["birth_year"]
        birthday = None
        if month is not None or day is not None:
            if month is None or day is None:
                raise RowProblem("birthday", "a birthday needs both a month and a day")
            try:
                birthday = PartialDate(month, day, year)
            except ValueError as error:
                raise RowProblem("birthday", str(error)) from None
        elif year is not None:
            raise RowProblem("birthday", "a birth year without a month and day")
        cleaned = ContactDraft(**_fields(row, CONTACT_FIELDS), birthday=birthday).cleaned()
        if cleaned.display_name != row["display_name"]:  # as the window would keep it
            row["display_name"], row["name_key"] = cleaned.display_name, fold(cleaned.display_name)

    def _entry(self, row: dict[str, Any]) -> None:
        EntryDraft(contact_ids=[0], **_fields(row, ENTRY_FIELDS)).cleaned()
        if row["created_at"] > self.latest:
            raise RowProblem("created_at", "is in the future")

    def _custom_field(self, row: dict[str, Any]) -> None:
        _named("name", row["name"])
        _one_of("field_type", row["field_type"], FIELD_TYPES)
        choices = [c for c in row["choices"].split("\n") if c]
        self.custom_fields[row["id"]] = (row["name"], row["field_type"], choices)

    def _custom_value(self, row: dict[str, Any]) -> None:
        field = self.custom_fields.get(row["field_id"])
        if field is not None:
            name, field_type, choices = field
            check_value(name, field_type, choices, row["value"])


def _fields(row: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: row[name] for name in names}


def _no_rule(_row: dict[str, Any]) -> None:
    return None


def _email(row: dict[str, Any]) -> None:
    check_email(row["address"])


def _phone(row: dict[str, Any]) -> None:
    check_phone(row["number"])
    row["digits"] = phone_key(row["number"])  # as matching works them out now


def _named(column: str, text: str) -> None:
    if not clean_line(text):
        raise RowProblem(column, "is empty, but must have a value")


def _one_of(column: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise RowProblem(column, f"must be one of {', '.join(allowed)}, not {value[:40]!r}")


def _promise(row: dict[str, Any]) -> None:
    _named("text", row["text"])
    _one_of("owner", row["owner"], OWNERS)
    _one_of("status", row["status"], STATUSES)


def _reminder(row: dict[str, Any]) -> None:
    _named("title", row["title"])
    check_rule(row["rrule"], row["starts_at"])


def _notice_rule(row: dict[str, Any]) -> None:
    if not 0 <= row["days_before"] <= MAX_NOTICE_DAYS:
        raise RowProblem("days_before", f"must be 0–{MAX_NOTICE_DAYS} days")
