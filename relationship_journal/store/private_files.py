"""Files readable and writable by the user alone: journals, backups, drafts, locks."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def create_private_file(path: Path) -> None:
    """Create ``path`` (and its folder) readable and writable by the user alone."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE)
    os.close(descriptor)
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_FILE)
