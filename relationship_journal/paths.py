"""Where things live. The only module that knows; everything else is handed a ``JournalPaths``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from relationship_journal import APP_ID

ENV_VAR = "RELATIONSHIP_JOURNAL_DIR"
JOURNAL_FILE = "journal.sqlite"


@dataclass(frozen=True)
class JournalPaths:
    """The files of one data folder: the journal, its backups, its drafts, the demo."""

    data_dir: Path

    @property
    def journal(self) -> Path:
        return self.data_dir / JOURNAL_FILE

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def drafts(self) -> Path:
        return self.data_dir / "drafts.sqlite"

    @property
    def demo_dir(self) -> Path:
        return self.data_dir / "demo"

    @property
    def demo(self) -> JournalPaths:
        """The demo journal: a data folder of its own, so it never touches the real one."""
        return JournalPaths(self.demo_dir)

    def has_journal(self) -> bool:
        return self.journal.exists()

    def is_usual(self) -> bool:
        """Whether this is the platform's data folder (not one chosen for this start)."""
        return self.data_dir == _usual_folder()


def _usual_folder() -> Path:
    return Path(user_data_dir(APP_ID, appauthor=False)).expanduser().resolve()


def resolve(data_dir: str | None = None, environ: Mapping[str, str] | None = None) -> JournalPaths:
    """``--data-dir`` beats ``RELATIONSHIP_JOURNAL_DIR`` beats the platform's data folder."""
    env = os.environ if environ is None else environ
    if data_dir:
        chosen = Path(data_dir)
    elif env.get(ENV_VAR):
        chosen = Path(env[ENV_VAR])
    else:
        chosen = _usual_folder()
    return JournalPaths(chosen.expanduser().resolve())
