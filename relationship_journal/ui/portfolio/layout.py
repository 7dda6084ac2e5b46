"""Where the portfolio chart puts things: round axis numbers, and names that never overlap.

Plain geometry (``QRectF``), so it is tested without painting anything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF

GAP = 4.0


def ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round numbers (1, 2 or 5 times a power of ten apart) spanning ``low``…``high``."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(most - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    return [round(n * step, 10) for n in range(first, last + 1)]


def _candidates(centre: QPointF, size: QSizeF, radius: float) -> list[QRectF]:
    """Spots for a label around its dot, the most natural first: right, left, above, below,
    then the four corners."""
    w, h = size.width(), size.height()
    x, y = centre.x(), centre.y()
    offset = radius + GAP
    return [
        QRectF(x + offset, y - h / 2, w, h),
        QRectF(x - offset - w, y - h / 2, w, h),
        QRectF(x - w / 2, y - offset - h, w, h),
        QRectF(x - w / 2, y + offset, w, h),
        QRectF(x + offset * 0.7, y - offset * 0.7 - h, w, h),
        QRectF(x - offset * 0.7 - w, y - offset * 0.7 - h, w, h),
        QRectF(x + offset * 0.7, y + offset * 0.7, w, h),
        QRectF(x - offset * 0.7 - w, y + offset * 0.7, w, h),
    ]


def place_labels(
    centres: Sequence[QPointF],
    sizes: Sequence[QSizeF],
    bounds: QRectF,
    radius: float,
    order: Sequence[int] | None = None,
) -> list[QRectF | None]:
    """A rectangle for each label, beside its dot, inside ``bounds``, overlapping no other
    label and no dot; None where no spot is free (that name shows on hover). Labels are
    placed in ``order`` (the most important first)."""
    dots = [
        QRectF(c.x() - radius, c.y() - radius, radius * 2, radius * 2).adjusted(-1, -1, 1, 1)
        for c in centres
    ]
    taken: list[QRectF] = []
    placed: list[QRectF | None] = [None] * len(centres)
    for index in order if order is not None else range(len(centres)):
        for spot in _candidates(centres[index], sizes[index], radius):
            if not bounds.contains(spot):
                continue
            if any(spot.intersects(other) for other in taken):
                continue
            if any(spot.intersects(dot) for i, dot in enumerate(dots) if i != index):
                continue
            placed[index] = spot
            taken.append(spot.adjusted(-1, -1, 1, 1))
            break
    return placed
