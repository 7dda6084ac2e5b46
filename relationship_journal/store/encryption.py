"""Setting, changing and removing the journal's passphrase, for the journal and its copies.

The journal, its backups and its drafts move together: a backup left in plain text would
defeat the passphrase, and one under a forgotten passphrase would be lost. Each file is
converted on its own with one atomic rename (``cipher.reencrypt``), the journal first.

A change is resumable: before the first file is touched, a marker beside the journal notes
where the files come from and go to; it is removed only when every file that was under the
old key (or in plain text) is under the new one. Run again, a change picks up where it
stopped: a file already under the new key is left alone, the others are converted, and
success is reported only when none is left behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from relationship_journal.store import gate
from relationship_journal.store.backup_names import backups_of
from relationship_journal.store.cipher import (
    SALT_BYTES,
    JournalKey,
    connect,
    database_errors,
    has_sqlite_header,
    reencrypt,
)
from relationship_journal.store.errors import (
    JournalError,
    JournalUnwritableError,
    WrongPassphraseError,
)
from relationship_journal.store.inspection import inspect_file
from relationship_journal.store.output_files import sync_folder
from relationship_journal.store.private_files import PRIVATE_FILE
from relationship_journal.store.problems import os_meaning, sentence, sqlite_meaning

PLAIN = "plain"


def marker_path(journal: Path) -> Path:
    return journal.with_name(journal.name + ".passphrase-change")


def salt_of(path: Path) -> str:
    """``PLAIN`` for a plain SQLite file, else the hex salt its first bytes hold."""
    if has_sqlite_header(path):
        return PLAIN
    with path.open("rb") as handle:
        return handle.read(SALT_BYTES).hex()


def _label(key: JournalKey | None) -> str:
    return PLAIN if key is None else key.salt.hex()


def is_under(path: Path, key: JournalKey | None) -> bool:
    """Whether ``path`` opens with ``key`` (None: whether it is a plain SQLite file)."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    if salt_of(path) != _label(key):
        return False
    if key is None:
        return True
    try:
        connect(path, key, read_only=True).close()
    except WrongPassphraseError:
        return False
    except database_errors() as error:
        meaning = sqlite_meaning(error, path) or (str(error), "")
        raise JournalError(sentence("read", path, *meaning)) from None
    return True


@dataclass
class Unfinished:
    """What an interrupted change was doing: from which keys (salts, or ``PLAIN``) to which."""

    sources: set[str]
    target: str

    @property
    def removing(self) -> bool:
        return self.target == PLAIN


