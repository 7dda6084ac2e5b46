"""Background work off the UI thread: a QRunnable on the global pool, results by signal.

A task never touches a widget; it gets what it needs as arguments and opens its own
database session. Callbacks run back on the UI thread.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

ProgressCallback = Callable[[int, int], None]


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, int)


class Task(QRunnable):
    """Runs ``work(progress)``; ``progress(done, total)`` may be called from the worker."""

    def __init__(self, work: Callable[[ProgressCallback], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self._work(self.signals.progressed.emit)
        except Exception as error:  # handed to the caller's failure callback
            self.signals.failed.emit(error, traceback.format_exc())
            return
        self.signals.succeeded.emit(result)


_running: set[Task] = set()


def run_task(
    work: Callable[[ProgressCallback], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException, str], None],
    on_progress: ProgressCallback | None = None,
) -> Task:
    task = Task(work)
    _running.add(task)

    def finished_ok(result: Any) -> None:
        _running.discard(task)
        on_success(result)

    def finished_badly(error: BaseException, details: str) -> None:
        _running.discard(task)
        on_failure(error, details)

    task.signals.succeeded.connect(finished_ok)
    task.signals.failed.connect(finished_badly)
    if on_progress is not None:
        task.signals.progressed.connect(on_progress)
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
