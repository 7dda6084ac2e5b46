"""What an import file yields before anything is written: records, and their problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from relationship_journal.domain.contact import ContactDraft


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record, named so the user can find it in their file."""

    what: str  # "card" or "row"
    number: int
    name: str
    field: str
    message: str

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
        return not self.problems

    def problem(self, field_name: str, message: str) -> None:
        self.problems.append(
            Problem(self.what, self.number, self.draft.display_name, field_name, message)
        )


class ImportFileError(ValueError):
    """The file as a whole cannot be read (not a vCard, unknown CSV columns, binary data)."""
