"""The rules, the store and the use cases type-check strictly (mypy --strict on domain/,
store/ with its migrations, and operations/).

The file formats are checked where they are imported from there, not on their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_the_rules_the_store_and_the_use_cases_are_strictly_typed() -> None:
    out, err, status = api.run(
        [
            "--strict",
            "--no-incremental",
            "--follow-imports=silent",
            str(ROOT / "relationship_journal" / "domain"),
            str(ROOT / "relationship_journal" / "store"),
            str(ROOT / "relationship_journal" / "operations"),
        ]
    )
    assert status == 0, out + err
