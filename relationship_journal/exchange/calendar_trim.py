"""Only the events that can matter to a span of days, picked from the raw text before any
parsing: a calendar of 20,000 events keeps its recurring series and the few single events
near the span, and the full parser and the series expansion see a tenth of the file.

The test is generous (dates compared by their digits, two days of margin either side for
time zones); whatever it is unsure of is kept.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MARGIN = timedelta(days=2)
_EVENT = re.compile(rb"BEGIN:VEVENT\r?\n.*?END:VEVENT\r?\n?", re.DOTALL | re.IGNORECASE)
_FOLD = re.compile(rb"\r?\n[ \t]")
_DATE = re.compile(rb"(?im)^(DTSTART|DTEND|RECURRENCE-ID|UNTIL)[^:\r\n]*:(\d{8})")
_REPEATS = re.compile(rb"(?im)^(RRULE|RDATE|EXRULE)[;:]")
_UNTIL = re.compile(rb"(?im)^RRULE[;:][^\r\n]*UNTIL=(\d{8})")
_DURATION = re.compile(rb"(?im)^DURATION[;:]")


def _day(digits: bytes) -> date | None:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def _needed(event: bytes, first: date, after_last: date) -> bool:
    text = _FOLD.sub(b"", event)
    if _REPEATS.search(text):
        until = _UNTIL.search(text)
        ends = _day(until.group(1)) if until else None
        return ends is None or ends + MARGIN >= first
    found = {name.upper(): _day(digits) for name, digits in _DATE.findall(text)}
    start = found.get(b"DTSTART")
    if start is None:
        return True  # unsure: the parser decides
    if start - MARGIN >= after_last:
        moved_from = found.get(b"RECURRENCE-ID")
        return (
            moved_from is not None
            and first <= moved_from + MARGIN
            and moved_from - MARGIN < after_last
        )
    end = found.get(b"DTEND")
    if end is None:
        return bool(_DURATION.search(text)) or start + MARGIN >= first
    moved_from = found.get(b"RECURRENCE-ID")
    if moved_from is not None and first <= moved_from + MARGIN and moved_from - MARGIN < after_last:
        return True
    return end + MARGIN >= first


def trimmed(data: bytes, first: date, after_last: date) -> bytes:
    """``data`` without the events that cannot touch ``first`` up to ``after_last``."""
    kept: list[bytes] = []
    position = 0
    for match in _EVENT.finditer(data):
        kept.append(data[position : match.start()])
        if _needed(match.group(0), first, after_last):
            kept.append(match.group(0))
        position = match.end()
    kept.append(data[position:])
    return b"".join(kept)