def unfinished(journal: Path) -> Unfinished | None:
    """The change a kill, a full disk or a missing passphrase left half done, if any."""
    try:
        data = json.loads(marker_path(journal).read_text(encoding="utf-8"))
        return Unfinished(set(data["sources"]), str(data["target"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _note(journal: Path, change: Unfinished) -> None:
    path = marker_path(journal)
    text = json.dumps({"sources": sorted(change.sources), "target": change.target})
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    sync_folder(journal.parent)


@dataclass
class ChangeResult:
    converted: list[Path] = field(default_factory=list)
    # Not part of the change: under a passphrase none of the given ones opens (from before
    # it), or not one of our files at all. Left exactly as they are.
    left_alone: list[Path] = field(default_factory=list)


class UnfinishedChangeError(JournalError):
    """Some files of the change could not be converted; a rerun finishes it."""

    def __init__(self, journal: Path, remaining: Sequence[Path], cause: str) -> None:
        self.remaining = list(remaining)
        names = ", ".join(p.name for p in remaining[:3]) + (" …" if len(remaining) > 3 else "")
        super().__init__(
            f"The passphrase change of {journal} is not finished: {len(remaining)} file(s) "
            f"({names}) are not under the new passphrase yet, because {cause}. Nothing is "
            "lost: each file opens with the passphrase it is under. Run the same command "
            "again to finish it."
        )


def change_encryption(
    journal: Path,
    backup_dir: Path,
    old: JournalKey | None,
    new: JournalKey | None,
    companions: Iterable[Path] = (),
    passphrases: Sequence[str] = (),
) -> ChangeResult:
    """Put the closed ``journal``, its backups and companion databases (drafts) under
    ``new`` (None: plain). Run with the gate held exclusively.

    A file is converted when it is plain or opens with ``old``, with ``new`` or with one of
    ``passphrases`` (derived with the file's own salt). A file under any other key is part
    of this change when its salt is that of the journal's old key, or of a change left
    unfinished; then the change is unfinished (``UnfinishedChangeError``, a rerun with the
    right passphrase finishes it); otherwise it is left alone, still opening with its own
    passphrase. The journal is converted first.
    """
    what = "remove the passphrase" if new is None else "set the passphrase"
    with gate.converting(journal, what):
        return _change(journal, backup_dir, _Keys(old, new, passphrases), list(companions))


def _change(journal: Path, backup_dir: Path, keys: _Keys, companions: list[Path]) -> ChangeResult:
    old, new = keys.old, keys.new
    if not is_under(journal, new):
        if not keys.opens(journal):
            raise WrongPassphraseError(journal)
        inspect_file(journal, keys.for_file(journal))  # never another program's database
    earlier = unfinished(journal)
    sources = ({_label(old)} | (earlier.sources if earlier else set())) - {_label(new)}
    try:
        _note(journal, Unfinished(sources, _label(new)))
    except OSError as error:
        raise JournalUnwritableError(journal.parent, *os_meaning(error)) from None
    files = [journal, *backups_of(backup_dir, journal.stem), *companions]
    result = ChangeResult()
    stuck: list[Path] = []
    for index, path in enumerate(files):
        try:
            _convert_one(journal, path, keys, sources, result, stuck)
        except JournalError as error:
            if not result.converted and earlier is None:
                # Nothing moved: no change was started after all.
                marker_path(journal).unlink(missing_ok=True)
                raise
            rest = [p for p in files[index:] if not _known_under(p, new)]
            _stop(journal, new, stuck + rest, _reason(error), error)
    if stuck:
        _stop(journal, new, stuck, "none of the passphrases given opens them", None)
    with suppress(FileNotFoundError):
        marker_path(journal).unlink()
    return result


def _convert_one(
    journal: Path,
    path: Path,
    keys: _Keys,
    sources: set[str],
    result: ChangeResult,
    stuck: list[Path],
) -> None:
    if not path.is_file() or is_under(path, keys.new):
        return
    key = keys.for_file(path)
    if not (path == journal or _is_ours(path, key)):
        result.left_alone.append(path)
    elif not keys.opens(path):
        (stuck if salt_of(path) in sources else result.left_alone).append(path)
    else:
        reencrypt(path, key, keys.new, journal_mode="WAL" if path == journal else "DELETE")
        result.converted.append(path)


def _known_under(path: Path, key: JournalKey | None) -> bool:
    """Whether ``path`` is gone or known to be under ``key`` (False when it cannot be told)."""
    try:
        return not path.is_file() or is_under(path, key)
    except (OSError, JournalError):
        return False


def _stop(
    journal: Path,
    new: JournalKey | None,
    remaining: list[Path],
    cause: str,
    error: BaseException | None,
) -> NoReturn:
    with suppress(OSError):
        _note(journal, Unfinished({salt_of(p) for p in remaining}, _label(new)))
    raise UnfinishedChangeError(journal, remaining, cause) from error


def _reason(error: JournalError) -> str:
    text = str(error).split(". Nothing")[0]
    return text[0].lower() + text[1:].rstrip(".") if text else "of an error"


def _is_ours(path: Path, key: JournalKey | None) -> bool:
    """A backup journal or our drafts file, not another program's database."""
    if path.name.startswith("drafts"):
        return _tables(path, key) == {"draft"}
    try:
        inspect_file(path, key)
    except JournalError:
        return False
    return True


def _tables(path: Path, key: JournalKey | None) -> set[str]:
    try:
        connection = connect(path, key, read_only=True)
        try:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            return {str(row[0]) for row in rows}
        finally:
            connection.close()
    except database_errors():
        return set()
    except JournalError:
        return set()


class _Keys:
    """Every key that may open a file of the change: ``old`` and ``new`` for files of their
    salt, and each passphrase derived with the salt of the file at hand."""

    def __init__(
        self, old: JournalKey | None, new: JournalKey | None, passphrases: Sequence[str]
    ) -> None:
        self.old, self.new = old, new
        self.known = [key for key in (old, new) if key is not None]
        self.passphrases = list(passphrases)
        self._derived: dict[str, list[JournalKey]] = {}

    def for_file(self, path: Path) -> JournalKey | None:
        salt = salt_of(path)
        if salt == PLAIN:
            return None
        if salt not in self._derived:
            # Deriving is slow on purpose; backups mostly share the journal's salt.
            self._derived[salt] = [
                JournalKey.derive(p, bytes.fromhex(salt)) for p in self.passphrases
            ]
        candidates = [key for key in self.known if key.salt.hex() == salt]
        candidates += self._derived[salt]
        for key in candidates:
            if is_under(path, key):
                return key
        return candidates[0] if candidates else None

    def opens(self, path: Path) -> bool:
        return is_under(path, self.for_file(path))
