"""Files the user hands to a command, opened with care: regular files only, and no more
read than a limit, whatever the file turns out to be (a device, a fifo, a huge log)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO

from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.problems import os_meaning


def open_input(path: Path, what: str, limit: int) -> IO[bytes]:
    """``path`` opened for reading, once it is known to be a regular file of at most
    ``limit`` bytes; a clear ``InvalidInputError`` otherwise."""
    try:
        # O_NONBLOCK: opening a fifo must not wait for a writer before it can be refused.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        cause, advice = os_meaning(error)
        raise InvalidInputError(f"cannot read the {what} {path} ({cause}). {advice}") from None
    handle = os.fdopen(descriptor, "rb")
    try:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise InvalidInputError(f"the {what} {path} is {kind}")
        if info.st_size > limit:
            raise InvalidInputError(
                f"the {what} {path} is {info.st_size / 2**20:.1f} MB, more than the "
                f"{limit / 2**20:.0f} MB this app reads"
            )
    except BaseException:
        handle.close()
        raise
    if hasattr(os, "set_blocking"):
        os.set_blocking(handle.fileno(), True)
    return handle


def read_small_text(path: Path, what: str, limit: int) -> str:
    with open_input(path, what, limit) as handle:
        data = handle.read(limit + 1)
    try:
        return data[:limit].decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInputError(
            f"the {what} {path} is not UTF-8 text (byte {error.start})"
        ) from None
