"""A tolerant reader of vCard text as phones and mail programs write it (2.1, 3.0, 4.0).

It copes with what real files contain and strict parsers reject: quoted-printable values
with soft line breaks (vCard 2.1 from Android), CHARSET parameters, bare 2.1 type
parameters (``TEL;CELL;PREF``), folded lines with CRLF or LF, grouped properties
(``item1.EMAIL`` with ``item1.X-ABLabel``), base64 photos, and stray blank lines.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from dataclasses import dataclass, field

_NAME = re.compile(r"^(?:(?P<group>[A-Za-z0-9-]+)\.)?(?P<name>[A-Za-z0-9-]+)$")


class VCardSyntaxError(ValueError):
    """The text is not a vCard at all (no BEGIN:VCARD … END:VCARD)."""


@dataclass
class Property:
    name: str  # upper case, without the group
    value: str  # decoded text (for binary values, the base64 text)
    params: dict[str, list[str]] = field(default_factory=dict)
    group: str = ""
    binary: bytes | None = None

    def types(self) -> set[str]:
        return {t.upper() for t in self.params.get("TYPE", [])}

    def components(self) -> list[str]:
        """A structured value (N, ADR, ORG) split on unescaped semicolons."""
        return [unescape(part) for part in split_unescaped(self.raw_value, ";")]

    raw_value: str = ""


@dataclass
class Card:
    number: int  # 1-based position in the file
    properties: list[Property] = field(default_factory=list)
    version: str = ""

    def all(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]

    def first(self, name: str) -> Property | None:
        found = self.all(name)
        return found[0] if found else None

    def label_for(self, prop: Property) -> str:
        """The label Apple-style groups give a property (``item1.X-ABLabel:_$!<Work>!$_``)."""
        if not prop.group:
            return ""
        for other in self.properties:
            if other.group == prop.group and other.name == "X-ABLABEL":
                text = other.value
                match = re.match(r"^_\$!<(.*)>!\$_$", text)
                return match.group(1) if match else text
        return ""


def split_unescaped(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in text:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    out: list[str] = []
    chars = iter(text)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        nxt = next(chars, "")
        out.append("\n" if nxt in ("n", "N") else nxt)
    return "".join(out)


def _logical_lines(text: str) -> list[str]:
    """Unfold continuation lines; join quoted-printable soft line breaks."""
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[str] = []
    in_qp = False
    for raw in physical:
        if in_qp and lines:
            lines[-1] = lines[-1][:-1] + raw.lstrip() if lines[-1].endswith("=") else lines[-1]
            in_qp = lines[-1].endswith("=")
            continue
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        elif raw.strip():
            lines.append(raw)
        else:
            continue
        head = lines[-1].split(":", 1)[0].upper()
        in_qp = "QUOTED-PRINTABLE" in head and lines[-1].endswith("=")
    return lines


def _split_params(head: str) -> tuple[str, dict[str, list[str]]]:
    parts = split_params(head)
    name, params = parts[0], {}
    for part in parts[1:]:
        if "=" in part:
            key, _, value = part.partition("=")
            values = [
                item.strip()
                for quoted in split_outside_quotes(value, ",")
                for item in quoted.strip('"').split(",")
            ]
            params.setdefault(key.strip().upper(), []).extend(values)
        elif part.strip():
            # vCard 2.1 bare parameters: TEL;CELL;PREF; ENCODING and CHARSET may be bare too.
            bare = part.strip().upper()
            if bare in ("QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"):
                params.setdefault("ENCODING", []).append(bare)
            else:
                params.setdefault("TYPE", []).append(bare)
    return name, params


def split_params(head: str) -> list[str]:
    return split_outside_quotes(head, ";")


def split_outside_quotes(text: str, separator: str) -> list[str]:
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


def _decode(value: str, params: dict[str, list[str]]) -> tuple[str, bytes | None]:
    encodings = {e.upper() for e in params.get("ENCODING", [])}
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    if "QUOTED-PRINTABLE" in encodings:
        data = quopri.decodestring(value.encode("latin-1", errors="replace"))
        return _text(data, charset), None
    if encodings & {"B", "BASE64"}:
        try:
            return value, base64.b64decode("".join(value.split()), validate=False)
        except (binascii.Error, ValueError):
            return value, None
    if charset.lower() not in ("utf-8", "utf8"):
        return _text(value.encode("latin-1", errors="replace"), charset), None
    return value, None


def _text(data: bytes, charset: str) -> str:
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def parse_cards(text: str) -> list[Card]:
    """Every card in ``text``; raises ``VCardSyntaxError`` when there is none."""
    cards: list[Card] = []
    current: Card | None = None
    for line in _logical_lines(text.lstrip("\ufeff")):
        head, sep, value = line.partition(":")
        if not sep:
            continue
        name_part, params = _split_params(head)
        match = _NAME.match(name_part.strip())
        if match is None:
            continue
        name = match.group("name").upper()
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            current = Card(number=len(cards) + 1)
            continue
        if name == "END" and value.strip().upper() == "VCARD":
            if current is not None:
                cards.append(current)
            current = None
            continue
        if current is None:
            continue
        if name == "VERSION":
            current.version = value.strip()
            continue
        decoded, binary = _decode(value, params)
        structured = name in ("N", "ADR", "ORG")
        current.properties.append(
            Property(
                name=name,
                value=decoded if binary is not None or structured else unescape(decoded),
                params=params,
                group=(match.group("group") or "").lower(),
                binary=binary,
                raw_value=decoded,
            )
        )
    if not cards:
        raise VCardSyntaxError("no vCard found (a vCard starts with BEGIN:VCARD)")
    return cards
