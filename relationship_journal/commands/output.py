"""What commands print, written one way: JSON as the ``--json`` options promise it."""

from __future__ import annotations

import json
import sys


def print_json(records: object) -> int:
    """``records`` as indented JSON (names as written, not escaped) on standard output."""
    json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
