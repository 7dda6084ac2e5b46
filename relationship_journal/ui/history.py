"""Where the user has been, for Back (Alt+Left): pages and contacts, newest last."""

from __future__ import annotations

from dataclasses import dataclass

LIMIT = 100


@dataclass(frozen=True)
class Place:
    page: int  # the page's index; the contact page has its own
    contact_id: int | None = None


class History:
    def __init__(self) -> None:
        self._places: list[Place] = []

    def leave(self, place: Place, going_to: Place) -> None:
        """Remember ``place`` as the user goes on to ``going_to`` (a move to where one
        already is remembers nothing)."""
        if place == going_to:
            return
        if not self._places or self._places[-1] != place:
            self._places.append(place)
        del self._places[:-LIMIT]

    def back(self) -> Place | None:
        return self._places.pop() if self._places else None

    def forget_contact(self, contact_id: int) -> None:
        self._places = [p for p in self._places if p.contact_id != contact_id]

    def clear(self) -> None:
        """Forget every place: another journal's contacts are other people."""
        self._places.clear()
