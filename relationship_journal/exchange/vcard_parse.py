"""A tolerant reader of vCards as phones and mail programs write them (2.1, 3.0, 4.0).

It works on bytes, because each property may be in its own character set: a vCard 2.1
from a Japanese phone has ``N;CHARSET=SHIFT_JIS`` beside plain ASCII, an Outlook card
``CHARSET=Windows-1252`` beside UTF-8. Each value is decoded from its raw bytes by its own
CHARSET and ENCODING (quoted-printable, base64); without a CHARSET, UTF-8, else the code
page the file reads best in. A value that cannot be decoded is a problem of its card,
never a string of "?".

Lines are unfolded by the rules of each version (RFC 6350 §3.2 and RFC 2426 remove the
line break and one space; vCard 2.1 removes the line break only), quoted-printable soft
line breaks join the next line as it is, parameters are split outside double quotes
(``GEO="geo:46.77,-71.28"``), and a 2.1 ``AGENT`` card stays nested inside its parent.
Everything is one pass over the lines: a 50 MB file reads in seconds.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from relationship_journal.exchange.charsets import guess_charset

_NAME = re.compile(r"^(?:(?P<group>[A-Za-z0-9-]+)\.)?(?P<name>[A-Za-z0-9-]+)$")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPE_21 = re.compile(r"\\([;\\])")
_CARET = re.compile(r"\^([n'^])")
_BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_STRUCTURED = frozenset({"N", "ADR", "ORG"})
_BARE_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
_CHARSET_ALIASES = {"shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "gb2312": "gb18030"}


class VCardSyntaxError(ValueError):
    """The text is not a vCard at all (no BEGIN:VCARD … END:VCARD)."""


@dataclass
class Property:
    name: str  # upper case, without the group
    value: str  # decoded and unescaped text (for binary values, empty)
    params: dict[str, list[str]] = field(default_factory=dict)
    group: str = ""
    binary: bytes | None = None
    raw_value: str = ""  # decoded, still escaped: structured values split on ";" first
    version: str = ""

    def types(self) -> set[str]:
        return {t.upper() for t in self.params.get("TYPE", [])}

    def param(self, name: str) -> str:
        values = self.params.get(name)
        return values[0] if values else ""

    def components(self) -> list[str]:
        """A structured value (N, ADR, ORG) split on unescaped semicolons."""
        return [unescape(part, self.version) for part in split_unescaped(self.raw_value, ";")]

    def values(self) -> list[str]:
        """A list value (CATEGORIES, NICKNAME) split on unescaped commas."""
        return [unescape(part, self.version) for part in split_unescaped(self.raw_value, ",")]

    def component_values(self) -> list[list[str]]:
        """Each component's values: ``N:Doe;John;Richter\\, James;Mr.;Sr.,Esq.`` lists
        the suffixes "Sr." and "Esq." while "Richter, James" stays one middle name."""
        return [
            [unescape(value, self.version) for value in split_unescaped(part, ",")]
            for part in split_unescaped(self.raw_value, ";")
        ]


@dataclass
class Card:
    number: int  # 1-based position in the file (nested cards count within their parent)
    properties: list[Property] = field(default_factory=list)
    version: str = ""
    agents: list[Card] = field(default_factory=list)  # vCard 2.1 AGENT cards inside this one
    problems: list[tuple[str, str]] = field(default_factory=list)  # (field, message)
    _by_name: dict[str, list[Property]] | None = field(default=None, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)

    def all(self, name: str) -> list[Property]:
        if self._by_name is None or len(self.properties) != self._indexed:
            self._by_name = {}
            for prop in self.properties:
                self._by_name.setdefault(prop.name, []).append(prop)
            self._indexed = len(self.properties)
        return self._by_name.get(name, [])

    def first(self, name: str) -> Property | None:
        found = self.all(name)
        return found[0] if found else None

    def label_for(self, prop: Property) -> str:
        """The label Apple-style groups give a property (``item1.X-ABLabel:_$!<Work>!$_``)."""
        if not prop.group:
            return ""
        for other in self.properties:
            if other.group == prop.group and other.name == "X-ABLABEL":
                match = re.match(r"^_\$!<(.*)>!\$_$", other.value)
                return match.group(1) if match else other.value
        return ""


def split_unescaped(text: str, separator: str) -> list[str]:
    """``text`` split on ``separator`` where no backslash escapes it (escapes are kept)."""
    if "\\" not in text:
        return text.split(separator)
    parts = re.split(r"(?<!\\)((?:\\\\)*)" + re.escape(separator), text)
    # re.split with a group returns the captured even backslash runs between the parts.
    joined = [parts[0]]
    for index in range(1, len(parts), 2):
        joined[-1] += parts[index]
        joined.append(parts[index + 1])
    return joined


def unescape(text: str, version: str = "4.0") -> str:
    """RFC 6350 text escapes (``\\n``, ``\\,``, ``\\;``, ``\\\\``); vCard 2.1 escapes only
    semicolons, and a backslash there is a backslash."""
    if "\\" not in text:
        return text
    if version == "2.1":
        return _ESCAPE_21.sub(r"\1", text)
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def split_outside_quotes(text: str, separator: str) -> list[str]:
    if '"' not in text:
        return text.split(separator)
    parts, current, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _head_end(line: bytes) -> int:
    """Where the name and parameters end: the first colon outside double quotes."""
    colon = line.find(b":")
    quote = line.find(b'"', 0, colon if colon >= 0 else len(line))
    if quote < 0:
        return colon
    quoted = False
    for index in range(len(line)):
        byte = line[index]
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return index
    return -1


def _parse_params(parts: list[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in parts:
        if "=" in part:
            key, _, value = part.partition("=")
            name = key.strip().upper()
            values = [item.strip().strip('"') for item in split_outside_quotes(value, ",")]
            if name == "TYPE":  # TYPE="work,voice" lists types inside one quoted value
                values = [kind for item in values for kind in item.split(",")]
            params.setdefault(name, []).extend(_CARET.sub(_caret, item) for item in values)
        elif part.strip():
            # vCard 2.1 bare parameters: TEL;CELL;PREF, and bare ENCODING values.
            bare = part.strip().upper()
            kind = "ENCODING" if bare in _BARE_ENCODINGS else "TYPE"
            params.setdefault(kind, []).append(bare)
    return params


def _caret(match: re.Match[str]) -> str:
    """RFC 6868 escapes in parameter values: ^n newline, ^' double quote, ^^ caret."""
    return {"n": "\n", "'": '"', "^": "^"}[match.group(1)]


