"""Every test runs offscreen on a data folder of its own; none touches a real journal."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from relationship_journal.paths import ENV_VAR, JournalPaths
from relationship_journal.store.journal import Journal, open_journal


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_VAR, str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return folder


@pytest.fixture
def paths(data_dir: Path) -> JournalPaths:
    return JournalPaths(data_dir)


@pytest.fixture
def journal(paths: JournalPaths) -> Iterator[Journal]:
    opened = open_journal(paths.journal, paths.backups)
    yield opened
    opened.close()


@pytest.fixture(autouse=True, scope="session")
def remembered_key_derivation() -> Iterator[None]:
    """Deriving a journal key takes SQLCipher's 256,000 rounds by design; the suite derives
    the same few passphrase-and-salt pairs again and again, so it remembers them. The keys
    are the real ones: files made here open in a command run as a subprocess."""
    from relationship_journal.store.cipher import JournalKey

    original = JournalKey.derive.__func__  # type: ignore[attr-defined]
    remembered = functools.lru_cache(maxsize=256)(original)
    JournalKey.derive = classmethod(lambda cls, passphrase, salt: remembered(cls, passphrase, salt))  # type: ignore[method-assign,assignment]
    yield
    JournalKey.derive = classmethod(original)  # type: ignore[method-assign,assignment]
