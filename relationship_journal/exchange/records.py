"""What an import file yields before anything is written: records, and their problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from relationship_journal.domain.contact import MAX_BLOCK, MAX_LINE, ContactDraft


@dataclass(frozen=True)
class Problem:
    """One thing about one record, named so the user can find it in their file.

    A warning is a value left out or changed while the person still comes in; a refusal
    (``fatal``) keeps the whole record out: only a record with nothing to know the person
    by (no name, email, phone or organisation) is refused.
    """

    what: str  # "card" or "row"
    number: int
    name: str
    field: str
    message: str
    fatal: bool = False

    def __str__(self) -> str:
        who = f", {self.name}" if self.name else ""
        return f"{self.what} {self.number}{who}: {self.message}"


@dataclass
class ImportRecord:
    what: str
    number: int
    draft: ContactDraft
    facts: dict[str, str] = field(default_factory=dict)  # profile topic → text
    photo: bytes | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(p.fatal for p in self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.fatal]

    def refuse(self, field_name: str, message: str) -> None:
        self.problems.append(
            Problem(self.what, self.number, self.draft.display_name, field_name, message, True)
        )

    def warn(self, field_name: str, message: str) -> None:
        self.problems.append(
            Problem(self.what, self.number, self.draft.display_name, field_name, message)
        )

    def line(self, field_name: str, text: str) -> str:
        """``text`` cut to the longest line the journal keeps, with a warning if it was."""
        if len(text) <= MAX_LINE:
            return text
        return self._cut(field_name, text, MAX_LINE)

    def block(self, field_name: str, text: str) -> str:
        return text if len(text) <= MAX_BLOCK else self._cut(field_name, text, MAX_BLOCK)

    def _cut(self, field_name: str, text: str, limit: int) -> str:
        self.warn(field_name, f"{field_name} is {len(text):,} characters long: cut to {limit:,}")
        return text[:limit]


class ImportFileError(ValueError):
    """The file as a whole cannot be read (not a vCard, unknown CSV columns, binary data)."""


class UnsureColumnsError(ImportFileError):
    """A CSV whose columns are not those of a known export and could not all be placed:
    the user says which column holds what (the mapping dialog, or ``--map``)."""

    def __init__(self, header: list[str], unplaced: list[str], message: str) -> None:
        super().__init__(message)
        self.header = header
        self.unplaced = unplaced


class ImportCancelled(Exception):
    """Raised inside the import transaction so that nothing of it is kept."""
