"""Text from the bytes of an import file, in the encodings contact exports really use."""

from __future__ import annotations

from relationship_journal.exchange.records import ImportFileError


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Outlook), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError("the file claims to be UTF-16 text but is not") from None
    if b"\x00" in data[:4096]:
        raise ImportFileError("this is a binary file, not a CSV or vCard")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
