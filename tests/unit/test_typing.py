"""The rules and the use cases type-check strictly (mypy --strict on domain/ and operations/).

The store and the file formats are checked where they are imported from there; SQLModel's
query typing is too loose to hold them to --strict on their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_the_rules_and_the_use_cases_are_strictly_typed() -> None:
    out, err, status = api.run(
        [
            "--strict",
            "--no-incremental",
            "--follow-imports=silent",
            str(ROOT / "relationship_journal" / "domain"),
            str(ROOT / "relationship_journal" / "operations"),
        ]
    )
    assert status == 0, out + err
