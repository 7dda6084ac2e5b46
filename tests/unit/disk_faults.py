"""Faults of the disk, injected at a chosen step of an operation.

A *step* is any call that touches the file system from Python (open for writing, rename,
link, sync, make a folder, copy) or opens a database. ``Faults`` counts them; from step
``k`` on, it makes the disk full or read-only:

- emulated: every later call that would write fails with ``ENOSPC`` / ``EROFS`` (and a
  database opened for writing with SQLite's ``FULL`` / ``READONLY``), while reads go on;
- real: on a small tmpfs of its own, the disk is filled up at step ``k`` with one file, and
  from then on the kernel and SQLite fail where they fail (needs the right to mount).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from relationship_journal.store.cipher import cipher_module

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC
_SQLITE_CODES = {errno.ENOSPC: (13, "SQLITE_FULL"), errno.EROFS: (8, "SQLITE_READONLY")}
SMALL_DISK_BYTES = 8 * 1024 * 1024


class Faults:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, disk: Path | None = None) -> None:
        self.monkeypatch = monkeypatch
        self.disk = disk  # a small tmpfs to fill for real, or None to emulate
        self.steps = 0
        self.fail_from: int | None = None
        self.code = errno.ENOSPC
        self.failing = False

    def install(self) -> None:
        hooks: list[tuple[Any, str, bool]] = [
            (os, "open", True),
            (os, "replace", False),
            (os, "rename", False),
            (os, "link", False),
            (os, "fsync", False),
            (os, "mkdir", False),
            (shutil, "copyfile", False),
            (sqlite3, "connect", True),
            (cipher_module(), "connect", True),
        ]
        for owner, name, inspect_args in hooks:
            self.monkeypatch.setattr(owner, name, self._wrap(getattr(owner, name), inspect_args))

    def arm(self, step: int, code: int) -> None:
        self.steps, self.fail_from, self.code, self.failing = 0, step, code, False

    def _wrap(self, real: Callable[..., Any], inspect_args: bool) -> Callable[..., Any]:
        def hooked(*args: Any, **kwargs: Any) -> Any:
            writes = not inspect_args or _writes(real, args, kwargs)
            if writes:
                self.steps += 1
                if self.fail_from is not None and self.steps >= self.fail_from:
                    self._fail(real)
            return real(*args, **kwargs)

        return hooked

    def _fail(self, real: Callable[..., Any]) -> None:
        if self.disk is not None and self.code == errno.ENOSPC:
            if not self.failing:
                self.failing = True
                fill(self.disk)
            return  # the kernel and SQLite fail by themselves from now on
        self.failing = True
        if getattr(real, "__name__", "") == "connect":
            code, name = _SQLITE_CODES[self.code]
            module = cipher_module() if "sqlcipher" in getattr(real, "__module__", "") else sqlite3
            error = module.OperationalError(os.strerror(self.code))
            error.sqlite_errorcode, error.sqlite_errorname = code, name
            raise error
        raise OSError(self.code, os.strerror(self.code))

    def clear(self) -> None:
        self.fail_from = None
        self.failing = False
        if self.disk is not None:
            for filler in self.disk.glob("filler-*"):
                filler.unlink()


def _writes(real: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    if real is os.open or getattr(real, "__name__", "") == "open":
        flags = args[1] if len(args) > 1 else kwargs.get("flags", 0)
        return bool(flags & _WRITE_FLAGS)
    target = str(args[0]) if args else ""
    return "mode=ro" not in target


def fill(disk: Path) -> None:
    """Fill the small disk ``disk`` to the last byte (it must be one of ours)."""
    info = os.statvfs(disk)
    assert os.path.ismount(disk) and info.f_blocks * info.f_frsize <= SMALL_DISK_BYTES * 2
    with (
        (disk / f"filler-{uuid.uuid4().hex}").open("wb", buffering=0) as filler,
        contextlib.suppress(OSError),
    ):
        while True:
            filler.write(b"\0" * 65536)


@contextlib.contextmanager
def small_disk(folder: Path) -> Iterator[Path | None]:
    """A tmpfs of a few megabytes at ``folder``, or None where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={SMALL_DISK_BYTES}", "tmpfs", str(folder)],
            capture_output=True,
        ).returncode
        == 0
    )
    try:
        yield folder if mounted and os.path.ismount(folder) else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
