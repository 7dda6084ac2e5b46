"""Reading an import file safely, and its text in the encodings contact exports really use."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from relationship_journal.exchange.charsets import guess_charset
from relationship_journal.exchange.records import ImportFileError

MAX_FILE_BYTES = 200 * 1024 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_PERCENT = re.compile(rb"%([0-9A-Fa-f]{2})")


def percent_decode(text: str) -> bytes:
    """The bytes of a URI's percent-encoded text (``%20`` → a space), as RFC 3986 reads
    them; done here because nothing in the app imports a networking module."""
    return _PERCENT.sub(lambda m: bytes([int(m.group(1), 16)]), text.encode("utf-8"))


def read_head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a regular file (to tell what it is); empty for anything else."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return b""
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def read_import_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file no larger than ``limit``, checked before reading: a
    device (``/dev/zero``), a pipe or a folder is refused rather than read until memory
    runs out."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ImportFileError(f"{path.name} is not a regular file")
        if info.st_size > limit:
            raise ImportFileError(
                f"the file is {info.st_size / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB"
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise ImportFileError(f"cannot read {path} ({error.strerror or error})") from None
    if len(data) > limit:
        raise ImportFileError(f"the file grew beyond {limit / 1e6:.0f} MB while being read")
    if not data.strip():
        raise ImportFileError("the file is empty")
    return data


def utf16_to_utf8(data: bytes) -> bytes:
    """UTF-16 files (with a byte-order mark, as Outlook writes them) as UTF-8 bytes."""
    if not data.startswith(_UTF16_BOMS):
        return data
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError:
        raise ImportFileError("the file claims to be UTF-16 text but is not") from None


def check_not_binary(data: bytes) -> None:
    if b"\x00" in data[:4096]:
        raise ImportFileError("this is a binary file, not a CSV or vCard")


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the character set it was read in: UTF-8 (with or without BOM), UTF-16
    with BOM, else the 8-bit code page the bytes read best in (see ``charsets``)."""
    data = utf16_to_utf8(data)
    check_not_binary(data)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    charset = guess_charset(data)
    if charset is not None:
        try:
            return data.decode(charset), charset
        except UnicodeDecodeError:
            pass
    # Latin-1 maps every byte to a character: nothing is replaced by "?", and the user is
    # told which code page was assumed.
    return data.decode("latin-1"), "latin-1"
