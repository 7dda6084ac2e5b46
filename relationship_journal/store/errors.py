"""Known problems with a journal file: each becomes one clear message for the user.

Anything not listed here is a bug and is left to propagate to the exception hook.
"""

from __future__ import annotations

from pathlib import Path


class JournalError(Exception):
    """A known problem of the environment; ``str(error)`` is the message for the user."""


class NotAJournalError(JournalError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path} is not a Relationship Journal file ({detail}); it was left untouched."
        )


RESTORE_ADVICE = "Restore a backup with 'relationship-journal restore FILE'."


class DamagedJournalError(JournalError):
    """The journal itself is damaged; ``advice`` names the backup to restore when known."""

    def __init__(self, path: Path, detail: str, advice: str = RESTORE_ADVICE) -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"{path} is damaged and cannot be used ({detail}); it was left untouched. {advice}"
        )


class DamagedBackupError(JournalError):
    """A backup offered for restoring is damaged: another backup is the way out."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"The backup {path} is damaged ({detail}) and cannot be restored; nothing was "
            f"changed. Choose another backup from {path.parent}."
        )


class TooNewJournalError(JournalError):
    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"{path} was written by a newer version of Relationship Journal (schema {revision}); "
            "update the app to open it. The file was left untouched."
        )


class JournalLockedError(JournalError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is open in another copy of Relationship Journal; close it there first."
        )


class JournalBusyError(JournalError):
    """A conversion (passphrase, restore, upgrade) holds the journal for itself."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(
            f"{path} is busy: {holder}. Nothing was changed; try again when it has finished."
        )


class JournalInUseError(JournalError):
    """A conversion cannot start while another program has the journal open."""

    def __init__(self, path: Path, what: str, user: str) -> None:
        super().__init__(
            f"Cannot {what} while {path} is open in {user}. Nothing was changed; close it "
            "there, or wait for it to finish, and try again."
        )


class JournalUnwritableError(JournalError):
    def __init__(self, path: Path, detail: str, advice: str = "") -> None:
        message = f"Cannot write to {path} ({detail}). Nothing was changed. {advice}"
        super().__init__(message.strip())


class NotFoundError(JournalError):
    """A contact, entry or other record the user named does not exist."""


class InvalidInputError(JournalError):
    """A value the user gave does not fit; the message names the field."""


class PassphraseNeededError(JournalError):
    """The journal is encrypted and no passphrase was given."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} reads as noise without a passphrase: it is an encrypted journal, or not a "
            "Relationship Journal file at all. It was left untouched. For an encrypted journal "
            "on the command line, run in a terminal or give --passphrase-file FILE."
        )


class WrongPassphraseError(JournalError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"The passphrase does not open {path} (or the file is not a Relationship Journal "
            "file). Nothing was changed."
        )


class EncryptionUnavailableError(JournalError):
    def __init__(self) -> None:
        super().__init__(
            "Encryption needs the SQLCipher library (the 'sqlcipher3-wheels' package), which "
            "is not installed with this copy of the app."
        )


class UnlockCancelledError(JournalError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} stays locked: no passphrase was given.")
