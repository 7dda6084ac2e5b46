"""Phone numbers between the forms files use and the form people read.

vCard 4.0 writes ``tel:`` URIs (RFC 3966: ``tel:+1-418-656-9254;ext=102``); older cards,
CSVs and people write text ("+1 418 656 9254 x102", "020 7946 0958", "+1-800-MYFAX",
"p1234p5678w9"). A URI is read into the international form; text stays as written. On
export a number becomes a URI only when that URI reads back as the very same text;
otherwise it is written as text, which RFC 6350 allows (``VALUE=text``).
"""

from __future__ import annotations

from relationship_journal.exchange.decoding import percent_decode


def _parsed(text: str):  # type: ignore[no-untyped-def]
    import phonenumbers  # deferred: only imports and exports need it

    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


def from_tel_uri(uri: str) -> str:
    """``tel:+1-418-656-9254;ext=102`` → ``+1 418-656-9254 ext. 102``; a local or odd URI
    (``tel:5550100;phone-context=example.com``) → its number as written."""
    import phonenumbers

    body = percent_decode(uri.strip()[4:]).decode("utf-8", errors="replace")
    number_part, *params = body.split(";")
    extension = next((p[4:] for p in params if p.lower().startswith("ext=")), "")
    if number_part.startswith("+"):
        parsed = _parsed(number_part + (f" ext. {extension}" if extension else ""))
        if parsed is not None:
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return number_part + (f" ext. {extension}" if extension else "")


def to_tel_uri(number: str) -> str | None:
    """The ``tel:`` URI of ``number`` when it is a global number whose URI reads back as
    the same text; None otherwise (then the number is written as text)."""
    import phonenumbers

    if not number.startswith("+"):
        return None
    parsed = _parsed(number)
    if parsed is None:
        return None
    uri = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.RFC3966)
    return uri if from_tel_uri(uri) == number else None