def _is_quoted_printable(head: bytes) -> bool:
    return b"QUOTED-PRINTABLE" in head.upper()


def _logical_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(head length, logical line) pairs, unfolded: one pass over the physical lines."""
    pending: list[bytes] = []
    head_end = -1
    qp = False
    strip_one = True  # 3.0 and 4.0 drop one space of a fold; 2.1 keeps it
    for raw in _LINE_BREAK.split(data):
        if pending and qp and pending[-1].endswith(b"="):
            pending[-1] = pending[-1][:-1]
            pending.append(raw)  # a soft line break: the next line is text as it is
            continue
        if pending and raw[:1] in (b" ", b"\t"):
            pending.append(raw[1:] if strip_one else raw)
            continue
        if pending:
            yield head_end, b"".join(pending)
            pending = []
        if not raw.strip():
            continue
        head_end = _head_end(raw)
        head = raw[:head_end] if head_end >= 0 else raw
        qp = head_end >= 0 and _is_quoted_printable(head)
        if head.upper() == b"VERSION":
            strip_one = raw[head_end + 1 :].strip() != b"2.1"
        pending = [raw]
    if pending:
        yield head_end, b"".join(pending)


class _Decoder:
    """Decodes values; the file's fallback code page is worked out once, when needed."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._fallback: str | bool | None = False

    def fallback(self) -> str | None:
        if self._fallback is False:
            self._fallback = guess_charset(self._data)
        return self._fallback if isinstance(self._fallback, str) else None

    def text(self, raw: bytes, charset: str = "") -> tuple[str | None, str]:
        """The text, or None and why it could not be read."""
        if charset:
            try:
                return raw.decode(_CHARSET_ALIASES.get(charset.lower(), charset)), ""
            except LookupError:
                problem = f"has an unknown character set '{charset}'"
            except UnicodeDecodeError:
                problem = f"is not valid {charset} text"
            text, _ = self.text(raw)
            return text, "" if text is not None else problem
        try:
            return raw.decode("utf-8"), ""
        except UnicodeDecodeError:
            pass
        fallback = self.fallback()
        if fallback:
            try:
                return raw.decode(fallback), ""
            except UnicodeDecodeError:
                pass
        return None, "could not be read in any known character set"


