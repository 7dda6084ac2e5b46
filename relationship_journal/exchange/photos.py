"""Contact photos: what kind of image the bytes are, and the forms vCards carry them in."""

from __future__ import annotations

import base64
import binascii

from relationship_journal.exchange.decoding import percent_decode

# Leading bytes of the image formats address books write.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"BM", 0, "image/bmp"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
)
MAX_PHOTO_BYTES = 20 * 1024 * 1024


def media_type(data: bytes) -> str | None:
    """The media type of an image by its bytes, or None if they are not an image."""
    for signature, offset, kind in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"avif"):
        return "image/avif" if data[8:12] == b"avif" else "image/heic"
    return None


def from_data_uri(uri: str) -> bytes | None:
    """The bytes of a ``data:`` URI (RFC 2397), base64 or percent-encoded; None if broken."""
    header, comma, payload = uri.strip()[5:].partition(",")
    if not comma:
        return None
    if header.lower().endswith(";base64"):
        try:
            return base64.b64decode("".join(payload.split()), validate=True)
        except (binascii.Error, ValueError):
            return None
    return percent_decode(payload)


def to_data_uri(data: bytes) -> str:
    kind = media_type(data) or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
