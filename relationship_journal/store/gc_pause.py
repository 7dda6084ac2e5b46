"""Pausing Python's cycle collector while a query builds many small objects at once.

Gathering the agenda of a large journal makes some 15,000 moments in one go; each
allocation counts toward the next collection, so the collector runs dozens of times
over objects that are all still alive, and costs a third of the work. None of these
objects form cycles, so nothing is lost by collecting once afterwards instead.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic collection inside the block (safe to nest and to use from threads)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
