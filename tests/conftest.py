"""Every test runs offscreen on a data folder of its own; none touches a real journal."""

from __future__ import annotations

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
