"""Reading a JSON export record by record, in memory that does not grow with the file.

The document's outer structure (``{"format": …, "tables": {"contact": [row, row, …]}}``) is
walked by hand; each row and each top-level value is decoded by the standard library's C
decoder, one at a time, from a buffer of about a megabyte. A row larger than
``MAX_RECORD_CHARS``, nesting deeper than the decoder allows, numbers too long to be
numbers: each is refused with a message, never with a crash.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, NamedTuple

from relationship_journal.exchange.json_rules import BrokenText, OutOfRange
from relationship_journal.exchange.records import ImportFileError

CHUNK_BYTES = 1 << 20
MAX_RECORD_CHARS = 32 * 1024 * 1024
MAX_META_CHARS = 64 * 1024
MAX_DIGITS = 24
_SPACE = re.compile(r"[ \t\n\r]*")
_HALF_PAIR = re.compile("[\ud800-\udfff]")
_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")


def _int(text: str) -> int | OutOfRange:
    return OutOfRange(text) if len(text) > MAX_DIGITS else int(text)


def _float(text: str) -> float | OutOfRange:
    if len(text) > 64:
        return OutOfRange(text)
    number = float(text)
    return number if math.isfinite(number) else OutOfRange(text)


_DECODER = json.JSONDecoder(parse_int=_int, parse_float=_float, parse_constant=OutOfRange)
# What the decoder's raw_decode calls, without the wrapper (set in __init__, not in the stub).
_SCAN: Callable[[str, int], tuple[Any, int]] = _DECODER.scan_once  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Meta:
    """A top-level value other than the tables: ``format``, ``version``, ``schema``…"""

    key: str
    value: Any


@dataclass(frozen=True)
class TableStart:
    name: str


class Row(NamedTuple):  # a tuple: made for every row, at a fraction of a dataclass's cost
    table: str
    number: int  # 1 for the table's first row
    value: Any


Event = Meta | TableStart | Row


class _Reader:
    """A window on the text of the file: what is not yet consumed, refilled as needed."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.text = ""
        self.at = 0
        self.before = 0  # characters already dropped from the window
        self.eof = False
        self.bytes_read = 0

    def fill(self) -> bool:
        if self.eof:
            return False
        data = self.source.read(CHUNK_BYTES)
        self.bytes_read += len(data)
        try:
            more = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            raise ImportFileError(
                f"the file is not UTF-8 text (near byte {self.bytes_read - len(data)})"
            ) from None
        self.eof = not data
        if self.at > len(self.text) // 2:
            self.before += self.at
            self.text, self.at = self.text[self.at :], 0
        self.text += more
        return True

    def peek(self) -> str:
        while True:
            self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]
            if self.at < len(self.text) or not self.fill():
                return self.text[self.at : self.at + 1]

    def expect(self, wanted: str, context: str) -> None:
        found = self.peek()
        if found != wanted:
            shown = repr(found) if found else "the end of the file"
            raise self.error(f"expected '{wanted}' {context}, found {shown}")
        self.at += 1

    def value(self, limit: int, what: str) -> Any:
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.at)
            except json.JSONDecodeError as error:
                if self.eof or len(self.text) - self.at > limit:
                    raise self.error(f"{what} is not valid JSON ({error.msg})") from None
                self.fill()
                continue
            except RecursionError:
                raise self.error(f"{what} is nested too deeply") from None
            if end == len(self.text) and not self.eof:
                self.fill()  # a number may go on in the next chunk
                continue
            if end - self.at > limit:
                raise self.error(f"{what} is larger than {limit:,} characters")
            escaped = self.text.find("\\u", self.at, end) >= 0
            self.at = end
            return _whole_characters(value) if escaped else value

    def next_row(self, name: str, number: int) -> Any:
        """Row ``number`` of table ``name``, which starts here (after the comma before it,
        if any); the common case without the general path's steps, else by ``value``."""
        text, at = self.text, self.at
        try:
            row, end = _SCAN(text, at)
        except (StopIteration, ValueError, RecursionError):  # value() says what is wrong
            end = -1
        # A value that ends the text read so far may go on; the general path reads more.
        if at < end < len(text) and end - at <= MAX_RECORD_CHARS:
            self.at = end
            return _whole_characters(row) if text.find("\\u", at, end) >= 0 else row
        return self.value(MAX_RECORD_CHARS, f"row {number} of '{name}'")

    def comma(self) -> bool:
        """Past a comma (and the spaces around it) that is next, if one is."""
        found = _COMMA.match(self.text, self.at)
        if found is None or found.end() == len(self.text):
            return False
        self.at = found.end()
        return True

    def error(self, message: str) -> ImportFileError:
        return ImportFileError(f"{message} at character {self.before + self.at + 1}")


def _whole_characters(value: Any) -> Any:
    """``value`` with each text that holds half of a character pair (only an escape can
    write one) as ``BrokenText``; in keys, such halves become U+FFFD."""
    if isinstance(value, str):
        return BrokenText() if _HALF_PAIR.search(value) else value
    if isinstance(value, dict):
        return {
            _HALF_PAIR.sub("\ufffd", key): _whole_characters(item) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_whole_characters(item) for item in value]
    return value


def read_archive(source: IO[bytes]) -> Iterator[Event]:
    """The events of a JSON export, in file order."""
    reader = _Reader(source)
    if reader.peek() == "\ufeff":
        reader.at += 1
    for key in _members(reader, "the export", "a key of the export"):
        if key == "tables":
            yield Meta("tables", None)
            yield from _tables(reader)
        else:
            yield Meta(key, reader.value(MAX_META_CHARS, f"the value of '{key[:40]}'"))
    if reader.peek():
        raise reader.error("there is more text after the end of the export")


def _members(reader: _Reader, whole: str, what: str) -> Iterator[str]:
    """The keys of a JSON object, each followed by its ':'; the caller reads the value."""
    reader.expect("{", f"to start {whole}")
    first = True
    while reader.peek() != "}":
        if not first:
            reader.expect(",", f"between the parts of {whole}")
        first = False
        key = reader.value(MAX_META_CHARS, what)
        if not isinstance(key, str):
            raise reader.error(f"{what} is not text")
        reader.expect(":", f"after '{key[:40]}'")
        yield key
    reader.at += 1


def _tables(reader: _Reader) -> Iterator[Event]:
    for name in _members(reader, "the tables", "a table name"):
        reader.expect("[", f"to start the rows of '{name[:40]}'")
        yield TableStart(name)
        number = 0
        while True:
            if not (number and reader.comma()):
                if reader.peek() == "]":
                    break
                if number:
                    reader.expect(",", f"between rows of '{name[:40]}'")
            number += 1
            yield Row(name, number, reader.next_row(name, number))
        reader.at += 1
