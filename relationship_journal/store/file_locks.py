"""Advisory locks on a file, shared or exclusive, that never wait: callers decide how long.

The operating system drops a lock when its process ends, even on a crash, so a stale lock
never keeps the user out.
"""

from __future__ import annotations

import sys
from typing import IO

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt
    import random

    # Windows has no shared lock in msvcrt: a shared holder locks one byte of a range of
    # SLOTS bytes, an exclusive holder the whole range, so they exclude each other while
    # shared holders (on different bytes) do not.
    SLOTS = 4096

    def try_lock(handle: IO[bytes], shared: bool) -> bool:
        if not shared:
            return _try_range(handle, 0, SLOTS)
        return any(_try_range(handle, offset, 1) for offset in random.sample(range(SLOTS), 16))

    def _try_range(handle: IO[bytes], offset: int, length: int) -> bool:
        handle.seek(offset)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, length)
        except OSError:
            return False
        handle.lock_range = (offset, length)  # type: ignore[attr-defined]
        return True

    def unlock(handle: IO[bytes]) -> None:
        offset, length = getattr(handle, "lock_range", (0, 1))
        handle.seek(offset)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, length)

else:
    import fcntl

    def try_lock(handle: IO[bytes], shared: bool) -> bool:
        """Take the lock now, or say False; a held lock of the other kind is converted."""
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(handle.fileno(), mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
