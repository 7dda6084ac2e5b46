"""Fields the user defines once for the whole journal, and what each type accepts."""

from __future__ import annotations

from relationship_journal.domain.contact import FieldError
from relationship_journal.domain.dates import DateError, parse_day
from relationship_journal.domain.text import clean_line

FIELD_TYPES: tuple[str, ...] = ("text", "number", "date", "choice")


def check_value(name: str, field_type: str, choices: list[str], value: str) -> str:
    """The value as stored (empty clears it); raises ``FieldError`` naming the field."""
    text = clean_line(value)
    if not text:
        return ""
    if field_type == "number":
        try:
            float(text.replace(",", "."))
        except ValueError:
            raise FieldError(name, f"{name}: '{value}' is not a number") from None
        return text.replace(",", ".")
    if field_type == "date":
        try:
            return parse_day(text).isoformat()
        except DateError as error:
            raise FieldError(name, f"{name}: {error}") from None
    if field_type == "choice" and text not in choices:
        raise FieldError(name, f"{name}: choose one of {', '.join(choices)}")
    return text