def _decode(
    name: str, raw: bytes, params: dict[str, list[str]], decoder: _Decoder
) -> tuple[str | None, bytes | None, str]:
    """(text, binary, problem) of a raw value by its ENCODING and CHARSET."""
    if "ENCODING" not in params and "CHARSET" not in params and raw.isascii():
        return raw.decode("ascii"), None, ""  # most values: nothing to decode
    encodings = {e.upper() for e in params.get("ENCODING", [])}
    charset = (params.get("CHARSET") or [""])[0]
    if "QUOTED-PRINTABLE" in encodings:
        raw = binascii.a2b_qp(raw)
    elif encodings & {"B", "BASE64"}:
        try:
            decoded = binascii.a2b_base64(raw)  # skips the line breaks and spaces of folding
        except (binascii.Error, ValueError):
            return None, None, "is not valid base64"
        if name in _BINARY:
            return "", decoded, ""
        raw = decoded
    text, problem = decoder.text(raw, charset)
    return text, None, problem


_Head = tuple[str, str, dict[str, list[str]]] | None  # name, group, parameters


def _read_head(head: str) -> _Head:
    parts = split_outside_quotes(head, ";")
    match = _NAME.match(parts[0].strip())
    if match is None:
        return None
    return (
        match.group("name").upper(),
        (match.group("group") or "").lower(),
        _parse_params(parts[1:]),
    )


def _add_property(
    card: Card, head: tuple[str, str, dict[str, list[str]]], value: bytes, decoder: _Decoder
) -> None:
    name, group, params = head  # params are read only: shared by every property with this head
    if name == "VERSION":
        card.version = value.strip().decode("ascii", errors="replace")
        return
    text, binary, problem = _decode(name, value, params, decoder)
    if problem or text is None:
        card.problems.append((name.lower(), problem or "could not be read"))
        return
    version = card.version or "3.0"
    card.properties.append(
        Property(
            name=name,
            value="" if binary is not None or name in _STRUCTURED else unescape(text, version),
            params=params,
            group=group,
            binary=binary,
            raw_value=text,
            version=version,
        )
    )


def parse_cards(data: bytes) -> list[Card]:
    """Every top-level card in ``data``; raises ``VCardSyntaxError`` when there is none."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    decoder = _Decoder(data)
    cards: list[Card] = []
    stack: list[Card] = []
    heads: dict[bytes, _Head] = {}
    for head_end, line in _logical_lines(data):
        if head_end < 0:
            continue
        raw_head = line[:head_end]
        if raw_head in heads:
            known = heads[raw_head]
        else:
            head, _ = decoder.text(raw_head)
            known = _read_head(head if head is not None else raw_head.decode("latin-1"))
            if len(heads) < 10_000:  # the same few heads repeat on every card
                heads[raw_head] = known
        if known is None:
            continue
        name = known[0]
        value = line[head_end + 1 :]
        if name in ("BEGIN", "END") and value.strip().upper() == b"VCARD":
            if name == "BEGIN":
                parent = stack[-1] if stack else None
                number = len(parent.agents) + 1 if parent else len(cards) + 1
                stack.append(Card(number=number))
            elif stack:
                finished = stack.pop()
                (stack[-1].agents if stack else cards).append(finished)
            continue
        if not stack:
            continue
        _add_property(stack[-1], known, value, decoder)
    while stack:  # a card the file forgot to end
        finished = stack.pop()
        finished.problems.append(
            ("card", "has no END:VCARD line; it was read up to the end of the file")
        )
        (stack[-1].agents if stack else cards).append(finished)
    if not cards:
        raise VCardSyntaxError("no vCard found (a vCard starts with BEGIN:VCARD)")
    return cards
