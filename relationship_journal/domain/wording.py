"""How numbers of things are said: "1 contact", "3 contacts", "no promises"."""

from __future__ import annotations


def count_of(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` with the noun in the right form, thousands grouped."""
    noun = singular if number == 1 else (plural or f"{singular}s")
    return f"{number:,} {noun}"
